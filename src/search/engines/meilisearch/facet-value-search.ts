import type { FacetHit, SearchForFacetValuesParams } from 'meilisearch';
import { tokenize } from '../../../text/normalize.js';
import type { FacetSearchQuery } from '../../facet-search.schema.js';
import { highlightText } from '../../highlight/highlighter.js';
import { parseQuery } from '../../query/parse-query.js';
import { DISJUNCTIVE_FACETS } from '../../search.schema.js';
import type { FacetValueHit } from '../../search-engine.js';
import { byCountThenValue } from './from-meili-response.js';
import { toMeiliFilter } from './to-meili-filter.js';
import { toMeiliQueryText } from './to-meili-search.js';

/**
 * A facet-value search -> Meilisearch facet-search parameters. Counts are scoped to the search
 * text and to the filters, minus the facet's own filter when the facet is disjunctive.
 */
export function toFacetSearchParams(query: FacetSearchQuery): SearchForFacetValuesParams {
  const omit = DISJUNCTIVE_FACETS.includes(query.facet) ? query.facet : undefined;
  const filter = toMeiliFilter(query.filters, omit);
  const facetQuery = query.q.trim();
  return {
    facetName: query.facet,
    ...(facetQuery !== '' && { facetQuery }),
    q: toMeiliQueryText(parseQuery(query.query)),
    ...(filter.length > 0 && { filter }),
    matchingStrategy: 'all',
    // Exact counts, as the search facets give; Meilisearch estimates them otherwise.
    exhaustiveFacetCount: true,
  };
}

/**
 * Facet hits -> best first (count desc, then value asc), cut to the limit; the highlight marks
 * the typed part of each value word, with the highlighter shared with the embedded engine.
 * @example fromFacetHits([{ value: 'Kim Jong-un', count: 3 }], { q: 'jong', limit: 10 })
 *   -> [{ value: 'Kim Jong-un', count: 3, highlight: 'Kim <mark>Jong</mark>-un' }]
 */
export function fromFacetHits(
  hits: readonly FacetHit[],
  query: Pick<FacetSearchQuery, 'q' | 'limit'>,
): FacetValueHit[] {
  const typed = { words: new Set<string>(), prefixes: tokenize(query.q) };
  return hits
    .filter((hit) => hit.count > 0)
    .sort(byCountThenValue)
    .slice(0, query.limit)
    .map((hit) => ({ value: hit.value, count: hit.count, highlight: highlightText(hit.value, typed) }));
}
