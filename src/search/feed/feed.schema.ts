import { z } from 'zod';
import { integer, single } from '../query-params.js';
import {
  checkDateRange,
  filterParams,
  SEARCH_LIMITS,
  toSearchFilters,
  type SearchFilters,
  type SearchQuery,
} from '../search.schema.js';

/** Limits of `GET /api/feed`. */
export const FEED_LIMITS = { maxLimit: 100, defaultLimit: 20 } as const;

/** `GET /api/feed` query string: the search's `q` and filters, and how many entries. */
export const FeedParamsSchema = z
  .strictObject({
    q: single(z.string().max(SEARCH_LIMITS.qChars, `must be at most ${SEARCH_LIMITS.qChars} characters`))
      .optional()
      .describe('Search text, as for /api/search (empty: every article)'),
    ...filterParams,
    limit: integer(1, FEED_LIMITS.maxLimit)
      .default(FEED_LIMITS.defaultLimit)
      .describe(`Entries, newest first, 1-${FEED_LIMITS.maxLimit}`),
  })
  .superRefine(checkDateRange)
  .transform((p) => ({ q: p.q ?? '', limit: p.limit, filters: toSearchFilters(p) }));

/** A validated feed request. */
export type FeedQuery = { q: string; limit: number; filters: SearchFilters };

/**
 * The search behind a feed: the same matching as `/api/search`, always newest first, one page,
 * no facets; highlighted, because an entry without a summary takes the start of its snippet.
 */
export function toFeedSearch(feed: FeedQuery): SearchQuery {
  return {
    q: feed.q,
    filters: feed.filters,
    sort: 'newest',
    page: 1,
    pageSize: feed.limit,
    facets: [],
    facetLimit: 1,
    dateInterval: 'auto',
    highlight: true,
  };
}
