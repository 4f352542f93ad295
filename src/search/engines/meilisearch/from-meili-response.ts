import type { MultiSearchResult, RecordAny } from 'meilisearch';
import { MARK_OPEN, markedToHtml } from '../../../text/normalize.js';
import { byCountThenValue } from '../../count-order.js';
import { FACET_NAMES, type Facets, type SearchHit, type SearchQuery, type SearchResult } from '../../search.schema.js';
import { toDateFacet } from './date-facet.js';
import { MeiliHitSchema, type MeiliHit } from './meili-document.js';
import type { SearchPlan } from './to-meili-search.js';

type FacetValue = NonNullable<Facets['section']>[number];
type Formatted = NonNullable<MeiliHit['_formatted']>;

/**
 * The snippet: the cropped summary when it holds a match, else the cropped body when it does,
 * else the start of the summary (or body). Meilisearch already cropped each to about 30 words
 * around the densest matches, with "…" where it cut; line breaks read as spaces, as on the
 * embedded engine.
 */
export function chooseSnippet(formatted: Formatted): string {
  const { summary, body } = formatted;
  const chosen = summary?.includes(MARK_OPEN) ? summary : body?.includes(MARK_OPEN) ? body : summary || body || '';
  return chosen.replace(/\s+/g, ' ').trim();
}

/** `_formatted` (private markers) -> the escaped HTML highlight of the API. */
export function toHighlight(hit: Pick<MeiliHit, 'title' | '_formatted'>): NonNullable<SearchHit['highlight']> {
  const formatted = hit._formatted ?? {};
  return { title: markedToHtml(formatted.title ?? hit.title), snippet: markedToHtml(chooseSnippet(formatted)) };
}

/** A stored document's fields as our hit without highlight (search and related hits alike), keys in the schema's order. */
export function toHitFields(hit: MeiliHit): Omit<SearchHit, 'highlight'> {
  return {
    id: hit.id,
    title: hit.title,
    summary: hit.summary ?? null,
    section: hit.section,
    tags: hit.tags,
    authors: hit.authors,
    publishedAt: hit.publishedAtIso,
    url: hit.url ?? null,
  };
}

/**
 * One Meilisearch hit (unvalidated JSON) -> our hit, keys in the response schema's order.
 * Throws a ZodError when the hit is not one of our documents.
 */
export function toSearchHit(raw: unknown, withHighlight: boolean): SearchHit {
  const hit = MeiliHitSchema.parse(raw);
  return { ...toHitFields(hit), ...(withHighlight && { highlight: toHighlight(hit) }) };
}

/**
 * Facet counts -> values in `byCountThenValue` order, cut to `limit`.
 * @example toFacetValues({ Tech: 2, World: 5, Arts: 2 }, 2) -> [{ value: 'World', count: 5 }, { value: 'Arts', count: 2 }]
 */
export function toFacetValues(counts: Record<string, number> | undefined, limit: number): FacetValue[] {
  return Object.entries(counts ?? {})
    .filter(([, count]) => count > 0)
    .map(([value, count]) => ({ value, count }))
    .sort(byCountThenValue)
    .slice(0, limit);
}

type MeiliResult = Pick<MultiSearchResult<RecordAny>, 'hits' | 'totalHits' | 'facetDistribution' | 'facetStats'>;

/**
 * Multi-search results -> the engine's SearchResult. `plan.facetSource` says which result
 * holds each facet's counts (the disjunctive ones come from queries without their own filter).
 */
export function fromMeiliResults(query: SearchQuery, plan: SearchPlan, results: readonly MeiliResult[]): SearchResult {
  const main = results[0];
  const totalHits = main?.totalHits ?? 0;
  const full = plan.fullMatchesSource === undefined ? undefined : results[plan.fullMatchesSource];
  const result: SearchResult = {
    hits: (main?.hits ?? []).map((hit) => toSearchHit(hit, query.highlight)),
    totalHits,
    fullMatches: full ? (full.totalHits ?? 0) : totalHits,
    facets: {},
  };
  // Schema order, whatever order the facets were asked in.
  for (const facet of FACET_NAMES.filter((name) => query.facets.includes(name))) {
    const index = plan.facetSource[facet];
    const source = index === undefined ? undefined : results[index];
    if (facet === 'date') {
      const { buckets, interval } = toDateFacet(source?.facetDistribution, source?.facetStats, query.dateInterval);
      result.facets.date = buckets;
      if (interval) result.dateInterval = interval;
    } else {
      result.facets[facet] = toFacetValues(source?.facetDistribution?.[facet], query.facetLimit);
    }
  }
  return result;
}

/** A federated multi-search answer, as far as the mapping reads it. */
type FederatedAnswer = Pick<MultiSearchResult<RecordAny>, 'hits' | 'totalHits'> & {
  facetsByIndex?: Record<
    string,
    { distribution?: MeiliResult['facetDistribution']; stats?: MeiliResult['facetStats'] }
  >;
};

/** A federated answer -> the shape of one multi-search result: its hits, total, and the index's facets. */
export function fromFederated(answer: FederatedAnswer, indexUid: string): MeiliResult {
  const facets = answer.facetsByIndex?.[indexUid];
  return {
    hits: answer.hits,
    totalHits: answer.totalHits ?? 0,
    ...(facets?.distribution && { facetDistribution: facets.distribution }),
    ...(facets?.stats && { facetStats: facets.stats }),
  };
}

/** What a search answers when the index does not exist yet: nothing, in the usual shape. */
export function emptySearchResult(query: SearchQuery): SearchResult {
  return fromMeiliResults(query, { queries: [], facetSource: {} }, []);
}
