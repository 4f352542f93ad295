import { z } from 'zod';
import { endOfUtcDay, isBareDate, isNonexistentDate, parseIsoDate } from '../articles/dates.js';
import { MATCHING_STRATEGIES } from './query/matching-strategy.js';
import { booleanParam, integer, list, single } from './query-params.js';

/** Hard limits of the search API (the Meilisearch settings are derived from these too). */
export const SEARCH_LIMITS = {
  qChars: 512,
  maxPageSize: 100,
  maxResultWindow: 10_000,
  maxFacetLimit: 100,
  maxDateBuckets: 1_000,
  autoDateBuckets: 60,
  partialMatchThreshold: 20,
} as const;

export const FACET_NAMES = ['section', 'tags', 'authors', 'date'] as const;
export type FacetName = (typeof FACET_NAMES)[number];
/** Facets whose counts ignore their own filter, so a reader can widen the choice. */
export const DISJUNCTIVE_FACETS: readonly FacetName[] = ['section', 'authors', 'date'];

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];
export const DATE_INTERVALS = ['year', 'month', 'day'] as const;
export type DateInterval = (typeof DATE_INTERVALS)[number];

const dateParam = (bound: 'from' | 'to') =>
  single(
    z.string().transform((text, ctx) => {
      const ms = parseIsoDate(text);
      if (ms === undefined) {
        // "2024-02-30" has the right form: saying so would send the reader looking for a typo.
        const message = isNonexistentDate(text)
          ? `${text.trim().slice(0, 40)} does not exist`
          : 'must be YYYY-MM-DD or an ISO 8601 datetime';
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      // A bare date as an upper bound means the whole day: to=2021-01-08 includes 23:59.
      return bound === 'to' && isBareDate(text) ? endOfUtcDay(ms) : ms;
    }),
  );

/** Filters shared by search, suggest and facet-value search. */
export const filterParams = {
  section: list().optional().describe('Section(s), repeatable or comma-separated; OR'),
  tag: list().optional().describe('Tag(s), repeatable or comma-separated; an article must hold every one (AND)'),
  author: list().optional().describe('Author(s), repeatable or comma-separated; OR'),
  from: dateParam('from').optional().describe('Published at or after (YYYY-MM-DD or ISO datetime, inclusive)'),
  to: dateParam('to').optional().describe('Published at or before (YYYY-MM-DD = the whole day, inclusive)'),
};

/** The parsed filter parameters, as every request schema holds them. */
type FilterParams = z.output<z.ZodObject<typeof filterParams>>;

/**
 * Request filters -> the engine-facing form: epoch milliseconds, empty lists for "any", no
 * key for an absent date bound.
 * @example toSearchFilters({ section: ['World'], from: 0 }) -> { sections: ['World'], tags: [], authors: [], from: 0 }
 */
export function toSearchFilters(p: FilterParams) {
  return {
    sections: p.section ?? [],
    tags: p.tag ?? [],
    authors: p.author ?? [],
    ...(p.from !== undefined && { from: p.from }),
    ...(p.to !== undefined && { to: p.to }),
  };
}

/** Rejects `from` after `to`, naming `to`. */
export function checkDateRange(p: { from?: number; to?: number }, ctx: z.RefinementCtx) {
  if (p.from !== undefined && p.to !== undefined && p.from > p.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  }
}

const facetList = single(z.string())
  .transform((v: string) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  )
  .pipe(z.array(z.enum(FACET_NAMES, { message: `each must be one of ${FACET_NAMES.join(', ')}` })))
  .transform((names) => [...new Set(names)]);

/** `GET /api/search` query string. */
export const SearchParamsSchema = z
  .strictObject({
    q: single(z.string().max(SEARCH_LIMITS.qChars, `must be at most ${SEARCH_LIMITS.qChars} characters`))
      .optional()
      .describe('Search text: words (the last one completes as a prefix), "a phrase", -excluded'),
    ...filterParams,
    sort: single(z.enum(SORTS, { message: `must be one of ${SORTS.join(', ')}` }))
      .optional()
      .describe('relevance (default with q) | newest (default without q) | oldest'),
    page: integer(1, SEARCH_LIMITS.maxResultWindow).default(1).describe('1-based page number'),
    pageSize: integer(1, SEARCH_LIMITS.maxPageSize).default(20).describe('Hits per page, 1-100'),
    facets: facetList
      .optional()
      .describe('Comma list of section,tags,authors,date (default section,tags,date; empty = none)'),
    facetLimit: integer(1, SEARCH_LIMITS.maxFacetLimit)
      .default(10)
      .describe('Values per facet for section, tags, authors'),
    dateInterval: single(z.enum(['auto', ...DATE_INTERVALS], { message: 'must be auto, year, month or day' }))
      .default('auto')
      .describe('Date facet bucket size; auto = finest with at most 60 buckets'),
    highlight: booleanParam.default(true).describe('Add highlight.title and highlight.snippet to hits'),
    matchingStrategy: single(
      z.enum(MATCHING_STRATEGIES, { message: `must be one of ${MATCHING_STRATEGIES.join(', ')}` }),
    )
      .optional()
      .describe(
        "Articles holding only some words (Meilisearch's names): all = every word or nothing; last = drop words " +
          'from the end; frequency = drop the most frequent first. Default: every word, and when fewer than 20 ' +
          'articles hold them all, those holding any of them (docs/ranking.md)',
      ),
  })
  .superRefine((p, ctx) => {
    checkDateRange(p, ctx);
    if (p.page * p.pageSize > SEARCH_LIMITS.maxResultWindow) {
      ctx.addIssue({
        code: 'custom',
        path: ['page'],
        message: `page x pageSize must be at most ${SEARCH_LIMITS.maxResultWindow}`,
      });
    }
  })
  .transform((p) => {
    const q = p.q ?? '';
    return {
      q,
      filters: toSearchFilters(p),
      sort: p.sort ?? (q.trim() === '' ? 'newest' : 'relevance'),
      page: p.page,
      pageSize: p.pageSize,
      facets: p.facets ?? (['section', 'tags', 'date'] as FacetName[]),
      facetLimit: p.facetLimit,
      dateInterval: p.dateInterval,
      highlight: p.highlight,
      ...(p.matchingStrategy !== undefined && { matchingStrategy: p.matchingStrategy }),
    };
  });

/** A validated search, as the engine port receives it. */
export type SearchQuery = z.output<typeof SearchParamsSchema>;
/** The engine-facing form of the filters of every request (search, suggest, facet-value search). */
export type SearchFilters = SearchQuery['filters'];

export const FacetValueSchema = z.object({ value: z.string(), count: z.number().int() }).meta({ id: 'FacetValue' });
export const DateBucketSchema = z
  .object({
    value: z.string().describe('"2021", "2021-01" or "2021-01-08"'),
    from: z.string().describe('First day of the bucket, YYYY-MM-DD (usable as the from parameter)'),
    to: z.string().describe('Last day of the bucket, YYYY-MM-DD (usable as the to parameter)'),
    count: z.number().int(),
  })
  .meta({ id: 'DateBucket' });

export const SearchHitSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string().nullable(),
    section: z.string(),
    tags: z.array(z.string()),
    authors: z.array(z.string()),
    publishedAt: z.string(),
    url: z.string().nullable(),
    highlight: z
      .object({
        title: z.string().describe('HTML: the escaped title with matches in <mark>'),
        snippet: z.string().describe('HTML: about 30 escaped words around the best matches, "…" where cut'),
      })
      .optional(),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.output<typeof SearchHitSchema>;

export const FacetsSchema = z
  .object({
    section: z.array(FacetValueSchema).optional(),
    tags: z.array(FacetValueSchema).optional(),
    authors: z.array(FacetValueSchema).optional(),
    date: z.array(DateBucketSchema).optional(),
  })
  .meta({ id: 'Facets' });
export type Facets = z.output<typeof FacetsSchema>;

export const SearchResponseSchema = z
  .object({
    q: z.string(),
    hits: z.array(SearchHitSchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    totalHits: z.number().int().describe('Exact number of matching articles'),
    fullMatches: z
      .number()
      .int()
      .describe('How many of them hold every word of the query (they come first); totalHits without a query'),
    suggestedQuery: z
      .string()
      .optional()
      .describe(
        'When no article holds every word: the query as it would match (a typo fixed, words split or joined), ' +
          'only when that finds something under the same filters',
      ),
    totalPages: z.number().int(),
    sort: z.enum(SORTS),
    facets: FacetsSchema,
    dateInterval: z.enum(DATE_INTERVALS).optional().describe('Bucket size of facets.date'),
    processingTimeMs: z.number(),
  })
  .meta({ id: 'SearchResponse' });
export type SearchResponse = z.output<typeof SearchResponseSchema>;

/** What an engine returns for a search; the route adds q, page, sort and timing. */
export const SearchResultSchema = SearchResponseSchema.pick({
  hits: true,
  totalHits: true,
  fullMatches: true,
  suggestedQuery: true,
  facets: true,
  dateInterval: true,
});
export type SearchResult = z.output<typeof SearchResultSchema>;
