import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { PROBLEM_JSON, ProblemDetailsSchema } from '../middleware/problem-details.js';

/** A response header documented as a string. */
const header = (description: string) => ({ description, schema: { type: 'string' as const } });
type Headers = Record<string, ReturnType<typeof header>>;

const requestIdHeader: Headers = { 'X-Request-Id': header('The request id (the one sent, or a generated UUID)') };
const retryAfterHeader: Headers = { 'Retry-After': header('Seconds to wait before retrying') };

/** A JSON success response. */
export function jsonResponse(description: string, schema: z.ZodType, headers: Headers = {}): ResponseConfig {
  return { description, headers: { ...requestIdHeader, ...headers }, content: { 'application/json': { schema } } };
}

/** A cacheable JSON success response: ETag and Cache-Control come with it. */
export function cachedJsonResponse(description: string, schema: z.ZodType): ResponseConfig {
  return jsonResponse(description, schema, {
    ETag: header('Weak validator of the body, processingTimeMs excluded; send it back in If-None-Match'),
    'Cache-Control': header('public, max-age=30'),
  });
}

/** An Atom feed document with its validators (`GET /api/feed`). */
export function atomFeedResponse(description: string): ResponseConfig {
  return {
    description,
    headers: {
      ...requestIdHeader,
      ETag: header('Weak validator of the document; send it back in If-None-Match'),
      'Last-Modified': header('Publication time of the newest entry; send it back in If-Modified-Since'),
      'Cache-Control': header('public, max-age=60'),
    },
    content: { 'application/atom+xml': { schema: { type: 'string', description: 'An Atom 1.0 feed document' } } },
  };
}

/** 304 for a matching If-None-Match. */
export const notModified: ResponseConfig = {
  description: 'Not modified: the ETag sent in If-None-Match still matches',
  headers: requestIdHeader,
};

/** A problem+json error response; `codes` lists the `code` values it can carry. */
export function problemResponse(
  description: string,
  codes: readonly string[],
  schema: z.ZodType = ProblemDetailsSchema,
): ResponseConfig {
  const retryable = /timeout|unavailable|rate_limited|busy/.test(codes.join(' '));
  const unauthorized = codes.includes('unauthorized');
  return {
    description: `${description} (code: ${codes.join(' | ')})`,
    headers: {
      ...requestIdHeader,
      ...(retryable ? retryAfterHeader : {}),
      ...(unauthorized ? { 'WWW-Authenticate': header('Bearer realm="article-search"') } : {}),
    },
    content: { [PROBLEM_JSON]: { schema } },
  };
}

/** The errors every public /api read can answer. */
export function readErrors(extra: Record<string, ResponseConfig> = {}): Record<string, ResponseConfig> {
  return {
    400: problemResponse('Invalid or unknown parameter', ['invalid_parameter', 'unknown_parameter']),
    ...extra,
    429: problemResponse('Too many requests from this client; see Retry-After', ['rate_limited']),
    500: problemResponse('Unexpected failure (a bug)', ['internal_error']),
    503: problemResponse('The engine is unreachable or the request ran out of time; retry after Retry-After', [
      'engine_unavailable',
      'timeout',
    ]),
  };
}
