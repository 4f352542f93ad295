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
 * Partial matches. The contract adds articles holding some of the words when fewer than
 * `SEARCH_LIMITS.partialMatchThreshold` (20) articles passing the filters hold them all. A search
 * with two or more words is sent with `matchingStrategy: 'all'`; when that finds fewer than 20,
 * the whole request is sent again with `'frequency'` and that answer is used (hits, total and
 * facets then count both kinds; `-word` exclusions hold in both). What differs from the
 * embedded engine, which widens to every article holding at least one of the words (exactly,
 * by typo, as the typed prefix, or through its English stem), ranked by score:
 * - `frequency` drops words from the most to the least frequent (by how many articles in the
 *   whole index hold the word or its typo/prefix variants; a word found nowhere goes first,
 *   equally frequent words go together) and never drops the rarest, so every partial match
 *   holds the rarest word: an article holding only the more frequent words is not found.
 * - A quoted phrase is never dropped: every partial match holds it (and may hold none of the
 *   other words); the embedded engine may return articles without the phrase.
 * - Partial matches rank by how many words they kept (then typo, proximity, attribute,
 *   exactness), not by a relevance score.
 * - No stemming: "festivals" stands in for "festival" only as a typo, never "festive".
 * For relevance the `words` ranking rule puts every all-words article ahead of the partial
 * ones, as on the embedded engine; newest and oldest order everything by date (`sort` is the
 * first rule).
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
