import type { Article } from '../../src/articles/article.schema.js';
import { parseIsoDate } from '../../src/articles/dates.js';
import { allowedTypos, typoDistance } from '../../src/text/edit-distance.js';
import { stemmer } from 'stemmer';
import { foldCase, tokenize } from '../../src/text/normalize.js';

/**
 * The test oracle: the search contract computed the slow, obvious way over a list of articles,
 * independently of either engine. The contract suite and the embedded engine's facet test both
 * check against it.
 */

/** A search as the oracle takes it: the API's parameters, lists as arrays. */
export interface OracleQuery {
  q?: string;
  section?: string[];
  tag?: string[];
  author?: string[];
  from?: string;
  to?: string;
}

const textOf = (article: Article) => `${article.title} ${article.summary ?? ''} ${article.body}`;

/** The contract's matching of one word: held exactly or within its typo budget. */
export function holdsWord(article: Article, word: string): boolean {
  const budget = allowedTypos(word.length);
  return tokenize(textOf(article)).some((t) => typoDistance(word, t, budget) <= budget);
}

/** Every word of `q` held (each within its typo budget). */
export function holdsEveryWord(article: Article, q: string): boolean {
  return tokenize(q).every((word) => holdsWord(article, word));
}

/** Partial matches may also hold a word through its English stem ("festivals", "festive" for "festival"). */
export function holdsWordOrStem(article: Article, word: string): boolean {
  const stem = stemmer(word);
  return holdsWord(article, word) || tokenize(textOf(article)).some((t) => stemmer(t) === stem);
}

/** Filters as the API defines them: section OR, tags AND, authors OR, dates inclusive (a bare `to` covers its day). */
export function passesFilters(article: Article, f: OracleQuery): boolean {
  const t = parseIsoDate(article.publishedAt)!;
  const inList = (list: string[] | undefined, values: string[]) =>
    !list?.length || list.some((v) => values.map(foldCase).includes(foldCase(v)));
  return (
    inList(f.section, [article.section]) &&
    (f.tag ?? []).every((tag) => article.tags.map(foldCase).includes(foldCase(tag))) &&
    inList(f.author, article.authors) &&
    (!f.from || t >= parseIsoDate(f.from)!) &&
    (!f.to || t <= parseIsoDate(f.to)! + 86_399_999)
  );
}

/** Value counts, count desc then value asc. */
export function countValues(values: string[]): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

/**
 * Total and facets of an all-words search (no partial matches) as the contract defines them:
 * section, authors and date are disjunctive (they ignore their own filter), tags respect every
 * filter. `years` are the date facet at interval=year, chronological.
 */
export function bruteForceSearch(articles: readonly Article[], query: OracleQuery) {
  const { q, ...filters } = query;
  const matched = articles.filter((a) => !q || holdsEveryWord(a, q));
  const hits = matched.filter((a) => passesFilters(a, filters));
  const without = (omit: Partial<OracleQuery>) => matched.filter((a) => passesFilters(a, { ...filters, ...omit }));
  return {
    totalHits: hits.length,
    section: countValues(without({ section: [] }).map((a) => a.section)),
    tags: countValues(hits.flatMap((a) => a.tags)),
    authors: countValues(without({ author: [] }).flatMap((a) => a.authors)),
    years: countValues(without({ from: undefined, to: undefined }).map((a) => a.publishedAt.slice(0, 4))).sort(
      (a, b) => (a.value < b.value ? -1 : 1),
    ),
  };
}
