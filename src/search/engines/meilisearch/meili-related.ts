import type { Index, Meilisearch, MultiSearchQuery, MultiSearchResult, RecordAny } from 'meilisearch';
import { ARTICLE_ID_PATTERN } from '../../../articles/article-id.js';
import { lookupTerms, profileText, selectTerms } from '../../related/article-terms.js';
import { rankRelated, toRelatedArticle } from '../../related/related-blend.js';
import type { RelatedHit, RelatedQuery } from '../../related/related.schema.js';
import { fromMeiliDocument } from './meili-document.js';
import type { Guard } from './meili-errors.js';
import { fromCandidateResults, fromTermCounts, toCandidateQueries, toTermCountQueries } from './to-meili-related.js';

/** What `relatedOnMeili` reads through. */
export interface MeiliRelatedDeps {
  client: Meilisearch;
  index: Index;
  guard: Guard;
  indexUid: string;
  /** Budget of the whole call, every round trip included. */
  timeoutMs: number;
}

/**
 * Related articles on Meilisearch, in three round trips: the article; how many articles hold
 * each of its words (one multi-search of count-only queries); the candidate searches (one
 * multi-search). The words are chosen and the candidates ordered by the same core functions as
 * on the embedded engine (src/search/related). Undefined when the article does not exist.
 */
export async function relatedOnMeili(query: RelatedQuery, deps: MeiliRelatedDeps): Promise<RelatedHit[] | undefined> {
  // The client puts the id in the path unencoded; only well-formed ids get that far.
  if (!ARTICLE_ID_PATTERN.test(query.id)) return undefined;
  const signal = AbortSignal.timeout(deps.timeoutMs);
  const run = async (queries: MultiSearchQuery[]) =>
    deps.guard(
      'related',
      async () => (await deps.client.multiSearch({ queries }, { signal })).results as MultiSearchResult<RecordAny>[],
      () => undefined,
    );

  const doc = await deps.guard(
    'related',
    () => deps.index.getDocument(query.id),
    () => undefined,
  );
  if (doc === undefined) return undefined;
  const source = await deps.guard('related', async () => toRelatedArticle(fromMeiliDocument(doc)));
  const profile = profileText(source);
  const lookedUp = lookupTerms(profile);
  const counts = lookedUp.length > 0 ? await run(toTermCountQueries(lookedUp, deps.indexUid)) : [];
  const terms = counts ? selectTerms(profile, fromTermCounts(lookedUp, counts)) : [];
  if (terms.length === 0) return [];
  const results = await run(toCandidateQueries(terms, query.filters, deps.indexUid));
  if (!results) return [];
  const candidates = await deps.guard('related', async () => fromCandidateResults(results));
  return rankRelated({ ...source, terms }, candidates)
    .slice(0, query.limit)
    .map((c) => c.hit);
}
