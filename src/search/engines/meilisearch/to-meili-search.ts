import type { MatchingStrategies, MultiSearchQuery } from 'meilisearch';
import { MARK_CLOSE, MARK_OPEN } from '../../../text/normalize.js';
import { CROP_MARKER, SNIPPET_WORDS } from '../../highlight/highlighter.js';
import type { ParsedQuery } from '../../query/parse-query.js';
import { DISJUNCTIVE_FACETS, SEARCH_LIMITS, type FacetName, type SearchQuery, type Sort } from '../../search.schema.js';
import { dateFacetFields } from './date-facet.js';
import { HIT_ATTRIBUTES } from './meili-document.js';
import { hasOwnFilter, toMeiliFilter } from './to-meili-filter.js';

/** Asks Meilisearch for `_formatted` with our private markers, which `markedToHtml` turns into `<mark>`. */
export const HIGHLIGHT_PARAMS: Partial<MultiSearchQuery> = {
  // A cropped attribute is only marked when it is highlighted too, hence summary and body here.
  attributesToHighlight: ['title', 'summary', 'body'],
  attributesToCrop: ['summary', 'body'],
  cropLength: SNIPPET_WORDS,
  cropMarker: CROP_MARKER,
  highlightPreTag: MARK_OPEN,
  highlightPostTag: MARK_CLOSE,
};

/** Which multi-search result holds the counts of each requested facet, and the all-words count. */
export interface SearchPlan {
  queries: MultiSearchQuery[];
  facetSource: Partial<Record<FacetName, number>>;
  /** The count-only query with `matchingStrategy: 'all'`; absent when the main query's total is that count. */
  fullMatchesSource?: number;
  /** Where `termCountQueries` start (the index size, then each term), when asked for. */
  termCountSource?: number;
}

/**
 * Parsed query -> Meilisearch `q`, so both engines see the same words: our tokens, phrases
 * quoted, exclusions first (so the prefix word stays last), and a trailing space when the
 * last word is not a prefix (Meilisearch's own rule for turning prefix matching off).
 * @example toMeiliQueryText(parseQuery('Cyber-security "north korea" -spam secur')) -> '-spam cyber security "north korea" secur'
 */
export function toMeiliQueryText(parsed: ParsedQuery): string {
  const parts = [
    ...parsed.excluded.flatMap((t) => (t.kind === 'word' ? t.forms.map((f) => `-${f}`) : [`-"${t.words.join(' ')}"`])),
    ...parsed.terms.map((t) => (t.kind === 'word' ? t.text : `"${t.words.join(' ')}"`)),
  ];
  if (parts.length === 0) return '';
  const last = parsed.terms.at(-1);
  const prefixOpen = last?.kind === 'word' && last.prefix;
  return parts.join(' ') + (prefixOpen ? '' : ' ');
}

/**
 * Count-only queries for the widening weights, over the whole index as Meilisearch's own
 * `frequency` counts: first the index size, then each term alone (with its typo and prefix forms).
 */
export function termCountQueries(parsed: ParsedQuery, indexUid: string): MultiSearchQuery[] {
  return [
    { indexUid, q: '', hitsPerPage: 0 },
    ...parsed.terms.map((_, i) => ({ indexUid, q: termQueryText(parsed, i), hitsPerPage: 0 })),
  ];
}

/**
 * The text of one term searched alone: the exclusions, then the term (a trailing space unless
 * it is the prefix being typed).
 * @example termQueryText(parseQuery('kim -missile un'), 0) -> '-missile kim '
 */
export function termQueryText(parsed: ParsedQuery, i: number): string {
  const term = parsed.terms[i]!;
  return toMeiliQueryText({ terms: [term], excluded: parsed.excluded, extra: [] });
}

/**
 * Our sort -> Meilisearch `sort`. Relevance needs words to rank by, so a search without any
 * (a browse, or only `-excluded` words) is ordered newest first.
 */
export function toMeiliSort(sort: Sort, parsed: ParsedQuery): string[] | undefined {
  if (sort === 'oldest') return ['publishedAt:asc'];
  if (sort === 'newest' || parsed.terms.length === 0) return ['publishedAt:desc'];
  return undefined;
}

/** Attributes whose counts make up one facet of the response. */
export function facetFields(facet: FacetName, query: SearchQuery): string[] {
  // publishedAt only for its facetStats (min/max), which bound the date interval.
  return facet === 'date' ? [...dateFacetFields(query.dateInterval), 'publishedAt'] : [facet];
}

/**
 * Whether the first answer (filters applied) holds so few all-words matches that partial
 * matches must follow: below `SEARCH_LIMITS.partialMatchThreshold`, the threshold both engines use.
 */
export function needsPartialMatches(parsed: ParsedQuery, allWordsHits: number): boolean {
  return parsed.terms.length > 1 && allWordsHits < SEARCH_LIMITS.partialMatchThreshold;
}

/**
 * One search -> one multi-search request: query 0 carries every filter, the hits (page mode,
 * for exact totals) and the facets that respect every filter; each requested disjunctive facet
 * whose own filter is set gets a count-only query without that filter. Under a strategy that
 * drops words (`last`, `frequency`), one more count-only query with `all` counts the articles
 * holding every word (`fullMatches`). With `countTerms`, the counts the default's widening
 * weighs its words by (`termCountQueries`) ride along, so widening costs one more round trip.
 */
export function toMeiliSearchPlan(
  query: SearchQuery,
  parsed: ParsedQuery,
  indexUid: string,
  matchingStrategy: MatchingStrategies,
  options: { countTerms?: boolean } = {},
): SearchPlan {
  const q = toMeiliQueryText(parsed);
  const filter = toMeiliFilter(query.filters);
  const sort = toMeiliSort(query.sort, parsed);
  const main: MultiSearchQuery = {
    indexUid,
    q,
    ...(filter.length > 0 && { filter }),
    ...(sort && { sort }),
    page: query.page,
    hitsPerPage: query.pageSize,
    matchingStrategy,
    attributesToRetrieve: [...HIT_ATTRIBUTES],
    ...(query.highlight && HIGHLIGHT_PARAMS),
  };
  const plan: SearchPlan = { queries: [main], facetSource: {} };
  const mainFacets: string[] = [];
  for (const facet of query.facets) {
    if (DISJUNCTIVE_FACETS.includes(facet) && hasOwnFilter(query.filters, facet)) {
      const own = toMeiliFilter(query.filters, facet);
      plan.facetSource[facet] = plan.queries.length;
      plan.queries.push({
        indexUid,
        q,
        ...(own.length > 0 && { filter: own }),
        hitsPerPage: 0,
        matchingStrategy,
        facets: facetFields(facet, query),
      });
    } else {
      plan.facetSource[facet] = 0;
      mainFacets.push(...facetFields(facet, query));
    }
  }
  if (mainFacets.length > 0) main.facets = mainFacets;
  if (matchingStrategy !== 'all' && parsed.terms.length > 1) {
    plan.fullMatchesSource = plan.queries.length;
    plan.queries.push({ indexUid, q, ...(filter.length > 0 && { filter }), hitsPerPage: 0, matchingStrategy: 'all' });
  }
  if (options.countTerms && parsed.terms.length > 1) {
    plan.termCountSource = plan.queries.length;
    plan.queries.push(...termCountQueries(parsed, indexUid));
  }
  return plan;
}
