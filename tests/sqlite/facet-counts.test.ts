import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article.schema.js';
import { SearchParamsSchema } from '../../src/search/search.schema.js';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { bruteForceSearch, type OracleQuery } from '../support/brute-force.js';
import { loadSeedArticles } from '../support/seed-articles.js';
import { createSqliteEngine } from '../support/sqlite-engine.js';

type Params = Record<string, string>;

/** The test's comma-separated parameters as the oracle takes them. */
function toOracleQuery(p: Params): OracleQuery {
  const list = (v?: string) => (v ? v.split(',') : undefined);
  return { q: p.q, section: list(p.section), tag: list(p.tag), author: list(p.author), from: p.from, to: p.to };
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
      const expected = bruteForceSearch(articles, toOracleQuery(p));
      expect(expected.totalHits).toBeGreaterThan(0);
      expect(result.totalHits).toBe(expected.totalHits);
      expect(result.facets.section).toEqual(expected.section);
      expect(result.facets.tags).toEqual(expected.tags.slice(0, 100));
      expect(result.facets.authors).toEqual(expected.authors.slice(0, 100));
      expect(result.facets.date?.map((b) => ({ value: b.value, count: b.count }))).toEqual(expected.years);
    },
  );
});
