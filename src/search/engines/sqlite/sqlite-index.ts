import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../../../articles/article.schema.js';
import { EngineUnavailableError, isIndexBusy, type AppError } from '../../../errors.js';
import type { Logger } from '../../../logger.js';
import type { ArticleIndex, IndexRunOptions } from '../../search-engine.js';
import {
  fromWireError,
  toWriteError,
  type WorkerOptions,
  type WorkerStarted,
  type WriteCall,
  type WriteReply,
  type WriteRequest,
} from './write-protocol.js';

/** How long a write waits for another process's write lock by default (the indexer's runs). */
export const DEFAULT_LOCK_WAIT_MS = 5_000;
/** Ids per round trip of `listIds`. */
const ID_PAGE = 10_000;

/** Options of `openSqliteIndex`. */
export interface SqliteIndexOptions {
  path: string;
  logger: Logger;
  /** Page cache for bulk loads, in MiB. */
  cacheMiB?: number;
  /**
   * How long one call may wait for a write lock another process holds, counted from the call,
   * before it rejects with `IndexBusyError` (503 `index_busy`). Calls queued behind a waiting
   * one share the same clock, so none waits longer.
   */
  lockWaitMs?: number;
}

/**
 * Opens the embedded engine's write side on a worker thread: better-sqlite3 is synchronous,
 * so writes (and waiting for another process's lock) run there and never stall the thread that
 * answers searches. One worker owns the write connection; calls are applied in call order.
 * Every method rejects with an `AppError` on failure, never throws.
 * @throws AppError (`DatabaseFileError`) when the file cannot be opened as a writer
 */
export async function openSqliteIndex({
  path,
  logger,
  cacheMiB = 256,
  lockWaitMs = DEFAULT_LOCK_WAIT_MS,
}: SqliteIndexOptions): Promise<ArticleIndex> {
  const worker = startWorker({ path, cacheMiB });
  const started = await new Promise<WorkerStarted>((resolve, reject) => {
    const listen = (on: boolean) => {
      const method = on ? 'once' : 'off';
      worker[method]('message', answered);
      worker[method]('error', failed);
      worker[method]('exit', stopped);
    };
    const answered = (message: WorkerStarted) => {
      listen(false);
      resolve(message);
    };
    const failed = (error: unknown) => {
      listen(false);
      reject(new EngineUnavailableError(error));
    };
    const stopped = () => failed(new Error('index worker stopped while opening'));
    listen(true);
  });
  if (!started.ready) {
    await worker.terminate();
    throw fromWireError(started.error);
  }
  return new WorkerArticleIndex(worker, logger, lockWaitMs);
}

/**
 * The worker's module, beside this one: `.js` once built; `.ts` when running from sources
 * (tests, `npm run dev`, the indexer through tsx), where the worker must load tsx itself.
 */
function startWorker(options: WorkerOptions): Worker {
  const url = new URL(`./index-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: options });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const code = `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData: options });
}

type Pending = { resolve: (value: unknown) => void; reject: (error: AppError) => void; op: WriteCall['op'] };

class WorkerArticleIndex implements ArticleIndex {
  readonly #worker: Worker;
  readonly #logger: Logger;
  readonly #lockWaitMs: number;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  /** Set once the worker is gone: every later call rejects with it. */
  #stopped: AppError | undefined;

  constructor(worker: Worker, logger: Logger, lockWaitMs: number) {
    this.#worker = worker;
    this.#logger = logger;
    this.#lockWaitMs = lockWaitMs;
    // An idle writer does not keep the process alive; a call in flight does.
    worker.unref();
    worker.on('message', (reply: WriteReply) => this.#settle(reply));
    worker.on('error', (error) => this.#stop(new EngineUnavailableError(error)));
    worker.on('exit', () => this.#stop(new EngineUnavailableError(new Error('index worker stopped'))));
  }

  begin(options: IndexRunOptions = {}): Promise<void> {
    return this.#call({ op: 'begin', arg: options }) as Promise<void>;
  }

  upsert(batch: readonly Article[]): Promise<void> {
    // Structured clone copies the batch once; the worker owns its copy.
    return this.#call({ op: 'upsert', arg: batch }) as Promise<void>;
  }

  delete(ids: readonly string[]): Promise<number> {
    return this.#call({ op: 'delete', arg: ids }) as Promise<number>;
  }

  async *listIds(): AsyncIterable<string> {
    // Paged by doc, so that no statement stays open across the consumer's awaits.
    for (let after = 0; ;) {
      const page = (await this.#call({ op: 'idsAfter', arg: { after, limit: ID_PAGE } })) as {
        ids: string[];
        next: number;
      };
      if (page.ids.length === 0) return;
      yield* page.ids;
      after = page.next;
    }
  }

  async finish(): Promise<void> {
    const { ms } = (await this.#call({ op: 'finish' })) as { ms: number };
    this.#logger.debug({ ms }, 'index finished');
  }

  count(): Promise<number> {
    return this.#call({ op: 'count' }) as Promise<number>;
  }

  async close(): Promise<void> {
    if (this.#stopped) return;
    try {
      await this.#call({ op: 'close' });
    } finally {
      await this.#worker.terminate();
      this.#stop(new EngineUnavailableError(new Error('index closed')));
    }
  }

  #call(call: WriteCall): Promise<unknown> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    const request: WriteRequest = { ...call, id, waitUntil: Date.now() + this.#lockWaitMs };
    return new Promise((resolve, reject) => {
      try {
        this.#worker.postMessage(request);
      } catch (error) {
        // An argument that cannot be cloned (a bug): nothing was sent.
        reject(toWriteError(error));
        return;
      }
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject, op: call.op });
    });
  }

  #settle(reply: WriteReply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (reply.ok) {
      pending.resolve(reply.value);
      return;
    }
    const error = fromWireError(reply.error);
    if (isIndexBusy(error)) this.#logger.warn({ op: pending.op }, 'index busy: another process holds the write lock');
    else this.#logger.error({ op: pending.op, err: error.cause }, 'sqlite write failed');
    pending.reject(error);
  }

  #stop(error: AppError): void {
    this.#stopped ??= error;
    for (const pending of this.#pending.values()) pending.reject(this.#stopped);
    this.#pending.clear();
  }
}
