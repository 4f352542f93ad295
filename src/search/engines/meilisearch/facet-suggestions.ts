import type { FacetDistribution } from 'meilisearch';
import { toFacetSuggestions as matchFacetValues, type FacetSuggestion } from '../../suggest/facet-suggestions.js';

/**
 * Sections and tags for autocomplete, matched in JS with the contract's rule, the same code as
 * the embedded engine's (`engines/sqlite/suggest.ts`), over the facet counts Meilisearch returns.
 *
 * @remarks Meilisearch's facet-search cannot do this: it matches from the start of the value
 * only, so "korea" would never find the tag "north-korea".
 */

/**
 * Facet counts -> the sections and tags whose words match the typed words, count desc then
 * text asc, the matched part marked. `sections` and `authors` must count without their own
 * filter (a suggested one replaces it) and `tags` with every filter.
 * @example toFacetSuggestions('korea', { section: { 'North Korea': 4 } }, { tags: { 'north-korea': 4, korea: 6 } })
 *   -> [{ type: 'tag', text: 'korea', count: 6, ... }, { type: 'section', text: 'North Korea', count: 4, highlight: 'North <mark>Korea</mark>' }, ...]
 */
export function toFacetSuggestions(
  typed: string,
  sections: FacetDistribution | undefined,
  tags: FacetDistribution | undefined,
  authors?: FacetDistribution,
): FacetSuggestion[] {
  const values = [
    ...Object.entries(sections?.['section'] ?? {}).map(([value, count]) => ({
      type: 'section' as const,
      value,
      count,
    })),
    ...Object.entries(tags?.['tags'] ?? {}).map(([value, count]) => ({ type: 'tag' as const, value, count })),
    ...Object.entries(authors?.['authors'] ?? {}).map(([value, count]) => ({ type: 'author' as const, value, count })),
  ];
  return matchFacetValues(typed, values);
}
