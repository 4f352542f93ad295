import type { RequestHandler } from 'express';
import cors from 'cors';
import helmet from 'helmet';

/** The Content-Security-Policy of every page the service serves (the reader page and /docs included). */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
} as const;

/** helmet's headers with our CSP (no defaults merged in, so the policy is exactly the one above). */
export function securityHeaders(): RequestHandler {
  return helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } });
}

/** Headers a browser client may send and read across origins. */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'If-None-Match', 'X-Request-Id'];
const EXPOSED_HEADERS = ['ETag', 'Retry-After', 'X-Request-Id', 'RateLimit', 'RateLimit-Policy'];

/**
 * CORS for the listed origins only; with an empty list no CORS header is sent, so browsers
 * allow same-origin use only.
 * @example corsPolicy(["https://news.example"]) -> echoes that origin, ignores any other
 */
export function corsPolicy(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'DELETE'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
}
