/**
 * The public API's types, for a TypeScript client (the reader page, another frontend).
 * Type-only: importing this module pulls no runtime code (zod, Express) into a bundle.
 *
 * Responses are the OUTPUT types of the response schemas; query parameters are the INPUT
 * types of the request schemas (what is put in the URL, as strings), never the parsed form.
 *
 * @example
 *   import type { SearchParams, SearchResponse } from './types.js';
 *   const params: SearchParams = { q: 'harbor', section: ['World'], page: '2' };
 */
import type { z } from 'zod';
import type { ArticlePathSchema } from '../http/routes/articles.route.js';
import type { WriteRejectedSchema, WriteReportSchema } from '../http/routes/admin-articles.schema.js';
import type { HealthResponseSchema, ReadyResponseSchema } from '../http/routes/health.route.js';
import type { FacetSearchParamsSchema, FacetSearchPathSchema } from '../search/facet-search.schema.js';
import type { FEED_LIMITS, FeedParamsSchema } from '../search/feed/feed.schema.js';
import type { RELATED_LIMITS, RelatedParamsSchema } from '../search/related/related.schema.js';
import type { SEARCH_LIMITS, SearchParamsSchema } from '../search/search.schema.js';
import type { SUGGEST_LIMITS, SuggestParamsSchema } from '../search/suggest/suggest.schema.js';

import type { Article } from '../articles/article.schema.js';
import type { FacetSearchResponse } from '../search/facet-search.schema.js';
import type { RelatedResponse } from '../search/related/related.schema.js';
import type { SearchResponse } from '../search/search.schema.js';
import type { SuggestResponse } from '../search/suggest/suggest.schema.js';

export type { Article, ArticleInput } from '../articles/article.schema.js';
export type { ProblemDetails } from '../http/middleware/problem-details.js';
export type { FacetSearchResponse } from '../search/facet-search.schema.js';
export type { DateInterval, FacetName, Facets, SearchHit, SearchResponse, Sort } from '../search/search.schema.js';
/** The API's size limits (`maxResultWindow`, `maxPageSize`, ...), as a type: their values are part of the contract. */
export type SearchLimits = typeof SEARCH_LIMITS;
/** The autocomplete's limits (`qChars`, `defaultLimit`, ...), as a type. */
export type SuggestLimits = typeof SUGGEST_LIMITS;
export type { Suggestion, SuggestResponse } from '../search/suggest/suggest.schema.js';
export type { InvalidRecord } from '../ingest/index-report.schema.js';
export type { RelatedHit, RelatedResponse } from '../search/related/related.schema.js';
/** Limits of related articles (`maxLimit`, `defaultLimit`), as a type. */
export type RelatedLimits = typeof RELATED_LIMITS;
/** Limits of topic feeds (`maxLimit`, `defaultLimit`), as a type. */
export type FeedLimits = typeof FEED_LIMITS;

/** `GET /api/search` query parameters, as sent. */
export type SearchParams = z.input<typeof SearchParamsSchema>;
/** `GET /api/suggest` query parameters, as sent. */
export type SuggestParams = z.input<typeof SuggestParamsSchema>;
/** `GET /api/facets/:facet` query parameters, as sent. */
export type FacetSearchParams = z.input<typeof FacetSearchParamsSchema>;
/** `GET /api/articles/:id/related` query parameters, as sent. */
export type RelatedParams = z.input<typeof RelatedParamsSchema>;
/** `GET /api/feed` query parameters, as sent (the answer is an Atom document, not JSON). */
export type FeedParams = z.input<typeof FeedParamsSchema>;
/** `:facet` of `GET /api/facets/:facet`. */
export type SearchableFacet = z.input<typeof FacetSearchPathSchema>['facet'];
/** `:id` of `/api/articles/:id`. */
export type ArticleId = z.input<typeof ArticlePathSchema>['id'];

/** `POST /api/articles` answer, 200 (all indexed) or 207 (some invalid). */
export type WriteReport = z.output<typeof WriteReportSchema>;
/** `POST /api/articles` answer 422: problem details plus the report (nothing indexed). */
export type WriteRejected = z.output<typeof WriteRejectedSchema>;
/** `GET /health`. */
export type HealthResponse = z.output<typeof HealthResponseSchema>;
/** `GET /ready`. */
export type ReadyResponse = z.output<typeof ReadyResponseSchema>;

/** Each GET route of the public API: its query parameters and its 200 body. */
export interface ApiGetRoutes {
  '/api/search': { query: SearchParams; response: SearchResponse };
  '/api/suggest': { query: SuggestParams; response: SuggestResponse };
  '/api/facets/:facet': { query: FacetSearchParams; response: FacetSearchResponse };
  '/api/articles/:id': { query: Record<string, never>; response: Article };
  '/api/articles/:id/related': { query: RelatedParams; response: RelatedResponse };
  /** Atom XML text. */
  '/api/feed': { query: FeedParams; response: string };
  '/health': { query: Record<string, never>; response: HealthResponse };
  '/ready': { query: Record<string, never>; response: ReadyResponse };
}
