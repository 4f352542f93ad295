import type { MultiSearchQuery, MultiSearchResult, RecordAny } from 'meilisearch';
import { parseIsoDate } from '../../../articles/dates.js';
import type { RelatedTerm, TermStats } from '../../related/article-terms.js';
import type { RelatedArticle } from '../../related/related-blend.js';
import type { RelatedHit } from '../../related/related.schema.js';
import type { SearchFilters } from '../../search.schema.js';
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
/** Candidates asked from each search (three searches; their union is re-ranked). */
export const MEILI_RELATED_POOL = 30;
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
 *   the end, so every candidate holds the best word; more of the best words rank higher);
 * - the same without the best word (candidates that lack it);
 * - the first 10 with `'frequency'` (the most common words go first: every candidate holds
 *   the rarest).
 * The last word is complete (trailing space), never a prefix.
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
    limit: MEILI_RELATED_POOL,
    ...(filter.length > 0 && { filter }),
  };
  const words = terms.map((t) => t.term);
  const text = (list: readonly string[]) => `${list.slice(0, MEILI_QUERY_WORDS).join(' ')} `;
  const queries: MultiSearchQuery[] = [{ ...base, q: text(words), matchingStrategy: 'last' }];
  if (words.length > 1) {
    queries.push({ ...base, q: text(words.slice(1)), matchingStrategy: 'last' });
    queries.push({ ...base, q: text(words), matchingStrategy: 'frequency' });
  }
  return queries;
}

const CandidateHitSchema = MeiliHitSchema.extend({ body: MeiliDocumentSchema.shape.body });

/** A candidate as the blend reads it, with the hit it becomes. */
export type MeiliCandidate = RelatedArticle & { hit: RelatedHit };

/** Candidate hits (unvalidated JSON) of every search -> candidates; throws a ZodError on a foreign document. */
export function fromCandidateResults(results: readonly Pick<MultiSearchResult<RecordAny>, 'hits'>[]): MeiliCandidate[] {
  return results.flatMap((result) =>
    result.hits.map((raw): MeiliCandidate => {
      const doc = CandidateHitSchema.parse(raw);
      const hit: RelatedHit = {
        id: doc.id,
        title: doc.title,
        summary: doc.summary ?? null,
        section: doc.section,
        tags: doc.tags,
        authors: doc.authors,
        publishedAt: doc.publishedAtIso,
        url: doc.url ?? null,
      };
      return { ...hit, body: doc.body, publishedAtMs: parseIsoDate(doc.publishedAtIso) ?? 0, hit };
    }),
  );
}
