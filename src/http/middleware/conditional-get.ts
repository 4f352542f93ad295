import type { RequestHandler } from 'express';
import { createHash } from 'node:crypto';

/** Top-level fields left out of the ETag: they change on every call without changing the content. */
const VOLATILE_FIELDS = new Set(['processingTimeMs']);

/**
 * Weak ETag of a JSON body, ignoring `processingTimeMs`.
 * @example weakEtag({ q: "x", processingTimeMs: 3.1 }) === weakEtag({ q: "x", processingTimeMs: 0.4 })
 */
export function weakEtag(body: unknown): string {
  return etagOf(stableJson(body).json);
}

/**
 * The body serialised once: the JSON without the volatile fields (what the ETag covers), and
 * the full JSON sent, built from it by appending those fields.
 */
function stableJson(body: unknown): { json: string; full: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    const json = JSON.stringify(body);
    return { json, full: json };
  }
  const entries = Object.entries(body);
  const json = JSON.stringify(Object.fromEntries(entries.filter(([key]) => !VOLATILE_FIELDS.has(key))));
  const volatile = entries.filter(([key]) => VOLATILE_FIELDS.has(key));
  if (volatile.length === 0) return { json, full: json };
  const tail = volatile.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',');
  return { json, full: json === '{}' ? `{${tail}}` : `${json.slice(0, -1)},${tail}}` };
}

function etagOf(json: string): string {
  return `W/"${createHash('sha1').update(json).digest('base64url')}"`;
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
      const serialised = stableJson(body);
      res.setHeader('ETag', etagOf(serialised.json));
      res.setHeader('Cache-Control', `public, max-age=${maxAgeSeconds}`);
      if (req.fresh) {
        res.status(304).end();
        return res;
      }
      // Sent as the string already built: Express would serialise the body a second time.
      return res.type('application/json').send(serialised.full);
    };
    next();
  };
}
