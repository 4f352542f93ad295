/**
 * One error model for the whole service: every failure that can reach a client is an
 * `AppError` with a stable `code`, an HTTP status and an optional `cause` that never
 * leaves the process.
 */

/** Stable, documented error codes. Clients branch on these, never on wording. */
export const ErrorCode = {
  invalidParameter: 'invalid_parameter',
  unknownParameter: 'unknown_parameter',
  notFound: 'not_found',
  articleNotFound: 'article_not_found',
  invalidArticle: 'invalid_article',
  payloadTooLarge: 'payload_too_large',
  requestTooLarge: 'request_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  writesDisabled: 'writes_disabled',
  rateLimited: 'rate_limited',
  timeout: 'timeout',
  engineUnavailable: 'engine_unavailable',
  indexOutdated: 'index_outdated',
  indexBusy: 'index_busy',
  shuttingDown: 'shutting_down',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A problem with one input field: `path` is the parameter name or a dotted path. */
export interface FieldIssue {
  path: string;
  message: string;
}

interface AppErrorOptions {
  detail?: string;
  errors?: FieldIssue[];
  cause?: unknown;
  headers?: Record<string, string>;
}

/** Base of every error the service reports. */
export class AppError extends Error {
  readonly detail: string | undefined;
  readonly errors: FieldIssue[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    title: string,
    options: AppErrorOptions = {},
  ) {
    super(title, { cause: options.cause });
    this.name = 'AppError';
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

/** 400: one or more request parameters are invalid; `hint` follows the names in `detail` ("Valid: q, page."). */
export class ValidationError extends AppError {
  constructor(errors: FieldIssue[], code: ErrorCode = ErrorCode.invalidParameter, hint?: string) {
    const names = [...new Set(errors.map((e) => e.path))].join(', ');
    super(code, 400, code === ErrorCode.unknownParameter ? 'Unknown parameter' : 'Invalid request parameter', {
      detail: hint === undefined ? `Check: ${names}` : `Check: ${names}. ${hint}`,
      errors,
    });
    this.name = 'ValidationError';
  }
}

/** 404 for an unknown resource. */
export class NotFoundError extends AppError {
  constructor(code: ErrorCode = ErrorCode.notFound, detail?: string) {
    super(code, 404, 'Not found', detail === undefined ? {} : { detail });
    this.name = 'NotFoundError';
  }
}

/**
 * 503: the search engine cannot answer. Adapters wrap their vendor errors in this one;
 * the vendor's message stays in `cause` and is never rendered.
 */
export class EngineUnavailableError extends AppError {
  constructor(cause?: unknown) {
    super(ErrorCode.engineUnavailable, 503, 'Search engine unavailable', {
      detail: 'The search engine is not reachable right now; retry shortly.',
      cause,
      headers: { 'Retry-After': '2' },
    });
    this.name = 'EngineUnavailableError';
  }
}

/** One article an engine would not store, and why (a message safe to show the operator). */
export interface RejectedArticle {
  id: string;
  message: string;
}

/**
 * An `ArticleIndex.upsert` that stored every article of the batch except `rejected` (for
 * example one larger than the engine accepts in a request). The caller reports those as
 * invalid records, with their file and line, and goes on: nothing else of the batch is lost.
 */
export class ArticlesRejectedError extends AppError {
  constructor(readonly rejected: readonly RejectedArticle[]) {
    super(ErrorCode.invalidArticle, 422, 'Articles rejected by the search engine', {
      detail: `${rejected.length} article(s) could not be stored; the rest of the batch was.`,
    });
    this.name = 'ArticlesRejectedError';
  }
}

/**
 * 503: another writer holds the index (the indexer, another server) longer than a write may
 * wait. Nothing was written; the same request can be sent again.
 */
export class IndexBusyError extends AppError {
  constructor(cause?: unknown) {
    super(ErrorCode.indexBusy, 503, 'Index busy', {
      detail: 'Another process is writing to the index; nothing was written. Try again shortly.',
      cause,
      headers: { 'Retry-After': '2' },
    });
    this.name = 'IndexBusyError';
  }
}

/** Whether an error says the index was busy, so the same write may succeed later. */
export function isIndexBusy(error: unknown): boolean {
  return isAppError(error) && error.code === ErrorCode.indexBusy;
}

/** Type guard usable across module boundaries. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
