import type { FacetSearchQuery, FacetValueHit } from '../../facet-search.schema.js';
import { byCountThenValue } from '../../count-order.js';
import { matchFacetValue } from '../../highlight/facet-value-match.js';
import { parseQuery } from '../../query/parse-query.js';
import type { ColumnStore } from './column-store.js';
import { facetCounts, facetDictionary } from './facets.js';
import { compileFilters } from './filters.js';
import type { FtsReader } from './fts-reader.js';
import { resolveMatches } from './matcher.js';
import type { Vocabulary } from './vocabulary.js';

interface Deps {
  fts: FtsReader;
  store: ColumnStore;
  vocab: Vocabulary;
}

/**
 * Facet-value search, as Meilisearch's facet-search: a value matches when its folded text
 * starts with what was typed, within the typo budget of the typed length; counts cover the
 * search's matches and filters (ignoring the facet's own filter for section and authors);
 * best counts first, then value.
 * @example q "north ko" on sections -> [{ value: "North Korea", count: 15, highlight: "<mark>North Ko</mark>rea" }]
 */
export function searchFacetValues(query: FacetSearchQuery, deps: Deps): FacetValueHit[] {
  const { store } = deps;
  const filters = compileFilters(query.filters, store);
  const parsed = parseQuery(query.query);
  const matches =
    parsed.terms.length || parsed.excluded.length ? resolveMatches(parsed, filters, deps).docs : undefined;
  const counts = facetCounts(store, matches, filters, query.facet);
  const hits: FacetValueHit[] = [];
  for (const [id, value] of facetDictionary(store, query.facet).entries()) {
    const count = counts[id]!;
    if (count === 0) continue;
    const highlight = matchFacetValue(query.q, value);
    if (highlight !== undefined) hits.push({ value, count, highlight });
  }
  return hits.sort(byCountThenValue).slice(0, query.limit);
}
