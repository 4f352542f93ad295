import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Article } from '../../src/articles/article.schema.js';
import { silentLogger } from '../../src/logger.js';
import { openSqliteEngine, openSqliteIndex } from '../../src/search/engines/sqlite/index.js';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { loadSeedArticles } from './seed-articles.js';

/** A fresh embedded index in a temp folder holding `articles`, and its engine. */
export async function createSqliteEngine(
  articles: readonly Article[],
): Promise<{ engine: SearchEngine; path: string; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'article-search-'));
  const path = join(dir, 'articles.db');
  const logger = silentLogger();
  const index = await openSqliteIndex({ path, logger });
  await index.begin();
  await index.upsert(articles);
  await index.finish();
  await index.close();
  const engine = await openSqliteEngine({ path, logger });
  return {
    engine,
    path,
    async cleanup() {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh index of the seed articles for the enclosing describe (or file): created before its
 * tests, handed to `ready`, deleted after them.
 */
export function withSeedEngine(ready: (created: { engine: SearchEngine; path: string }) => void): void {
  let cleanup = async () => {};
  beforeAll(async () => {
    const created = await createSqliteEngine(loadSeedArticles());
    cleanup = created.cleanup;
    ready(created);
  });
  afterAll(() => cleanup());
}
