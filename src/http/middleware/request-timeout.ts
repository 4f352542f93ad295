import type { RequestHandler } from 'express';
import { AppError, ErrorCode } from '../../errors.js';
import { sendProblem } from './problem-details.js';

/** 503 `timeout`: the request used up its time budget (REQUEST_TIMEOUT_MS). */
export class RequestTimeoutError extends AppError {
  constructor(budgetMs: number) {
    super(ErrorCode.timeout, 503, 'Request timed out', {
      detail: `The request took longer than ${budgetMs} ms; retry shortly, or narrow the query.`,
      headers: { 'Retry-After': '1' },
    });
    this.name = 'RequestTimeoutError';
  }
}

/**
 * Answers 503 `timeout` when a request is not answered within `budgetMs`.
 * @remarks The engine call is not cancelled (the port takes no signal): its late result is
 * dropped, and the error handler ignores the write that fails after this answer.
 */
export function requestTimeout(budgetMs: number): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      req.log?.warn({ budgetMs }, 'request timed out');
      sendProblem(req, res, new RequestTimeoutError(budgetMs));
    }, budgetMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}
