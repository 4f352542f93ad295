import type { Article } from '../../articles/article.schema.js';
import { parseIsoDate } from '../../articles/dates.js';
import { foldCase, tokenizeWithSpans } from '../../text/normalize.js';
import { FIELD_WEIGHTS, type ArticleText, type RelatedTerm } from './article-terms.js';
import { namesFromSpans, namesOfArticle } from './names.js';

/**
 * How the signals add up to one score (docs/ranking.md, "Related articles"). The text
 * similarity leads; the rest reorder articles whose text is close, and can lift one that
 * shares the story's tags over one that only shares its words.
 */
export const BLEND_WEIGHTS = { text: 0.6, tags: 0.15, section: 0.05, people: 0.1, time: 0.1 } as const;
/** Days after which closeness in time counts half. */
export const TIME_HALF_LIFE_DAYS = 30;
/** Shared names that make the people signal full. */
const FULL_PEOPLE = 3;
/** BM25 constants of the text similarity. */
const K1 = 1.2;
const B = 0.75;
const DAY_MS = 86_400_000;

/** What is known of an article on either side of the comparison. */
export interface RelatedArticle extends ArticleText {
  id: string;
  section: string;
  tags: readonly string[];
  authors: readonly string[];
  publishedAtMs: number;
}

/** An article as the blend reads it. */
export function toRelatedArticle(article: Article): RelatedArticle {
  return {
    id: article.id,
    title: article.title,
    summary: article.summary,
    body: article.body,
    section: article.section,
    tags: article.tags,
    authors: article.authors,
    publishedAtMs: parseIsoDate(article.publishedAt) ?? 0,
  };
}

/** The article the others should relate to, with its more-like-this query. */
export interface RelatedSource extends RelatedArticle {
  terms: readonly RelatedTerm[];
}

/** One candidate's score and its parts (for tests and tuning). */
export interface BlendScore {
  id: string;
  score: number;
  parts: { text: number; tags: number; section: number; people: number; time: number };
}

/**
 * Orders candidates by the blend, best first: BM25 of the more-like-this query over each
 * candidate's text (relative to the best candidate), shared tags (share of the source's),
 * same section, shared names and bylines, closeness in time to the source. The source itself
 * and repeated ids are dropped. Ties: newer first, then id.
 */
export function rankRelated<T extends RelatedArticle>(source: RelatedSource, candidates: readonly T[]): T[] {
  // Dropped before scoring: the source (Meilisearch finds it too) would be the best text and
  // shrink every other candidate's text part; a repeat would count twice in the mean length.
  const unique = new Map<string, T>();
  for (const c of candidates) if (c.id !== source.id && !unique.has(c.id)) unique.set(c.id, c);
  const scores = new Map(blendScores(source, [...unique.values()]).map((s) => [s.id, s.score]));
  return [...unique.values()].sort(
    (a, b) =>
      scores.get(b.id)! - scores.get(a.id)! ||
      b.publishedAtMs - a.publishedAtMs ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The blend of every candidate, in candidate order. */
export function blendScores(source: RelatedSource, candidates: readonly RelatedArticle[]): BlendScore[] {
  const wanted = new Set(source.terms.map((t) => t.term));
  const sourceNames = namesOfArticle(source);
  const firstWords = new Set([...sourceNames].map((name) => name.slice(0, name.indexOf(' '))));
  const profiles = candidates.map((c) => readCandidate(c, wanted, firstWords));
  const averageLength = profiles.reduce((sum, p) => sum + p.length, 0) / Math.max(profiles.length, 1) || 1;
  const texts = profiles.map((p) => textScore(source.terms, p.counts, p.length, averageLength));
  const best = Math.max(...texts, 0);
  const sourceTags = new Set(source.tags.map(foldCase));
  const sourceAuthors = new Set(source.authors.map(foldCase));
  return candidates.map((c, i) => {
    const parts = {
      text: best > 0 ? texts[i]! / best : 0,
      tags: sharedShare(sourceTags, c.tags),
      section: foldCase(c.section) === foldCase(source.section) ? 1 : 0,
      people: peopleScore(sourceNames, sourceAuthors, c, profiles[i]!.names),
      time: Math.pow(0.5, Math.abs(c.publishedAtMs - source.publishedAtMs) / DAY_MS / TIME_HALF_LIFE_DAYS),
    };
    const w = BLEND_WEIGHTS;
    const score =
      w.text * parts.text +
      w.tags * parts.tags +
      w.section * parts.section +
      w.people * parts.people +
      w.time * parts.time;
    return { id: c.id, score, parts };
  });
}

/**
 * BM25 of the weighted query words over one text.
 * @example textScore([{ term: 'cocoa', weight: 2, docs: 5 }], new Map([['cocoa', 3]]), 100, 100) -> 2 * 3 * 2.2 / (3 + 1.2)
 */
export function textScore(
  terms: readonly RelatedTerm[],
  counts: ReadonlyMap<string, number>,
  length: number,
  averageLength: number,
): number {
  const norm = K1 * (1 - B + (B * length) / averageLength);
  let score = 0;
  for (const { term, weight } of terms) {
    const tf = counts.get(term) ?? 0;
    if (tf > 0) score += (weight * (tf * (K1 + 1))) / (tf + norm);
  }
  return score;
}

/** Share of the source's values the candidate holds too (0 when the source has none). */
function sharedShare(source: ReadonlySet<string>, values: readonly string[]): number {
  if (source.size === 0) return 0;
  let shared = 0;
  for (const v of new Set(values.map(foldCase))) if (source.has(v)) shared++;
  return shared / source.size;
}

/** Names of the source's title and summary that the candidate mentions (full at three), a shared byline counting as one. */
function peopleScore(
  sourceNames: ReadonlySet<string>,
  sourceAuthors: ReadonlySet<string>,
  c: RelatedArticle,
  names: ReadonlySet<string>,
): number {
  let shared = 0;
  for (const name of sourceNames) if (names.has(name)) shared++;
  if (c.authors.some((a) => sourceAuthors.has(foldCase(a)))) shared++;
  return Math.min(shared / FULL_PEOPLE, 1);
}

/**
 * One pass over a candidate's words: the field-weighted counts of the query words, the
 * weighted length and the names it mentions that start with one of `firstWords` (the source's
 * names; anywhere in the text, not only among its first names).
 */
function readCandidate(c: ArticleText, wanted: ReadonlySet<string>, firstWords: ReadonlySet<string>) {
  const counts = new Map<string, number>();
  const names = new Set<string>();
  let length = 0;
  for (const [field, weight] of [
    [c.title, FIELD_WEIGHTS.title],
    [c.summary, FIELD_WEIGHTS.summary],
    [c.body, FIELD_WEIGHTS.body],
  ] as const) {
    if (!field) continue;
    const spans = tokenizeWithSpans(field);
    length += spans.length * weight;
    for (const { word } of spans) if (wanted.has(word)) counts.set(word, (counts.get(word) ?? 0) + weight);
    if (firstWords.size > 0) namesFromSpans(field, spans, names, Infinity, firstWords);
  }
  return { counts, length, names };
}
