import type { MultiSearchQuery, MultiSearchResult, RecordAny } from 'meilisearch';
import { parseIsoDate } from '../../../articles/dates.js';
import type { RelatedTerm, TermStats } from '../../related/article-terms.js';
import type { RelatedArticle } from '../../related/related-blend.js';
import type { RelatedHit } from '../../related/related.schema.js';
import type { SearchFilters } from '../../search.schema.js';
import { toHitFields } from './from-meili-response.js';
import { HIT_ATTRIBUTES, MeiliDocumentSchema, MeiliHitSchema } from './meili-document.js';
import { toMeiliFilter } from './to-meili-filter.js';

/**
 * Related articles on Meilisearch, as request and response mappings (the I/O is in
 * `meili-related.ts`). Meilisearch offers similar documents only through an embedder; this is
 * the embedded engine's method done with plain searches: count the article's words, choose
 * the more-like-this words on our side, search with them, re-rank with the shared blend.
 */

/** The fields the embedded engine matches words in; tags, section and authors count in the blend. */
const TEXT_ATTRIBUTES = ['title', 'summary', 'body'];
/** Meilisearch reads only the first 10 words of `q`. */
export const MEILI_QUERY_WORDS = 10;
/** Candidates asked from each search of several words (their union is re-ranked). */
export const MEILI_RELATED_POOL = 30;
/** Best words searched alone too, and the candidates asked for each. */
export const MEILI_SINGLE_WORDS = 6;
export const MEILI_SINGLE_WORD_POOL = 10;
/** What the blend reads of a candidate: the hit and the body. */
export const RELATED_ATTRIBUTES = [...HIT_ATTRIBUTES, 'body'];

/**
 * One count-only query per word, plus one for the whole index: how many articles hold each
 * word exactly. A quoted word is a phrase, which Meilisearch matches without typo or prefix.
 * @example toTermCountQueries(['cocoa'], 'articles')[1]
 *   -> { indexUid: 'articles', q: '"cocoa"', attributesToSearchOn: ['title', 'summary', 'body'], hitsPerPage: 0 }
 */
export function toTermCountQueries(terms: readonly string[], indexUid: string): MultiSearchQuery[] {
  return [
    { indexUid, q: '', hitsPerPage: 0 },
    // Words are letters and digits only (our tokenizer's), so the quotes cannot be broken out of.
    ...terms.map((term) => ({ indexUid, q: `"${term}"`, attributesToSearchOn: TEXT_ATTRIBUTES, hitsPerPage: 0 })),
  ];
}

type Counted = Pick<MultiSearchResult<RecordAny>, 'totalHits'>;

/** The count answers -> document frequencies (a word without an answer counts as unknown). */
export function fromTermCounts(terms: readonly string[], results: readonly Counted[]): TermStats {
  const docs = new Map(terms.map((term, i) => [term, results[i + 1]?.totalHits ?? 0]));
  return { total: results[0]?.totalHits ?? 0, docs: (term) => docs.get(term) ?? 0 };
}

/**
 * The candidate searches, in one multi-search, each with the request's filters:
 * - the first 10 query words, best first, `matchingStrategy: 'last'` (words are dropped from
 *   the end: candidates hold the best word and as many of the next ones as can be);
 * - the same words with `'frequency'` (the most common are dropped first: candidates hold the
 *   rarest word and as many others as can be);
 * - each of the 6 best words alone, so that an article holding several query words but not
 *   the best or the rarest is found too (the embedded engine takes every article holding any
 *   query word).
 * Words are complete (trailing space), never a prefix.
 */
export function toCandidateQueries(
  terms: readonly RelatedTerm[],
  filters: SearchFilters,
  indexUid: string,
): MultiSearchQuery[] {
  const filter = toMeiliFilter(filters);
  const base = {
    indexUid,
    attributesToSearchOn: TEXT_ATTRIBUTES,
    attributesToRetrieve: RELATED_ATTRIBUTES,
    ...(filter.length > 0 && { filter }),
  };
  const words = terms.map((t) => t.term);
  if (words.length === 0) return [];
  const all = `${words.slice(0, MEILI_QUERY_WORDS).join(' ')} `;
  const alone = words
    .slice(0, MEILI_SINGLE_WORDS)
    .map((word): MultiSearchQuery => ({ ...base, q: `${word} `, limit: MEILI_SINGLE_WORD_POOL }));
  if (words.length === 1) return [{ ...base, q: all, limit: MEILI_RELATED_POOL }];
  return [
    { ...base, q: all, matchingStrategy: 'last', limit: MEILI_RELATED_POOL },
    { ...base, q: all, matchingStrategy: 'frequency', limit: MEILI_RELATED_POOL },
    ...alone,
  ];
}

const CandidateHitSchema = MeiliHitSchema.extend({ body: MeiliDocumentSchema.shape.body });

/** A candidate as the blend reads it, with the hit it becomes. */
export type MeiliCandidate = RelatedArticle & { hit: RelatedHit };

/** Candidate hits (unvalidated JSON) of every search -> candidates; throws a ZodError on a foreign document. */
export function fromCandidateResults(results: readonly Pick<MultiSearchResult<RecordAny>, 'hits'>[]): MeiliCandidate[] {
  return results.flatMap((result) =>
    result.hits.map((raw): MeiliCandidate => {
      const doc = CandidateHitSchema.parse(raw);
      const hit: RelatedHit = toHitFields(doc);
      return { ...hit, body: doc.body, publishedAtMs: parseIsoDate(doc.publishedAtIso) ?? 0, hit };
    }),
  );
}
