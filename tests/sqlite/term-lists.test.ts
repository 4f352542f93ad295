import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { loadColumnStore, readCacheState } from '../../src/search/engines/sqlite/column-loader.js';
import { openSqliteEngine } from '../../src/search/engines/sqlite/index.js';
import { saveTermLists } from '../../src/search/engines/sqlite/term-lists.js';
import { SearchParamsSchema } from '../../src/search/search.schema.js';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { SuggestParamsSchema } from '../../src/search/suggest/suggest.schema.js';
import { loadSeedArticles } from '../support/seed-articles.js';
import { createSqliteEngine } from '../support/sqlite-engine.js';

/**
 * Saved lists must change speed only: an engine that reads frequent words from them answers
 * every query exactly as one that asks FTS5 for everything.
 */
describe('saved match lists of frequent words', () => {
  let plain: SearchEngine;
  let listed: SearchEngine;
  let path: string;
  let cleanup = async () => {};
  let cleanupListed = async () => {};
  let frequent: string[] = [];
  let listedWords = 0;

  beforeAll(async () => {
    // Two indexes of the same articles (same doc numbers): lists are saved in the second only.
    ({ engine: plain, cleanup } = await createSqliteEngine(loadSeedArticles()));
    const second = await createSqliteEngine(loadSeedArticles());
    await second.engine.close();
    ({ path } = second);
    cleanupListed = second.cleanup;
    const db = new Database(path);
    // Far below the production threshold, so that the seed's frequent words get lists.
    saveTermLists(db, readCacheState(db), { minDocs: 4, facetsMinDocs: 4, store: loadColumnStore(db) });
    listedWords = db.prepare("SELECT count(*) FROM term_docs WHERE scope = 'body'").pluck().get() as number;
    frequent = db
      .prepare('SELECT term FROM vocab WHERE length(term) > 3 ORDER BY docs DESC LIMIT 12')
      .pluck()
      .all() as string[];
    db.close();
    listed = await openSqliteEngine({ path, logger: silentLogger() });
  });
  afterAll(async () => {
    await listed.close();
    await cleanupListed();
    await cleanup();
  });

  it('when searches of every shape run with and without the lists (and the saved facet counts), then the answers are identical', async () => {
    expect(listedWords).toBeGreaterThan(20);
    const [a, b, c, d] = frequent as [string, string, string, string];
    const queries = [
      `${a} `,
      `${a} ${b} `,
      `${a} ${c.slice(0, 3)}`,
      `${b.slice(0, 2)}`,
      `${a} -${b} `,
      `"${a} ${b}" `,
      `${c.slice(0, 1)}x${c.slice(2)} `,
      `${a} ${b} ${c} ${d} zzzunknown `,
      `${d} ${a}`,
    ];
    for (const q of queries) {
      const shapes = [
        {},
        { sort: 'newest', facets: 'section,tags,authors,date', facetLimit: '100' },
        { section: 'World' },
      ];
      for (const extra of [...shapes, { facets: 'date', dateInterval: 'day' }]) {
        const params = SearchParamsSchema.parse({ q, ...extra });
        expect(await listed.search(params), q).toEqual(await plain.search(params));
      }
    }
  });

  it('when suggestions and related articles are asked, then they are identical too', async () => {
    for (const prefix of frequent.slice(0, 6).map((w) => w.slice(0, 3))) {
      const query = SuggestParamsSchema.parse({ q: prefix });
      expect(await listed.suggest(query), prefix).toEqual(await plain.suggest(query));
    }
  });
});
