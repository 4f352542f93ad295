import { z } from 'zod';
import { integer, single } from '../query-params.js';
import { checkDateRange, filterParams, toSearchFilters } from '../search.schema.js';

export const SUGGEST_LIMITS = { qChars: 200, maxLimit: 20, defaultLimit: 8 } as const;

/** `GET /api/suggest` query string. */
export const SuggestParamsSchema = z
  .strictObject({
    q: single(z.string().max(SUGGEST_LIMITS.qChars, `must be at most ${SUGGEST_LIMITS.qChars} characters`))
      .default('')
      .describe('What the reader has typed so far'),
    limit: integer(1, SUGGEST_LIMITS.maxLimit)
      .default(SUGGEST_LIMITS.defaultLimit)
      .describe('Suggestions to return, 1-20'),
    ...filterParams,
  })
  .superRefine(checkDateRange)
  .transform((p) => ({ q: p.q, limit: p.limit, filters: toSearchFilters(p) }));

/** A validated suggest request, as the engine port receives it. */
export type SuggestQuery = z.output<typeof SuggestParamsSchema>;

const highlight = z.string().describe('HTML: the escaped text with the typed part in <mark>');

export const SuggestionSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('query'), text: z.string(), highlight }),
    z.object({
      type: z.literal('article'),
      id: z.string(),
      text: z.string().describe('The article title'),
      highlight,
      section: z.string(),
      publishedAt: z.string(),
    }),
    z.object({ type: z.literal('tag'), text: z.string(), count: z.number().int(), highlight }),
    z.object({ type: z.literal('section'), text: z.string(), count: z.number().int(), highlight }),
    z.object({
      type: z.literal('author'),
      text: z.string().describe('An author name'),
      count: z.number().int().describe('Articles by this author under the other filters'),
      highlight,
    }),
  ])
  .meta({ id: 'Suggestion' });
export type Suggestion = z.output<typeof SuggestionSchema>;

export const SuggestResponseSchema = z
  .object({ q: z.string(), suggestions: z.array(SuggestionSchema), processingTimeMs: z.number() })
  .meta({ id: 'SuggestResponse' });
export type SuggestResponse = z.output<typeof SuggestResponseSchema>;
