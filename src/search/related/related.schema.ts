import { z } from 'zod';
import { integer } from '../query-params.js';
import {
  checkDateRange,
  filterParams,
  SearchHitSchema,
  toSearchFilters,
  type SearchFilters,
} from '../search.schema.js';

/** Limits of `GET /api/articles/:id/related`. */
export const RELATED_LIMITS = { maxLimit: 20, defaultLimit: 5 } as const;

/** `GET /api/articles/:id/related` query string (the id comes from the path). */
export const RelatedParamsSchema = z
  .strictObject({
    limit: integer(1, RELATED_LIMITS.maxLimit)
      .default(RELATED_LIMITS.defaultLimit)
      .describe(`Related articles to return, 1-${RELATED_LIMITS.maxLimit}`),
    ...filterParams,
  })
  .superRefine(checkDateRange)
  .transform((p) => ({ limit: p.limit, filters: toSearchFilters(p) }));

/** A validated related-articles request, as the engine port receives it. */
export type RelatedQuery = { id: string; limit: number; filters: SearchFilters };

/** A related article: the search hit without highlight (there is no query to mark). */
export const RelatedHitSchema = SearchHitSchema.omit({ highlight: true }).meta({ id: 'RelatedHit' });
export type RelatedHit = z.output<typeof RelatedHitSchema>;

export const RelatedResponseSchema = z
  .object({
    id: z.string().describe('The article the others relate to'),
    hits: z.array(RelatedHitSchema).describe('Most related first; never the article itself'),
  })
  .meta({ id: 'RelatedResponse' });
export type RelatedResponse = z.output<typeof RelatedResponseSchema>;
