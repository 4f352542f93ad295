import { tokenize } from '../../text/normalize.js';
import { compareByCount } from '../count-order.js';
import { ENGLISH_STOP_WORDS } from '../query/stop-words.js';

/**
 * The words of an article that say what it is about, in the way of a more-like-this query
 * (Lucene's MoreLikeThis): frequent in the article, rare in the index. Pure; both engines use
 * it, each with document frequencies from its own index.
 */

/** How much a word counts by where it stands; the embedded engine's BM25 column weights. */
export const FIELD_WEIGHTS = { title: 2, summary: 2, body: 1 } as const;

/** Words looked up in the index per article (the Meilisearch adapter counts each one). */
export const MAX_LOOKED_UP_TERMS = 40;
/** Words of the more-like-this query: more add cost and little precision. */
export const MAX_QUERY_TERMS = 20;
/**
 * A word in more than this share of the articles tells little about any of them, and its list
 * of articles is the costliest to read; ignored once it is also in more than
 * `MIN_COMMON_DOCS` articles (a small index has no other words to go by).
 */
export const MAX_DOC_SHARE = 0.1;
export const MIN_COMMON_DOCS = 100;
/**
 * Together the query's words are held at most this many times (the sum of their document
 * frequencies): a bound on the match lists the embedded engine reads for one request (about
 * 0.2 µs an id when not cached), whatever the article. A word that would pass it is skipped
 * for the next one. Below 50,000 articles it never binds (20 words x 10 % x 50,000).
 */
export const MAX_LISTED_DOCS = 100_000;

/** The text of an article. */
export interface ArticleText {
  title: string;
  summary?: string | null | undefined;
  body: string;
}

/** Words of a text with their field-weighted counts, in order of first appearance. */
export interface TextProfile {
  counts: Map<string, number>;
  /** Field-weighted number of words (stop words included), the length BM25 normalises by. */
  length: number;
}

/** A word of the more-like-this query. */
export interface RelatedTerm {
  term: string;
  /** Articles of the index holding it (the source included). */
  docs: number;
  /**
   * Its weight in the query: 1 + ln of its weighted count in the source. Rarity already chose
   * the word; weighting by idf again let a rare name outweigh the subject's words (measured:
   * docs/ranking.md).
   */
  weight: number;
}

/** Document frequencies as an engine knows them. */
export interface TermStats {
  docs(term: string): number;
  /** Articles in the index. */
  total: number;
}

/** Whether a word may carry meaning: not a stop word, two characters or more, not a bare number. */
export function isContentWord(word: string): boolean {
  return word.length >= 2 && !ENGLISH_STOP_WORDS.has(word) && !/^\p{N}+$/u.test(word);
}

/**
 * Counts every word of title, summary and body, weighted by field.
 * @example profileText({ title: 'Cocoa prices', body: 'Cocoa rose.' }).counts -> Map { cocoa: 3, prices: 2, rose: 1 }
 */
export function profileText(text: ArticleText, wanted?: ReadonlySet<string>): TextProfile {
  const counts = new Map<string, number>();
  let length = 0;
  const add = (field: string | null | undefined, weight: number) => {
    if (!field) return;
    const words = tokenize(field);
    length += words.length * weight;
    for (const word of words) {
      if (wanted ? wanted.has(word) : isContentWord(word)) counts.set(word, (counts.get(word) ?? 0) + weight);
    }
  };
  add(text.title, FIELD_WEIGHTS.title);
  add(text.summary, FIELD_WEIGHTS.summary);
  add(text.body, FIELD_WEIGHTS.body);
  return { counts, length };
}

/**
 * The words worth looking up: the most frequent content words of the article (ties: the first
 * to appear, so title words lead). Lucene's MoreLikeThis keeps only words seen twice for the
 * same reason: a word said once is rarely what an article is about.
 * @example lookupTerms(profileText({ title: 'Cocoa prices', body: 'Cocoa rose.' }), 2) -> ['cocoa', 'prices']
 */
export function lookupTerms(profile: TextProfile, max: number = MAX_LOOKED_UP_TERMS): string[] {
  return [...profile.counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([term]) => term);
}

/** BM25's idf, never negative. */
export function idf(docs: number, total: number): number {
  return Math.log(1 + (total - docs + 0.5) / (docs + 0.5));
}

/**
 * The more-like-this query: of the looked-up words, those another article holds too and
 * that are not too common, best first by count x idf (Lucene's order), at most `max`, held
 * together by at most `MAX_LISTED_DOCS` articles.
 * @example selectTerms(profile, { docs: (t) => ({ cocoa: 40, prices: 900 })[t] ?? 0, total: 10_000 })
 *   -> [{ term: 'cocoa', docs: 40, weight: ... }, { term: 'prices', ... }]
 */
export function selectTerms(profile: TextProfile, stats: TermStats, max: number = MAX_QUERY_TERMS): RelatedTerm[] {
  const common = Math.max(MAX_DOC_SHARE * stats.total, MIN_COMMON_DOCS);
  const scored: (RelatedTerm & { score: number })[] = [];
  for (const term of lookupTerms(profile)) {
    const docs = stats.docs(term);
    // Held by this article alone (or unknown to the index yet): it cannot find another.
    if (docs < 2 || docs > common) continue;
    const count = profile.counts.get(term) ?? 0;
    scored.push({ term, docs, weight: 1 + Math.log(count), score: count * idf(docs, stats.total) });
  }
  scored.sort((a, b) => compareByCount(a.score, a.term, b.score, b.term));
  const chosen: RelatedTerm[] = [];
  let listed = 0;
  for (const { term, docs, weight } of scored) {
    if (chosen.length >= max) break;
    if (listed + docs > MAX_LISTED_DOCS) continue;
    listed += docs;
    chosen.push({ term, docs, weight });
  }
  return chosen;
}
