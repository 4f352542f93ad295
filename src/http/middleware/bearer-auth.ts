import type { RequestHandler } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError, ErrorCode } from '../../errors.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** 401: no usable `Authorization: Bearer` header; tells the client which scheme to use. */
export class UnauthorizedError extends AppError {
  constructor(reason: 'missing' | 'malformed') {
    super(ErrorCode.unauthorized, 401, 'Authentication required', {
      detail:
        reason === 'missing' ? 'Send Authorization: Bearer <key>.' : 'The Authorization header must be "Bearer <key>".',
      headers: {
        'WWW-Authenticate':
          reason === 'missing'
            ? 'Bearer realm="article-search"'
            : 'Bearer realm="article-search", error="invalid_request"',
      },
    });
    this.name = 'UnauthorizedError';
  }
}

/** 403: a key was sent and it is not the admin key. */
export class ForbiddenError extends AppError {
  constructor() {
    super(ErrorCode.forbidden, 403, 'Forbidden', { detail: 'The key is not valid for this operation.' });
    this.name = 'ForbiddenError';
  }
}

/**
 * Requires `Authorization: Bearer <key>`.
 * @remarks Both sides are hashed first so that `timingSafeEqual` compares equal-length
 * buffers: neither the content nor the length of the key leaks through response times.
 */
export function requireBearerKey(key: string): RequestHandler {
  const expected = digest(key);
  return (req, _res, next) => {
    const header = req.headers.authorization;
    if (header === undefined || header.trim() === '') return next(new UnauthorizedError('missing'));
    const match = /^Bearer +(\S+) *$/i.exec(header);
    if (!match) return next(new UnauthorizedError('malformed'));
    if (!timingSafeEqual(digest(match[1]!), expected)) return next(new ForbiddenError());
    next();
  };
}
