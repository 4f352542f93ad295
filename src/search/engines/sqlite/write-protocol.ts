import type { Article } from '../../../articles/article.schema.js';
import { AppError, EngineUnavailableError, IndexBusyError, isAppError, type ErrorCode } from '../../../errors.js';
import type { IndexRunOptions } from '../../search-engine.js';

/**
 * What the SQLite write side's two threads say to each other (`sqlite-index.ts` on the
 * server's thread, `index-worker.ts` on the writer's), and how its failures become AppErrors.
 */

/** What the worker needs to open the database. */
export interface WorkerOptions {
  path: string;
  cacheMiB: number;
}

/** One call of the `ArticleIndex` port (`listIds` by pages). */
export type WriteCall =
  | { op: 'begin'; arg: IndexRunOptions }
  | { op: 'upsert'; arg: readonly Article[] }
  | { op: 'delete'; arg: readonly string[] }
  | { op: 'idsAfter'; arg: { after: number; limit: number } }
  | { op: 'finish' | 'count' | 'close' };

/**
 * A call as sent to the worker: numbered for its reply, and with the epoch millisecond past
 * which it no longer waits for another process's write lock.
 */
export type WriteRequest = WriteCall & { id: number; waitUntil: number };

/** An AppError as it crosses the thread boundary (classes do not; fields do). */
export interface WireError {
  code: ErrorCode;
  status: number;
  title: string;
  detail?: string | undefined;
  headers?: Record<string, string> | undefined;
  /** The original failure, kept for the log; never rendered. */
  cause: { name: string; message: string; code?: string | undefined };
}

/** The worker's answer to one request, or whether it could open the database. */
export type WriteReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };
export type WorkerStarted = { ready: true } | { ready: false; error: WireError };

/**
 * A failure of the write side -> the AppError a client sees: the write lock held by another
 * process past the wait (SQLITE_BUSY, SQLITE_LOCKED and their extended codes) is a retryable
 * 503 `index_busy`; anything else from SQLite a 503 `engine_unavailable`, as on the read side;
 * our own errors (a database file that cannot be used) stay what they are.
 * @example toWriteError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })).code -> 'index_busy'
 */
export function toWriteError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) return new IndexBusyError(error);
  return new EngineUnavailableError(error);
}

/** AppError -> its wire form. */
export function toWireError(error: AppError): WireError {
  const cause = error.cause instanceof Error ? error.cause : error;
  const causeCode = (cause as { code?: unknown }).code;
  return {
    code: error.code,
    status: error.status,
    title: error.message,
    detail: error.detail,
    headers: error.headers,
    cause: { name: cause.name, message: cause.message, code: typeof causeCode === 'string' ? causeCode : undefined },
  };
}

/** Wire form -> an AppError that renders as the original did (code, status, title, detail, headers). */
export function fromWireError(wire: WireError): AppError {
  const cause = Object.assign(new Error(wire.cause.message), { name: wire.cause.name, code: wire.cause.code });
  return new AppError(wire.code, wire.status, wire.title, { detail: wire.detail, headers: wire.headers, cause });
}
