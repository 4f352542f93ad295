import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { openSqliteEngine, openSqliteIndex } from '../../src/search/engines/sqlite/index.js';
import { REPO, spawnTs } from './spawn-server.js';

const CLI = join(REPO, 'indexer/cli.ts');
const ARTICLES = 20_000;
const dir = mkdtempSync(join(tmpdir(), 'indexer-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An NDJSON source big enough that a run takes a few seconds. */
function writeSource(path: string): string[] {
  const ids = Array.from({ length: ARTICLES }, (_, i) => `kill-${i}`);
  const words = ['harbor', 'council', 'budget', 'satellite', 'festival', 'election', 'reservoir', 'vaccine'];
  const lines = ids.map((id, i) =>
    JSON.stringify({
      id,
      title: `${words[i % 8]} story number ${i}`,
      body: `${words[(i * 3) % 8]} ${words[(i * 5) % 8]} report ${i}. `.repeat(20),
      section: ['World', 'Politics', 'Science'][i % 3],
      tags: [words[i % 8]],
      publishedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
    }),
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
  return ids;
}

/** Stored ids, in listing order (a duplicate would show up twice). */
async function storedIds(dbPath: string): Promise<string[]> {
  const index = await openSqliteIndex({ path: dbPath, logger: silentLogger() });
  try {
    const ids: string[] = [];
    for await (const id of index.listIds()) ids.push(id);
    return ids;
  } finally {
    await index.close();
  }
}

async function count(dbPath: string): Promise<number> {
  if (!existsSync(dbPath)) return 0;
  const index = await openSqliteIndex({ path: dbPath, logger: silentLogger() });
  try {
    return await index.count();
  } finally {
    await index.close();
  }
}

describe.skipIf(!existsSync(CLI))('indexer killed mid-run', () => {
  if (!existsSync(CLI)) console.warn('skipped: indexer/cli.ts is not there yet');

  it('when the indexer is SIGKILLed mid-run and run again, then the index holds exactly the source articles, none twice', async () => {
    const source = join(dir, 'articles.ndjson');
    const dbPath = join(dir, 'articles.db');
    const ids = writeSource(source);
    const env = { SEARCH_ENGINE: 'sqlite', SQLITE_PATH: dbPath, LOG_LEVEL: 'warn' };

    const first = spawnTs('indexer/cli.ts', [source, '--batch-size', '500'], env);
    let seen = 0;
    while (first.process.exitCode === null && seen === 0) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      seen = await count(dbPath).catch(() => 0);
    }
    first.process.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const partial = await count(dbPath);
    expect(partial, 'the kill must land mid-run for this test to mean anything').toBeLessThan(ARTICLES);

    const second = spawnTs('indexer/cli.ts', [source, '--batch-size', '500'], env);
    expect((await second.exited).code, second.stderr()).toBe(0);

    const stored = await storedIds(dbPath);
    expect(stored).toHaveLength(ARTICLES);
    expect(new Set(stored).size).toBe(ARTICLES);
    expect([...stored].sort()).toEqual([...ids].sort());

    const engine = await openSqliteEngine({ path: dbPath, logger: silentLogger() });
    try {
      expect(await engine.ready()).toEqual({ articleCount: ARTICLES });
      const result = await engine.search({
        q: 'story number 19999',
        filters: { sections: [], tags: [], authors: [] },
        sort: 'relevance',
        page: 1,
        pageSize: 5,
        facets: [],
        facetLimit: 10,
        dateInterval: 'auto',
        highlight: false,
      });
      expect(result.hits.map((h) => h.id)).toContain('kill-19999');
    } finally {
      await engine.close();
    }
  }, 240_000);
});
