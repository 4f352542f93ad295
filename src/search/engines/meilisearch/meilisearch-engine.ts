import { Meilisearch, type MatchingStrategies } from 'meilisearch';
import { ARTICLE_ID_PATTERN } from '../../../articles/article-id.js';
import type { Logger } from '../../../logger.js';
import { parseQuery, type ParsedQuery } from '../../query/parse-query.js';
import type { SearchEngine } from '../../search-engine.js';
import type { SearchQuery, SearchResult } from '../../search.schema.js';
import { fromFacetHits, toFacetSearchParams } from './facet-value-search.js';
import { emptySearchResult, fromFederated, fromMeiliResults } from './from-meili-response.js';
import { fromMeiliDocument } from './meili-document.js';
import { createGuard, type Guard } from './meili-errors.js';
import { suggestQueryOnMeili } from './meili-did-you-mean.js';
import { relatedOnMeili } from './meili-related.js';
import { suggestOnMeili } from './meili-suggest.js';
import { needsPartialMatches, toMeiliSearchPlan, type SearchPlan } from './to-meili-search.js';
import { toWidenedSearches, type FederatedSearch } from './to-meili-widened.js';

/** How to reach the index the engine reads. */
export interface MeilisearchEngineOptions {
  url: string;
  apiKey?: string | undefined;
  indexUid: string;
  logger: Logger;
  /** Budget of one engine call, the partial-match round trip included (default 2 s). */
  timeoutMs?: number;
}

/**
 * The production engine: the `SearchEngine` port on a Meilisearch index built by
 * `createMeilisearchIndex`.
 *
 * @remarks
 * Partial matches. `matchingStrategy` (`all`, `last`, `frequency`) is sent as is; under
 * `last` and `frequency` a count-only `all` query counts `fullMatches`. Without it (the
 * default), a search is sent with `all`, and the counts of each term alone and of the index ride
 * along; when fewer than `SEARCH_LIMITS.partialMatchThreshold` (20) articles passing the filters
 * hold every word, the federated searches of `toWidenedSearches` bring every article holding any
 * word that may stand alone, all-words ones first (docs/ranking.md#matching-strategies). No
 * stemming: "festivals" stands in for "festival" only as a typo, never "festive".
 * When no article holds every word, `suggestQueryOnMeili` looks for a `suggestedQuery`.
 *
 * Facet counts, highlights and snippets are Meilisearch's (see `to-meili-search.ts`), mapped to
 * the same response shape as the embedded engine. Autocomplete reads the title vocabulary index
 * `<uid>_terms` as well (see `meili-suggest.ts`).
 */
export function createMeilisearchEngine(options: MeilisearchEngineOptions): SearchEngine {
  const timeoutMs = options.timeoutMs ?? 2_000;
  // `timeout` bounds the calls that take no signal (health, stats, documents).
  const client = new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout: timeoutMs });
  const index = client.index(options.indexUid);
  const guard: Guard = createGuard(options.logger);

  async function multiSearch(
    query: SearchQuery,
    parsed: ParsedQuery,
    strategy: MatchingStrategies,
    signal: AbortSignal,
  ) {
    const plan = toMeiliSearchPlan(query, parsed, options.indexUid, strategy, { countTerms: !query.matchingStrategy });
    const response = await guard(
      'search',
      () => client.multiSearch({ queries: plan.queries }, { signal }),
      () => undefined,
    );
    return response && { plan, results: response.results };
  }

  /** The default's partial matches: the federated searches of `toWidenedSearches`, sent together. */
  async function widened(
    query: SearchQuery,
    parsed: ParsedQuery,
    first: { plan: SearchPlan; results: readonly { totalHits?: number }[] },
    signal: AbortSignal,
  ): Promise<SearchResult | undefined> {
    const at = first.plan.termCountSource;
    if (at === undefined) return undefined;
    const count = (i: number) => first.results[at + i]?.totalHits ?? 0;
    const widen = toWidenedSearches(
      query,
      parsed,
      options.indexUid,
      parsed.terms.map((_, i) => count(i + 1)),
      count(0),
    );
    const answers = await guard(
      'search',
      () => Promise.all(widen.requests.map((r: FederatedSearch) => client.multiSearch(r, { signal }))),
      () => undefined,
    );
    if (!answers) return undefined;
    const results = answers.map((a) => fromFederated(a, options.indexUid));
    return guard('search', async () => ({
      ...fromMeiliResults(query, { queries: [], facetSource: widen.facetSource }, results),
      fullMatches: first.results[0]?.totalHits ?? 0,
    }));
  }

  return {
    kind: 'meilisearch',

    async search(query: SearchQuery): Promise<SearchResult> {
      // One deadline for both round trips, so a slow engine fails within the budget.
      const signal = AbortSignal.timeout(timeoutMs);
      const parsed = parseQuery(query.q);
      const answer = await multiSearch(query, parsed, query.matchingStrategy ?? 'all', signal);
      if (!answer) return emptySearchResult(query);
      let result: SearchResult | undefined;
      if (!query.matchingStrategy && needsPartialMatches(parsed, answer.results[0]?.totalHits ?? 0)) {
        result = await widened(query, parsed, answer, signal);
      }
      result ??= await guard('search', async () => fromMeiliResults(query, answer.plan, answer.results));
      if (result.fullMatches === 0 && parsed.terms.length > 0) {
        const suggested = await suggestQueryOnMeili(
          query,
          parsed,
          { client, indexUid: options.indexUid, guard },
          signal,
        );
        if (suggested !== undefined) result = { ...result, suggestedQuery: suggested };
      }
      return result;
    },

    suggest(query) {
      return suggestOnMeili(query, { client, indexUid: options.indexUid, guard, logger: options.logger, timeoutMs });
    },

    async searchFacetValues(query) {
      const signal = AbortSignal.timeout(timeoutMs);
      const params = toFacetSearchParams(query);
      const response = await guard(
        'facetSearch',
        () => index.searchForFacetValues(params, { signal }),
        () => undefined,
      );
      return fromFacetHits(response?.facetHits ?? [], query);
    },

    async getArticle(id: string) {
      // The client puts the id in the path unencoded; only well-formed ids get that far.
      if (!ARTICLE_ID_PATTERN.test(id)) return undefined;
      const doc = await guard(
        'getArticle',
        () => index.getDocument(id),
        () => undefined,
      );
      return doc === undefined ? undefined : guard('getArticle', async () => fromMeiliDocument(doc));
    },

    related(query) {
      return relatedOnMeili(query, { client, index, guard, indexUid: options.indexUid, timeoutMs });
    },

    async ready() {
      await guard('health', () => client.health());
      const stats = await guard(
        'stats',
        () => index.getStats(),
        () => ({ numberOfDocuments: 0 }),
      );
      return { articleCount: stats.numberOfDocuments };
    },

    async close() {
      // Nothing to release: the client holds no connection of its own (fetch pools them).
    },
  };
}
