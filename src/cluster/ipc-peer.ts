import {
  AppError,
  ArticlesRejectedError,
  isAppError,
  type ErrorCode,
  type FieldIssue,
  type RejectedArticle,
} from '../errors.js';

/**
 * Calls between the cluster's primary and its HTTP workers, over the IPC channel node:cluster
 * opens (structured clone: `serialization: 'advanced'`). Each side answers the operations it
 * was given handlers for and may call the other's; replies are matched to calls by number.
 */

/** An AppError as it crosses the process boundary: classes do not, fields do. */
export interface WireError {
  code: ErrorCode;
  status: number;
  title: string;
  detail?: string | undefined;
  errors?: FieldIssue[] | undefined;
  headers?: Record<string, string> | undefined;
  /** Set for `ArticlesRejectedError`, which the caller must see as that class. */
  rejected?: readonly RejectedArticle[] | undefined;
  /** What failed underneath, for the log; never rendered. */
  cause?: string | undefined;
}

type Call = { channel: typeof CHANNEL; type: 'call'; id: number; op: string; arg: unknown };
type Reply =
  | { channel: typeof CHANNEL; type: 'reply'; id: number; ok: true; value: unknown }
  | { channel: typeof CHANNEL; type: 'reply'; id: number; ok: false; error: WireError };

/** Tags our messages, so that other users of the channel (prom-client, Node itself) are left alone. */
const CHANNEL = 'article-search';

/** The two ends node:cluster gives: `process` in a worker, a `Worker` in the primary. */
export interface IpcEndpoint {
  send(message: unknown): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/** What a side answers: operation name -> handler (its value or failure goes back to the caller). */
export type IpcHandlers = Record<string, (arg: unknown) => unknown>;

/** One side of the channel. */
export class IpcPeer {
  readonly #endpoint: IpcEndpoint;
  readonly #handlers: IpcHandlers;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: AppError) => void }>();
  readonly #listener = (message: unknown) => this.#receive(message);
  #next = 1;
  #closed: AppError | undefined;

  constructor(endpoint: IpcEndpoint, handlers: IpcHandlers = {}) {
    this.#endpoint = endpoint;
    this.#handlers = handlers;
    endpoint.on('message', this.#listener);
  }

  /** Calls `op` on the other side; rejects with the AppError it failed with, or when the channel closes. */
  call(op: string, arg?: unknown): Promise<unknown> {
    if (this.#closed) return Promise.reject(this.#closed);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      const sent = this.#endpoint.send({ channel: CHANNEL, type: 'call', id, op, arg } satisfies Call);
      if (!sent) this.#settle({ channel: CHANNEL, type: 'reply', id, ok: false, error: CHANNEL_CLOSED });
    });
  }

  /** Stops listening; calls still waiting reject with `error`. */
  close(error: AppError): void {
    this.#closed ??= error;
    this.#endpoint.off('message', this.#listener);
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  #receive(message: unknown): void {
    if (!isOurs(message)) return;
    if (message.type === 'reply') this.#settle(message);
    else void this.#answer(message);
  }

  async #answer(call: Call): Promise<void> {
    let reply: Reply;
    try {
      const handler = this.#handlers[call.op];
      if (!handler) throw new Error(`no handler for ${call.op}`);
      reply = { channel: CHANNEL, type: 'reply', id: call.id, ok: true, value: await handler(call.arg) };
    } catch (error) {
      reply = { channel: CHANNEL, type: 'reply', id: call.id, ok: false, error: toWireError(error) };
    }
    // The other side may be gone (a worker that exited): nothing is waiting for the answer then.
    if (!this.#closed) this.#endpoint.send(reply);
  }

  #settle(reply: Reply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(fromWireError(reply.error));
  }
}

const CHANNEL_CLOSED: WireError = {
  code: 'engine_unavailable',
  status: 503,
  title: 'Search engine unavailable',
  detail: 'The service is restarting; retry shortly.',
  headers: { 'Retry-After': '2' },
  cause: 'IPC channel closed',
};

function isOurs(message: unknown): message is Call | Reply {
  return typeof message === 'object' && message !== null && (message as { channel?: unknown }).channel === CHANNEL;
}

/** Any failure -> its wire form; an error that is not an AppError becomes a 500 whose message stays in `cause`. */
export function toWireError(error: unknown): WireError {
  const cause = isAppError(error) ? error.cause : error;
  const causeText =
    cause instanceof Error ? `${cause.name}: ${cause.message}` : cause === undefined ? undefined : String(cause);
  if (!isAppError(error)) {
    return { code: 'internal_error', status: 500, title: 'Internal server error', cause: causeText };
  }
  return {
    code: error.code,
    status: error.status,
    title: error.message,
    detail: error.detail,
    errors: error.errors,
    headers: error.headers,
    rejected: error instanceof ArticlesRejectedError ? error.rejected : undefined,
    cause: causeText,
  };
}

/** Wire form -> an AppError that renders as the original did; `ArticlesRejectedError` keeps its class. */
export function fromWireError(wire: WireError): AppError {
  if (wire.rejected) return new ArticlesRejectedError(wire.rejected);
  return new AppError(wire.code, wire.status, wire.title, {
    ...(wire.detail === undefined ? {} : { detail: wire.detail }),
    ...(wire.errors === undefined ? {} : { errors: wire.errors }),
    ...(wire.headers === undefined ? {} : { headers: wire.headers }),
    ...(wire.cause === undefined ? {} : { cause: new Error(wire.cause) }),
  });
}
