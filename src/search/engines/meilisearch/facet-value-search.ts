import type { FacetHit, SearchForFacetValuesParams } from 'meilisearch';
import type { FacetSearchQuery, FacetValueHit } from '../../facet-search.schema.js';
import { matchFacetValue } from '../../highlight/facet-value-match.js';
import { parseQuery } from '../../query/parse-query.js';
import { byCountThenValue } from '../../count-order.js';
import { DISJUNCTIVE_FACETS } from '../../search.schema.js';
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
 * Facet hits -> best first (count desc, then value asc), cut to the limit. Meilisearch's hits
 * are candidates: the shared rule (`matchFacetValue`, as on the embedded engine) decides which
 * match and marks the typed part as one span.
 * @example fromFacetHits([{ value: 'North Korea', count: 3 }], { q: 'north ko', limit: 10 })
 *   -> [{ value: 'North Korea', count: 3, highlight: '<mark>North Ko</mark>rea' }]
 */
export function fromFacetHits(
  hits: readonly FacetHit[],
  query: Pick<FacetSearchQuery, 'q' | 'limit'>,
): FacetValueHit[] {
  return hits
    .filter((hit) => hit.count > 0)
    .sort(byCountThenValue)
    .flatMap((hit) => {
      const highlight = matchFacetValue(query.q, hit.value);
      return highlight === undefined ? [] : [{ value: hit.value, count: hit.count, highlight }];
    })
    .slice(0, query.limit);
}
