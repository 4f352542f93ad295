import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { AppError, ErrorCode } from '../../errors.js';

/** 429 `rate_limited`; `Retry-After` is set by the limiter before this is thrown. */
export class RateLimitedError extends AppError {
  constructor(limitPerMinute: number) {
    super(ErrorCode.rateLimited, 429, 'Too many requests', {
      detail: `At most ${limitPerMinute} requests per minute per client; wait for Retry-After seconds.`,
    });
    this.name = 'RateLimitedError';
  }
}

/** The window the limit counts over. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * Per-client-IP limit over a one-minute window: in this process's memory, or in `store` (the
 * cluster's primary, shared by every worker). Returns undefined when `limitPerMinute` is 0 (disabled).
 * @remarks The client IP honours TRUST_PROXY, so behind a proxy set it, or every client
 * shares the proxy's budget.
 */
export function perClientRateLimit(limitPerMinute: number, store?: Store): RequestHandler | undefined {
  if (limitPerMinute === 0) return undefined;
  return rateLimit({
    windowMs: RATE_LIMIT_WINDOW_MS,
    ...(store ? { store } : {}),
    limit: limitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new RateLimitedError(limitPerMinute)),
  });
}
