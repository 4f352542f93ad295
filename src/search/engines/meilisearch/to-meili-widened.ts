import type { MultiSearchFederation, MultiSearchQueryWithFederation } from 'meilisearch';
import { weakestTerm } from '../../query/matching-strategy.js';
import type { ParsedQuery, QueryTerm } from '../../query/parse-query.js';
import { DISJUNCTIVE_FACETS, type FacetName, type SearchQuery } from '../../search.schema.js';
import { HIT_ATTRIBUTES } from './meili-document.js';
import { facetFields, HIGHLIGHT_PARAMS, termQueryText, toMeiliQueryText } from './to-meili-search.js';
import { hasOwnFilter, toMeiliFilter } from './to-meili-filter.js';

/** A typed prefix this short never makes an article a result on its own (the embedded engine's `WEAK_PREFIX_MAX`). */
const WEAK_PREFIX_MAX = 2;
/**
 * The highest weight of a one-word query in the widened search. Articles holding every word
 * score above 1/2 in the query with every word (Meilisearch's `words` rule, first of the
 * ranking score, puts them in its top bucket of at least two), so a one-word query weighted
 * at most 1/2 never outranks them.
 */
const WORD_WEIGHT = 0.5;
/** How much less the most frequent word counts: an article holding only it ranks after the others. */
const WEAKEST_FACTOR = 0.1;

/** A federated multi-search as the engine sends it (page mode, which the client's type lacks). */
export type FederatedSearch = {
  federation: MultiSearchFederation & { page: number; hitsPerPage: number };
  queries: MultiSearchQueryWithFederation[];
};

/** Whether a term may make an article a result on its own: not a lone letter, nor a typed prefix of 1-2 letters. */
export function isStrongTerm(term: QueryTerm): boolean {
  return !(term.kind === 'word' && (term.text.length === 1 || (term.prefix && term.text.length <= WEAK_PREFIX_MAX)));
}

/**
 * The weight of each term's own query in the widened search, by rarity (BM25's idf, the rarest
 * at `WORD_WEIGHT`); a very frequent word of a short query (`weakestTerm`) counts
 * `WEAKEST_FACTOR` as much; undefined for a term that may not make a result alone.
 * @example termWeights(parseQuery('kim jong un'), [3, 2, 40], 200) -> [~0.46, 0.5, undefined]
 */
export function termWeights(parsed: ParsedQuery, counts: readonly number[], total: number): (number | undefined)[] {
  const idf = (df: number) => Math.log(1 + (total - df + 0.5) / (df + 0.5));
  const strong = parsed.terms.map(isStrongTerm);
  const idfs = parsed.terms.map((_, i) => (strong[i] ? idf(counts[i] ?? 0) : 0));
  const maxIdf = Math.max(...idfs, Number.MIN_VALUE);
  const weakest = weakestTerm(counts, strong, parsed.terms.length);
  return parsed.terms.map((_, i) => {
    if (!strong[i]) return undefined;
    const weight = (WORD_WEIGHT * Math.max(idfs[i]!, 1e-3)) / maxIdf;
    return i === weakest ? weight * WEAKEST_FACTOR : weight;
  });
}

type MeiliFilter = ReturnType<typeof toMeiliFilter>;

/** Which request of `toWidenedSearches` holds the counts of each requested facet. */
export interface WidenedPlan {
  requests: FederatedSearch[];
  facetSource: Partial<Record<FacetName, number>>;
}

/**
 * The default's partial matches on Meilisearch: one federated multi-search (Meilisearch merges
 * the queries' matches into one list, counts their union exactly and its facets) of the whole
 * query (`frequency`, or `last` when the rarest term is a short prefix, so that it never stands
 * alone) at weight 1 and each strong term alone at its weight; so every article holding any
 * strong word is a result, all-words articles first. Each disjunctive facet whose own filter is
 * set gets a count-only request of the same queries without that filter.
 */
export function toWidenedSearches(
  query: SearchQuery,
  parsed: ParsedQuery,
  indexUid: string,
  counts: readonly number[],
  total: number,
): WidenedPlan {
  const weights = termWeights(parsed, counts, total);
  const rarest = counts.reduce((best, c, i) => (c < counts[best]! ? i : best), 0);
  const wholeStrategy = isStrongTerm(parsed.terms[rarest]!) ? 'frequency' : 'last';
  const queries = (filter: MeiliFilter): MultiSearchQueryWithFederation[] => [
    { indexUid, q: toMeiliQueryText(parsed), matchingStrategy: wholeStrategy, ...(filter.length > 0 && { filter }) },
    ...weights.flatMap((weight, i) =>
      weight === undefined
        ? []
        : [
            {
              indexUid,
              q: termQueryText(parsed, i),
              matchingStrategy: 'all' as const,
              ...(filter.length > 0 && { filter }),
              federationOptions: { weight },
            },
          ],
    ),
  ];
  const mainFacets: string[] = [];
  const plan: WidenedPlan = { requests: [], facetSource: {} };
  const main: FederatedSearch = {
    federation: { page: query.page, hitsPerPage: query.pageSize },
    queries: queries(toMeiliFilter(query.filters)).map((q) => ({
      ...q,
      attributesToRetrieve: [...HIT_ATTRIBUTES],
      ...(query.highlight && HIGHLIGHT_PARAMS),
    })),
  };
  plan.requests.push(main);
  for (const facet of query.facets) {
    if (DISJUNCTIVE_FACETS.includes(facet) && hasOwnFilter(query.filters, facet)) {
      plan.facetSource[facet] = plan.requests.length;
      plan.requests.push({
        federation: { page: 1, hitsPerPage: 0, facetsByIndex: { [indexUid]: facetFields(facet, query) } },
        queries: queries(toMeiliFilter(query.filters, facet)),
      });
    } else {
      plan.facetSource[facet] = 0;
      mainFacets.push(...facetFields(facet, query));
    }
  }
  if (mainFacets.length > 0) main.federation.facetsByIndex = { [indexUid]: mainFacets };
  return plan;
}
