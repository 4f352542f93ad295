import { MeilisearchApiError, MeilisearchRequestError, MeilisearchTaskTimeOutError, type Task } from 'meilisearch';
import { ZodError } from 'zod';
import { AppError, EngineUnavailableError, ErrorCode, isAppError } from '../../../errors.js';
import type { Logger } from '../../../logger.js';

type FailureKind = 'network' | 'timeout' | 'http' | 'task' | 'response';

interface FailureFacts {
  status?: number | undefined;
  meiliCode?: string | undefined;
  taskUid?: number | undefined;
  taskStatus?: string | undefined;
  netCode?: string | undefined;
}

/**
 * The `cause` our errors carry for a Meilisearch failure: which call, what kind, status and
 * error codes; never Meilisearch's message, the URL or the key, so a logger may print it whole.
 *
 * @remarks The client's own errors are dropped on purpose: a request error's message holds the
 * URL, and a timeout error holds the request headers, Authorization included.
 */
export class MeiliFailure extends Error {
  override readonly name = 'MeiliFailure';
  readonly status: number | undefined;
  readonly meiliCode: string | undefined;
  readonly taskUid: number | undefined;
  readonly taskStatus: string | undefined;
  readonly netCode: string | undefined;

  constructor(
    readonly op: string,
    readonly kind: FailureKind,
    facts: FailureFacts = {},
  ) {
    super(`meilisearch ${op} failed: ${kind}`);
    this.status = facts.status;
    this.meiliCode = facts.meiliCode;
    this.taskUid = facts.taskUid;
    this.taskStatus = facts.taskStatus;
    this.netCode = facts.netCode;
  }
}

/** Error codes Meilisearch answers with a 404 for an index or document that does not exist. */
const MISSING_CODES = new Set(['index_not_found', 'document_not_found']);

/** Whether Meilisearch said the index or the document does not exist. */
export function isMissing(error: unknown): boolean {
  return error instanceof MeilisearchApiError && MISSING_CODES.has(error.cause?.code ?? '');
}

function networkFailure(op: string, error: MeilisearchRequestError): MeiliFailure {
  const cause = error.cause as { name?: unknown; cause?: { code?: unknown } } | undefined;
  const name = typeof cause?.name === 'string' ? cause.name : '';
  const timedOut = /TimeOut|Timeout|Abort/.test(name);
  const netCode = typeof cause?.cause?.code === 'string' ? cause.cause.code : undefined;
  return new MeiliFailure(op, timedOut ? 'timeout' : 'network', { netCode });
}

/** Whether a call failed because its body was over Meilisearch's payload limit (HTTP 413). */
export function isPayloadTooLarge(error: unknown): boolean {
  const cause = isAppError(error) ? error.cause : error;
  if (cause instanceof MeiliFailure) return cause.status === 413;
  return error instanceof MeilisearchApiError && error.response.status === 413;
}

/**
 * Any failure of a Meilisearch call -> our error: unreachable, timed out, 5xx, a refused key
 * or a garbled answer -> `EngineUnavailableError` (503, retry: a wrong key is an operator's
 * fix, and the API must say "unavailable", not blame the client); another 4xx -> internal (a
 * bug on our side, nothing the client can fix); a task that outlived its wait -> timeout.
 */
export function toAppError(op: string, error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof MeilisearchApiError) {
    const status = error.response.status;
    const failure = new MeiliFailure(op, 'http', { status, meiliCode: error.cause?.code });
    if (status >= 500 || status === 429 || status === 401 || status === 403) return new EngineUnavailableError(failure);
    return new AppError(ErrorCode.internal, 500, 'Search engine request failed', { cause: failure });
  }
  if (error instanceof MeilisearchRequestError) return new EngineUnavailableError(networkFailure(op, error));
  if (error instanceof MeilisearchTaskTimeOutError) {
    const failure = new MeiliFailure(op, 'timeout', { taskUid: error.cause.taskUid });
    return new AppError(ErrorCode.timeout, 504, 'Indexing task did not finish in time', { cause: failure });
  }
  // The client parses every body as JSON: a proxy's HTML error page lands here.
  if (error instanceof SyntaxError) return new EngineUnavailableError(new MeiliFailure(op, 'response'));
  if (error instanceof ZodError) {
    return new AppError(ErrorCode.internal, 500, 'Search engine returned an unexpected document', {
      cause: new MeiliFailure(op, 'response'),
    });
  }
  return new AppError(ErrorCode.internal, 500, 'Internal server error', { cause: error });
}

/**
 * A task that did not succeed -> an internal AppError. Meilisearch's message is kept on the
 * cause as a non-enumerable `vendorMessage`: visible in a debugger, skipped by loggers and JSON.
 */
export function taskFailure(op: string, task: Task): AppError {
  const failure = new MeiliFailure(op, 'task', {
    taskUid: task.uid,
    taskStatus: task.status,
    meiliCode: task.error?.code,
  });
  Object.defineProperty(failure, 'vendorMessage', { value: task.error?.message, enumerable: false });
  return new AppError(ErrorCode.internal, 500, 'Indexing task failed', {
    detail: 'The search engine did not apply the change; see the indexer log for the task.',
    cause: failure,
  });
}

/** Runs one Meilisearch call; `ifMissing` answers for a missing index or document. */
export type Guard = <T>(op: string, run: () => Promise<T>, ifMissing?: () => T) => Promise<T>;

/** Wraps every client call: failures become our errors and are logged with our code and status only. */
export function createGuard(logger: Logger): Guard {
  return async (op, run, ifMissing) => {
    try {
      return await run();
    } catch (error) {
      if (ifMissing && isMissing(error)) return ifMissing();
      const appError = toAppError(op, error);
      const cause = appError.cause instanceof MeiliFailure ? appError.cause : undefined;
      const facts = {
        op,
        code: appError.code,
        status: appError.status,
        meiliStatus: cause?.status,
        meiliCode: cause?.meiliCode,
      };
      // A refused key never fixes itself: say so loudly (the key itself is never logged).
      if (cause?.status === 401 || cause?.status === 403) logger.error(facts, 'meilisearch refused the API key');
      else logger.warn(facts, 'meilisearch call failed');
      throw appError;
    }
  };
}
