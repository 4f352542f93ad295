import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, ErrorCode, NotFoundError, isAppError } from '../../errors.js';

/** Body of every error response (RFC 9457 problem details). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: { path: string; message: string }[];
  requestId?: string;
}

/** Where each error code is documented. */
export const problemType = (code: string) => `https://article-search.dev/problems/${code.replace(/_/g, '-')}`;

/** Renders an AppError as `application/problem+json`. */
export function toProblem(error: AppError, requestId?: string): ProblemDetails {
  const problem: ProblemDetails = { type: problemType(error.code), title: error.message, status: error.status, code: error.code };
  if (error.detail) problem.detail = error.detail;
  if (error.errors) problem.errors = error.errors;
  if (requestId) problem.requestId = requestId;
  return problem;
}

/** Maps errors thrown by Express and body parsers onto our codes; anything else is a 500. */
function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const e = error as { type?: string; status?: number; statusCode?: number };
  const status = e?.status ?? e?.statusCode;
  if (e?.type === 'entity.too.large') return new AppError(ErrorCode.payloadTooLarge, 413, 'Payload too large', { cause: error });
  if (e?.type === 'entity.parse.failed') {
    return new AppError(ErrorCode.invalidParameter, 400, 'Malformed JSON body', { cause: error, errors: [{ path: 'body', message: 'is not valid JSON' }] });
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(ErrorCode.invalidParameter, status, 'Bad request', { cause: error });
  }
  return new AppError(ErrorCode.internal, 500, 'Internal server error', { cause: error });
}

/** The one error renderer: logs 5xx with their cause, never sends a stack or an upstream message. */
export const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  const appError = toAppError(error);
  if (res.headersSent) return next(error);
  if (appError.status >= 500) {
    req.log?.error({ err: appError.cause ?? appError, code: appError.code }, 'request failed');
  }
  for (const [name, value] of Object.entries(appError.headers ?? {})) res.setHeader(name, value);
  res.status(appError.status).type('application/problem+json').json(toProblem(appError, String(req.id ?? '')));
};

/** 404 for every route nobody handled. */
export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new NotFoundError(ErrorCode.notFound, 'No such route'));
};
