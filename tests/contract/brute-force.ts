import type { Article } from '../../src/articles/article.schema.js';
import { parseIsoDate } from '../../src/articles/dates.js';
import { allowedTypos, typoDistance } from '../../src/text/edit-distance.js';
import { stemmer } from 'stemmer';
import { foldCase, tokenize } from '../../src/text/normalize.js';

/** The contract's matching, the slow obvious way: each word held exactly or within its typo budget. */
export function holdsWord(article: Article, word: string): boolean {
  const budget = allowedTypos(word.length);
  return tokenize(`${article.title} ${article.summary ?? ''} ${article.body}`).some(
    (t) => typoDistance(word, t, budget) <= budget,
  );
}

/** Filters as the API defines them: section OR, tags AND, authors OR, dates inclusive. */
export function passesFilters(
  article: Article,
  f: { section?: string[]; tag?: string[]; author?: string[]; from?: string; to?: string },
): boolean {
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

/** Partial matches may also hold a word through its English stem ("festivals", "festive" for "festival"). */
export function holdsWordOrStem(article: Article, word: string): boolean {
  const stem = stemmer(word);
  return (
    holdsWord(article, word) ||
    tokenize(`${article.title} ${article.summary ?? ''} ${article.body}`).some((t) => stemmer(t) === stem)
  );
}
