import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, ErrorCode, NotFoundError, isAppError } from '../../errors.js';
import { notFoundPage, prefersHtml } from '../not-found-page.js';
import { sendProblem } from './problem-details.js';

export { ProblemDetailsSchema, problemType, toProblem, type ProblemDetails } from './problem-details.js';

/** Maps errors thrown by Express and body parsers onto our codes; anything else is a 500. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const e = error as { type?: string; status?: number; statusCode?: number } | undefined;
  const status = e?.status ?? e?.statusCode;
  if (e?.type === 'entity.too.large') {
    return new AppError(ErrorCode.payloadTooLarge, 413, 'Payload too large', {
      cause: error,
      detail: 'The request body is larger than allowed.',
    });
  }
  if (e?.type === 'entity.parse.failed') {
    return new AppError(ErrorCode.invalidParameter, 400, 'Malformed JSON body', {
      cause: error,
      errors: [{ path: 'body', message: 'is not valid JSON' }],
    });
  }
  if (status === 415)
    return new AppError(ErrorCode.unsupportedMediaType, 415, 'Unsupported media type', { cause: error });
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(ErrorCode.invalidParameter, status, 'Bad request', { cause: error });
  }
  return new AppError(ErrorCode.internal, 500, 'Internal server error', { cause: error });
}

/** The one error renderer: logs 5xx with their cause, never sends a stack or an upstream message. */
export const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  const appError = toAppError(error);
  if (res.headersSent) {
    // A handler finishing after the request timeout already answered: nothing left to tell the client.
    if (res.writableEnded) {
      req.log?.debug({ code: appError.code }, 'late error after the response was sent');
      return;
    }
    return next(error);
  }
  if (appError.status >= 500) {
    req.log?.error({ err: appError.cause ?? appError, code: appError.code }, 'request failed');
  }
  sendProblem(req, res, appError);
};

/** 404 for every route nobody handled: a small HTML page for a browser, problem+json for everyone else. */
export const notFoundHandler: RequestHandler = (req, res, next) => {
  if ((req.method === 'GET' || req.method === 'HEAD') && prefersHtml(req)) {
    res.status(404).type('html').send(notFoundPage(req.path));
    return;
  }
  next(new NotFoundError(ErrorCode.notFound, 'No such route'));
};
