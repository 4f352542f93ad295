import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article.schema.js';
import { parseIsoDate } from '../../src/articles/dates.js';
import { SearchParamsSchema } from '../../src/search/search.schema.js';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { allowedTypos, typoDistance } from '../../src/text/edit-distance.js';
import { foldCase, tokenize } from '../../src/text/normalize.js';
import { loadSeedArticles } from '../support/seed-articles.js';
import { createSqliteEngine } from '../support/sqlite-engine.js';

type Params = Record<string, string>;

/** The contract's matching, written the slow obvious way: every word, within its typo budget. */
function holdsEveryWord(article: Article, q: string): boolean {
  const tokens = new Set(tokenize(`${article.title} ${article.summary ?? ''} ${article.body}`));
  return tokenize(q).every((w) =>
    [...tokens].some((t) => typoDistance(w, t, allowedTypos(w.length)) <= allowedTypos(w.length)),
  );
}

function passes(article: Article, p: Params, omit?: 'section' | 'authors' | 'date'): boolean {
  const list = (v?: string) => (v ? v.split(',').map(foldCase) : []);
  const sections = list(p.section);
  const tags = list(p.tag);
  const authors = list(p.author);
  const t = parseIsoDate(article.publishedAt)!;
  return (
    (omit === 'section' || sections.length === 0 || sections.includes(foldCase(article.section))) &&
    tags.every((tag) => article.tags.map(foldCase).includes(tag)) &&
    (omit === 'authors' || authors.length === 0 || article.authors.some((a) => authors.includes(foldCase(a)))) &&
    (omit === 'date' || ((!p.from || t >= parseIsoDate(p.from)!) && (!p.to || t <= parseIsoDate(p.to)! + 86_399_999)))
  );
}

function count(values: string[]): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([value, n]) => ({ value, count: n }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

function bruteForce(articles: Article[], p: Params) {
  const matched = articles.filter((a) => !p.q || holdsEveryWord(a, p.q));
  const hits = matched.filter((a) => passes(a, p));
  return {
    totalHits: hits.length,
    section: count(matched.filter((a) => passes(a, p, 'section')).map((a) => a.section)),
    tags: count(hits.flatMap((a) => a.tags)),
    authors: count(matched.filter((a) => passes(a, p, 'authors')).flatMap((a) => a.authors)),
    years: count(matched.filter((a) => passes(a, p, 'date')).map((a) => a.publishedAt.slice(0, 4))),
  };
}

const CASES: Params[] = [
  {},
  { section: 'Technology' },
  { section: 'technology,POLITICS' },
  { tag: 'korea' },
  { tag: 'korea,north-korea' },
  { author: 'Kwon Tae-min' },
  { from: '2023-01-01', to: '2023-12-31' },
  { section: 'Economy', from: '2024-01-01' },
  { q: 'government ' },
  { q: 'government ', section: 'Politics,Economy', from: '2022-06-01', to: '2025-06-30' },
  { q: 'korea ', tag: 'north-korea' },
  { q: 'goverment ', author: 'Kwon Tae-min' },
  { q: 'climate ', to: '2023-06-15' },
];

describe('embedded engine facet counts', () => {
  let articles: Article[];
  let engine: SearchEngine;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    articles = loadSeedArticles();
    ({ engine, cleanup } = await createSqliteEngine(articles));
  });
  afterAll(() => cleanup());

  it.each(CASES)(
    'when searching %o, then totals and every facet equal a brute-force count over the corpus',
    async (p) => {
      const query = SearchParamsSchema.parse({
        ...p,
        facets: 'section,tags,authors,date',
        facetLimit: '100',
        dateInterval: 'year',
      });
      const result = await engine.search(query);
      const expected = bruteForce(articles, p);
      expect(expected.totalHits).toBeGreaterThan(0);
      expect(result.totalHits).toBe(expected.totalHits);
      expect(result.facets.section).toEqual(expected.section);
      expect(result.facets.tags).toEqual(expected.tags.slice(0, 100));
      expect(result.facets.authors).toEqual(expected.authors.slice(0, 100));
      expect(result.facets.date?.map((b) => ({ value: b.value, count: b.count }))).toEqual(
        expected.years.sort((a, b) => (a.value < b.value ? -1 : 1)),
      );
    },
  );
});
