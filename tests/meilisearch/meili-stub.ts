import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A recorder that speaks Meilisearch's HTTP API (shapes written from the API reference): it
 * records every request and answers with canned responses. It keeps which indexes exist,
 * their settings and documents by id so the write path can be followed; it does not search.
 * Search and facet-search answers are set per test with `reply`.
 */

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

type Reply = [status: number, body: unknown];
type Handler = (req: Recorded, params: string[]) => Reply;
type TaskError = { message: string; code: string; type: string; link: string };

interface StubTask {
  uid: number;
  indexUid: string | null;
  type: string;
  details: Record<string, unknown>;
  error: TaskError | null;
  polls: number;
}

const NOW = '2026-01-01T00:00:00.000000Z';
const error = (status: number, code: string, message: string): Reply => [
  status,
  {
    message,
    code,
    type: status >= 500 ? 'internal' : 'invalid_request',
    link: `https://docs.meilisearch.com/errors#${code}`,
  },
];

/** A running stub. `url` includes the port; `requests` grows with every call. */
export class MeiliStub {
  readonly requests: Recorded[] = [];
  /** Index uid -> { settings, documents by id }. */
  readonly indexes = new Map<
    string,
    { settings: Record<string, unknown>; docs: Map<string, Record<string, unknown>> }
  >();
  mode: 'normal' | 'down' | 'hang' = 'normal';
  #tasks: StubTask[] = [];
  #failNext = new Map<string, TaskError>();
  #overrides = new Map<string, Handler>();
  #sockets = new Set<Socket>();
  #server: Server;
  #port = 0;

  private constructor() {
    this.#server = this.#create();
  }

  static async start(): Promise<MeiliStub> {
    const stub = new MeiliStub();
    await stub.#listen(0);
    return stub;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Requests other than task polling, as "METHOD /path". */
  calls(): string[] {
    return this.requests.filter((r) => !r.path.startsWith('/tasks/')).map((r) => `${r.method} ${r.path}`);
  }

  /** Answers one route ("POST /multi-search") with a test's handler. */
  reply(route: string, handler: Handler): void {
    this.#overrides.set(route, handler);
  }

  /** The next task of this type ends `failed` with this Meilisearch error. */
  failNextTask(type: string, taskError: Omit<TaskError, 'link'>): void {
    this.#failNext.set(type, { ...taskError, link: `https://docs.meilisearch.com/errors#${taskError.code}` });
  }

  /** Stops listening: connections are then refused. */
  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Listens again on the same port. */
  async restart(): Promise<void> {
    this.#server = this.#create();
    await this.#listen(this.#port);
  }

  #create(): Server {
    const server = createServer((req, res) => void this.#handle(req, res));
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    return server;
  }

  #listen(port: number): Promise<void> {
    return new Promise((resolve) =>
      this.#server.listen(port, '127.0.0.1', () => {
        this.#port = (this.#server.address() as AddressInfo).port;
        resolve();
      }),
    );
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stub');
    const recorded: Recorded = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    this.requests.push(recorded);
    if (this.mode === 'hang') return; // never answers; the client must give up on its own
    const [status, body] = this.mode === 'down' ? error(503, 'internal', 'stub is down') : this.#route(recorded);
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body));
  }

  #route(req: Recorded): Reply {
    for (const [pattern, handler] of [...this.#overrides, ...this.#defaults()]) {
      const [method, path] = pattern.split(' ') as [string, string];
      const regex = new RegExp(`^${path.replace(/:\w+/g, '([^/]+)')}$`);
      const match = req.method === method ? regex.exec(req.path) : null;
      if (match) return handler(req, match.slice(1).map(decodeURIComponent));
    }
    return error(404, 'not_found', 'no such route in the stub');
  }

  #enqueue(
    indexUid: string | null,
    type: string,
    details: Record<string, unknown>,
    apply: () => TaskError | null,
  ): Reply {
    const failure = this.#failNext.get(type) ?? null;
    this.#failNext.delete(type);
    const task: StubTask = { uid: this.#tasks.length, indexUid, type, details, error: failure ?? apply(), polls: 0 };
    this.#tasks.push(task);
    return [202, { taskUid: task.uid, indexUid, status: 'enqueued', type, enqueuedAt: NOW }];
  }

  #index(uid: string) {
    return this.indexes.get(uid);
  }

  #defaults(): [string, Handler][] {
    const missingIndex = (uid: string) => error(404, 'index_not_found', `Index \`${uid}\` not found.`);
    return [
      ['GET /health', () => [200, { status: 'available' }]],
      [
        'GET /tasks/:uid',
        (_req, [uid]) => {
          const task = this.#tasks[Number(uid)];
          if (!task) return error(404, 'task_not_found', 'Task not found.');
          // The first poll sees it still enqueued, so the client has to keep polling.
          const done = task.polls++ > 0;
          const status = !done ? 'enqueued' : task.error ? 'failed' : 'succeeded';
          return [
            200,
            {
              uid: task.uid,
              batchUid: done ? task.uid : null,
              indexUid: task.indexUid,
              status,
              type: task.type,
              canceledBy: null,
              details: task.details,
              error: done ? task.error : null,
              duration: done ? 'PT0.01S' : null,
              enqueuedAt: NOW,
              startedAt: done ? NOW : null,
              finishedAt: done ? NOW : null,
            },
          ];
        },
      ],
      [
        'GET /indexes/:uid',
        (_req, [uid]) =>
          this.indexes.has(uid!)
            ? [200, { uid, primaryKey: 'id', createdAt: NOW, updatedAt: NOW }]
            : missingIndex(uid!),
      ],
      [
        'POST /indexes',
        (req) => {
          const { uid, primaryKey } = req.body as { uid: string; primaryKey?: string };
          return this.#enqueue(uid, 'indexCreation', { primaryKey }, () => {
            if (this.indexes.has(uid))
              return {
                message: `Index \`${uid}\` already exists.`,
                code: 'index_already_exists',
                type: 'invalid_request',
                link: '',
              };
            this.indexes.set(uid, {
              settings: { searchableAttributes: ['*'], filterableAttributes: [], sortableAttributes: [] },
              docs: new Map(),
            });
            return null;
          });
        },
      ],
      [
        'DELETE /indexes/:uid',
        (_req, [uid]) =>
          this.#enqueue(uid!, 'indexDeletion', { deletedDocuments: this.#index(uid!)?.docs.size ?? 0 }, () => {
            this.indexes.delete(uid!);
            return null;
          }),
      ],
      [
        'GET /indexes/:uid/settings',
        (_req, [uid]) => (this.#index(uid!) ? [200, this.#index(uid!)!.settings] : missingIndex(uid!)),
      ],
      [
        'PATCH /indexes/:uid/settings',
        (req, [uid]) =>
          this.#enqueue(uid!, 'settingsUpdate', req.body as Record<string, unknown>, () => {
            Object.assign(this.#index(uid!)!.settings, req.body);
            return null;
          }),
      ],
      [
        'POST /indexes/:uid/documents',
        (req, [uid]) => {
          const docs = req.body as Record<string, unknown>[];
          return this.#enqueue(
            uid!,
            'documentAdditionOrUpdate',
            { receivedDocuments: docs.length, indexedDocuments: docs.length },
            () => {
              for (const doc of docs) this.#index(uid!)!.docs.set(String(doc['id']), doc);
              return null;
            },
          );
        },
      ],
      [
        'POST /indexes/:uid/documents/delete-batch',
        (req, [uid]) => {
          const ids = req.body as string[];
          const existing = ids.filter((id) => this.#index(uid!)?.docs.delete(id)).length;
          return this.#enqueue(
            uid!,
            'documentDeletion',
            { providedIds: ids.length, deletedDocuments: existing },
            () => null,
          );
        },
      ],
      [
        'GET /indexes/:uid/documents',
        (req, [uid]) => {
          const index = this.#index(uid!);
          if (!index) return missingIndex(uid!);
          const offset = Number(req.query.get('offset') ?? 0);
          const limit = Number(req.query.get('limit') ?? 20);
          const fields = req.query.get('fields')?.split(',');
          const results = [...index.docs.values()]
            .slice(offset, offset + limit)
            .map((doc) => (fields ? Object.fromEntries(fields.map((f) => [f, doc[f]])) : doc));
          return [200, { results, offset, limit, total: index.docs.size }];
        },
      ],
      [
        'POST /indexes/:uid/documents/fetch',
        (req, [uid]) => {
          const index = this.#index(uid!);
          if (!index) return missingIndex(uid!);
          const body = req.body as { ids?: string[]; fields?: string[]; offset?: number; limit?: number };
          const offset = body.offset ?? 0;
          const limit = body.limit ?? 20;
          const docs: Record<string, unknown>[] = body.ids
            ? body.ids.flatMap((id) => {
                const doc = index.docs.get(id);
                return doc ? [doc] : [];
              })
            : [...index.docs.values()];
          const pick = (doc: Record<string, unknown>) =>
            body.fields ? Object.fromEntries(body.fields.filter((f) => f in doc).map((f) => [f, doc[f]])) : doc;
          return [200, { results: docs.slice(offset, offset + limit).map(pick), offset, limit, total: docs.length }];
        },
      ],
      [
        'GET /indexes/:uid/documents/:id',
        (_req, [uid, id]) => {
          const doc = this.#index(uid!)?.docs.get(id!);
          return doc ? [200, doc] : error(404, 'document_not_found', `Document \`${id}\` not found.`);
        },
      ],
      [
        'GET /indexes/:uid/stats',
        (_req, [uid]) => {
          const index = this.#index(uid!);
          if (!index) return missingIndex(uid!);
          return [
            200,
            {
              numberOfDocuments: index.docs.size,
              rawDocumentDbSize: 0,
              avgDocumentSize: 0,
              isIndexing: false,
              numberOfEmbeddings: 0,
              numberOfEmbeddedDocuments: 0,
              fieldDistribution: {},
            },
          ];
        },
      ],
      // Default answers: empty results, or Meilisearch's error for a query on a missing index.
      [
        'POST /multi-search',
        (req) => {
          const queries = (req.body as { queries: { indexUid: string; q?: string; hitsPerPage?: number }[] }).queries;
          const missing = queries.find((q) => !this.indexes.has(q.indexUid));
          if (missing) return missingIndex(missing.indexUid);
          return [
            200,
            {
              results: queries.map((q) => ({
                indexUid: q.indexUid,
                hits: [],
                query: q.q ?? '',
                processingTimeMs: 0,
                hitsPerPage: q.hitsPerPage ?? 20,
                page: 1,
                totalPages: 0,
                totalHits: 0,
              })),
            },
          ];
        },
      ],
      [
        'POST /indexes/:uid/facet-search',
        (req, [uid]) =>
          this.indexes.has(uid!)
            ? [
                200,
                {
                  facetHits: [],
                  facetQuery: (req.body as { facetQuery?: string }).facetQuery ?? null,
                  processingTimeMs: 0,
                },
              ]
            : missingIndex(uid!),
      ],
      [
        'POST /swap-indexes',
        (req) => {
          const swaps = req.body as { indexes: [string, string]; rename: boolean }[];
          return this.#enqueue(null, 'indexSwap', { swaps }, () => {
            for (const {
              indexes: [a, b],
            } of swaps) {
              const left = this.#index(a);
              const right = this.#index(b);
              if (!left || !right)
                return { message: 'Indexes not found.', code: 'index_not_found', type: 'invalid_request', link: '' };
              this.indexes.set(a, right);
              this.indexes.set(b, left);
            }
            return null;
          });
        },
      ],
    ];
  }
}
