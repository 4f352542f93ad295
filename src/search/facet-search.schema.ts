import { z } from 'zod';
import { integer, single } from './query-params.js';
import { checkDateRange, filterParams, SEARCH_LIMITS, toSearchFilters } from './search.schema.js';

/** Facets whose values can be searched. */
export const SEARCHABLE_FACETS = ['tags', 'section', 'authors'] as const;
export type SearchableFacet = (typeof SEARCHABLE_FACETS)[number];

export const FacetSearchPathSchema = z.strictObject({
  facet: z.enum(SEARCHABLE_FACETS, { message: `must be one of ${SEARCHABLE_FACETS.join(', ')}` }),
});

/** `GET /api/facets/:facet` query string. */
export const FacetSearchParamsSchema = z
  .strictObject({
    q: single(z.string().max(100, 'must be at most 100 characters'))
      .default('')
      .describe('What was typed of the value: prefix, typo-tolerant'),
    query: single(z.string().max(SEARCH_LIMITS.qChars)).default('').describe('Search text the counts are scoped to'),
    limit: integer(1, SEARCH_LIMITS.maxFacetLimit).default(10).describe('Values to return, 1-100'),
    ...filterParams,
  })
  .superRefine(checkDateRange)
  .transform((p) => ({ q: p.q, query: p.query, limit: p.limit, filters: toSearchFilters(p) }));

/** A validated facet-value search, as the engine port receives it: the path's facet and the query string. */
export type FacetSearchQuery = z.output<typeof FacetSearchPathSchema> & z.output<typeof FacetSearchParamsSchema>;

/** One facet value found by a facet-value search. */
export const FacetValueHitSchema = z.object({
  value: z.string(),
  count: z.number().int(),
  highlight: z.string().describe('HTML: the escaped value with the typed part in <mark>'),
});
export type FacetValueHit = z.output<typeof FacetValueHitSchema>;

export const FacetSearchResponseSchema = z
  .object({
    facet: z.enum(SEARCHABLE_FACETS),
    values: z.array(FacetValueHitSchema).describe('Best first: count desc, then value'),
    processingTimeMs: z.number(),
  })
  .meta({ id: 'FacetSearchResponse' });
export type FacetSearchResponse = z.output<typeof FacetSearchResponseSchema>;
