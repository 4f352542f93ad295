import type { RequestHandler } from 'express';
import { createHash } from 'node:crypto';

/** Top-level fields left out of the ETag: they change on every call without changing the content. */
const VOLATILE_FIELDS = new Set(['processingTimeMs']);

/**
 * Weak ETag of a JSON body, ignoring `processingTimeMs`.
 * @example weakEtag({ q: "x", processingTimeMs: 3.1 }) === weakEtag({ q: "x", processingTimeMs: 0.4 })
 */
export function weakEtag(body: unknown): string {
  const stable =
    body && typeof body === 'object' && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).filter(([key]) => !VOLATILE_FIELDS.has(key)))
      : body;
  return `W/"${createHash('sha1').update(JSON.stringify(stable)).digest('base64url')}"`;
}

/**
 * ETag + `Cache-Control: public, max-age=N` on successful JSON answers, and 304 when the
 * client's `If-None-Match` still matches. Only 200 answers are tagged, so an error is never cached.
 * @remarks Express's own ETag hashes the whole body, which `processingTimeMs` changes on every
 * call; the app disables it and uses this one where caching is wanted.
 */
export function conditionalGet(maxAgeSeconds: number): RequestHandler {
  return (req, res, next) => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode !== 200) return json(body);
      res.setHeader('ETag', weakEtag(body));
      res.setHeader('Cache-Control', `public, max-age=${maxAgeSeconds}`);
      if (req.fresh) {
        res.status(304).end();
        return res;
      }
      return json(body);
    };
    next();
  };
}
