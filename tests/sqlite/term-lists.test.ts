import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { loadColumnStore, readCacheState } from '../../src/search/engines/sqlite/column-loader.js';
import { parseFtsExpression, type FtsNode } from '../../src/search/engines/sqlite/fts-expression.js';
import { FtsReader } from '../../src/search/engines/sqlite/fts-reader.js';
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
  let plainPath: string;
  let cleanup = async () => {};
  let cleanupListed = async () => {};
  let frequent: string[] = [];
  let listedWords = 0;

  beforeAll(async () => {
    // Two indexes of the same articles (same doc numbers): lists are saved in the second only.
    ({ engine: plain, cleanup, path: plainPath } = await createSqliteEngine(loadSeedArticles()));
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

  it('when issue 13 shapes run (stem-form exclusions, synonyms and acronyms as phrase alternatives, split words, names; every matching strategy), then every expression the engine writes parses, and lists answer it exactly as FTS5 does', async () => {
    const written = new Set<string>();
    const original = FtsReader.prototype.docs;
    const spy = vi.spyOn(FtsReader.prototype, 'docs').mockImplementation(function (this: FtsReader, expression) {
      written.add(expression);
      return original.call(this, expression);
    });
    const queries = [
      'korea -missiles ',
      'north korea -missile -"united states" ',
      'u.s. officials ',
      'united states government ',
      'US ',
      'n. korea ',
      'e-sports ',
      'northkorea ',
      'okafor ',
      'daniel okafor harbour',
      'kwon tae-min ',
      'kim jong un',
      'said -said ',
      '-said ',
    ];
    try {
      for (const q of queries)
        for (const matchingStrategy of [undefined, 'all', 'last', 'frequency']) {
          const params = SearchParamsSchema.parse({ q, ...(matchingStrategy && { matchingStrategy }) });
          expect(await listed.search(params), `${q} ${matchingStrategy}`).toEqual(await plain.search(params));
        }
    } finally {
      spy.mockRestore();
    }
    const withLists = new Database(path, { readonly: true });
    const withoutLists = new Database(plainPath, { readonly: true });
    const listedReader = new FtsReader(withLists);
    listedReader.forget(readCacheState(withLists));
    const plainReader = new FtsReader(withoutLists);
    const saved = new Set(
      withLists.prepare("SELECT term FROM term_docs WHERE scope = 'body'").pluck().all() as string[],
    );
    const namesSaved = (node: FtsNode): boolean =>
      node.kind === 'word' ? saved.has(node.word) : node.kind === 'op' && node.children.some(namesSaved);
    let combined = 0;
    for (const expression of written) {
      const tree = parseFtsExpression(expression);
      expect(tree, expression).toBeDefined();
      if (tree?.kind === 'op' && namesSaved(tree)) combined++;
      expect(Array.from(listedReader.docs(expression)), expression).toEqual(Array.from(plainReader.docs(expression)));
    }
    withLists.close();
    withoutLists.close();
    // Exclusion groups, synonyms and phrases were among them, and many were combined from saved lists.
    expect([...written].some((e) => / NOT \(/.test(e))).toBe(true);
    expect([...written].some((e) => e.includes('"united states"'))).toBe(true);
    expect(combined).toBeGreaterThan(10);
  });
});
