import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleInputSchema } from '../../src/articles/article.schema.js';
import { silentLogger } from '../../src/logger.js';
import { openSqliteIndex } from '../../src/search/engines/sqlite/index.js';
import { SearchParamsSchema } from '../../src/search/search.schema.js';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { loadSeedArticles } from '../support/seed-articles.js';
import { createSqliteEngine } from '../support/sqlite-engine.js';

/**
 * The engine remembers match lists of recent searches; a write by another connection (the
 * indexer, while the API serves) must show in the very next search, counts and facets alike.
 */
describe('sqlite engine after the index changed underneath it', () => {
  let engine: SearchEngine;
  let path: string;
  let cleanup = async () => {};
  const total = async (q: string) =>
    (await engine.search(SearchParamsSchema.parse({ q, facets: 'section' }))).totalHits;
  const write = async (fn: (index: Awaited<ReturnType<typeof openSqliteIndex>>) => Promise<unknown>) => {
    const index = await openSqliteIndex({ path, logger: silentLogger() });
    await index.begin();
    await fn(index);
    await index.finish();
    await index.close();
  };
  const lighthouse = ArticleInputSchema.parse({
    id: 'cache-lighthouse',
    title: 'Lighthouse keepers strike',
    body: 'The seed corpus also talks about the government.',
    section: 'Business',
    publishedAt: '2025-01-02T03:04:05Z',
  });

  beforeAll(async () => {
    ({ engine, path, cleanup } = await createSqliteEngine(loadSeedArticles()));
  });
  afterAll(() => cleanup());

  it('when an article is added, updated and deleted by the indexer, then each search sees it at once', async () => {
    const before = await total('government ');
    expect(before).toBeGreaterThan(0);
    await total('government '); // asked twice: remembered now

    await write((index) => index.upsert([lighthouse]));
    expect(await total('government ')).toBe(before + 1);
    expect(await total('lighthouse ')).toBe(1);

    await write((index) => index.upsert([{ ...lighthouse, body: 'Nothing about that word now.' }]));
    expect(await total('government ')).toBe(before);
    expect(await total('lighthouse ')).toBe(1);

    await write((index) => index.delete(['cache-lighthouse']));
    expect(await total('lighthouse ')).toBe(0);
  });
});
