import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ADMIN_LIMITS } from '../../src/http/routes/admin-articles.schema.js';
import { silentLogger } from '../../src/logger.js';
import { withDeferredFinish } from '../../src/search/deferred-finish.js';
import { openArticleIndex } from '../../src/search/engines/create-engine.js';
import type { ArticleIndex } from '../../src/search/search-engine.js';
import { loadSeedArticles } from '../support/seed-articles.js';
import { createSqliteEngine } from '../support/sqlite-engine.js';
import { holdWriteLock } from '../support/write-lock.js';

/**
 * The write side never blocks reads: while another process holds the embedded engine's write
 * lock (the indexer in the middle of a batch or a rebuild), an admin write answers within 2 s
 * and the server keeps answering meanwhile. The app is wired as server.ts wires it.
 */
const KEY = 'admin-key-for-tests-0123456789';
let base: string;
let server: Server;
let index: ArticleIndex;
let path: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const created = await createSqliteEngine(loadSeedArticles());
  path = created.path;
  cleanup = created.cleanup;
  const config = loadConfig({
    SEED_ON_EMPTY: 'false',
    RATE_LIMIT_PER_MINUTE: '0',
    ADMIN_API_KEY: KEY,
    SQLITE_PATH: path,
  });
  index = withDeferredFinish(await openArticleIndex(config, silentLogger(), { lockWaitMs: ADMIN_LIMITS.lockWaitMs }), {
    onError: (error) => {
      throw error;
    },
  });
  server = createApp({ engine: created.engine, index, config, logger: silentLogger() }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.close();
  await index?.close();
  await cleanup?.();
});

const article = {
  id: 'lock-test-1',
  title: 'The quillback ledger',
  body: 'A word found nowhere else: quillback.',
  section: 'Science',
  publishedAt: '2024-06-01T08:00:00Z',
};
const post = () =>
  fetch(`${base}/api/articles`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(article),
  });

/** Times GET /health every 20 ms until `until` settles; returns each answer's duration. */
async function probeHealth(until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const durations: number[] = [];
  while (!done) {
    const started = performance.now();
    const res = await fetch(`${base}/health`);
    await res.arrayBuffer();
    durations.push(performance.now() - started);
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return durations;
}

describe('when another process holds the write lock', () => {
  it('then an admin write answers 503 index_busy with Retry-After within 2 s, /health keeps answering under 100 ms, and the write succeeds once the lock is released', async () => {
    const lock = await holdWriteLock(path);
    try {
      const started = performance.now();
      const answer = post();
      const health = await probeHealth(answer);
      const res = await answer;
      const elapsed = performance.now() - started;

      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      const body = (await res.json()) as { code: string };
      expect(body.code).toBe('index_busy');
      expect(JSON.stringify(body)).not.toMatch(/sqlite|locked/i);
      expect(elapsed).toBeLessThan(2_000);
      // The write waited about a second; the probe ran all along, never stalled.
      expect(health.length).toBeGreaterThanOrEqual(3);
      expect(Math.max(...health)).toBeLessThan(100);

      await lock.release();
      const retried = await post();
      expect(retried.status).toBe(200);
      expect(await retried.json()).toEqual({ indexed: 1, invalid: [] });
      const search = (await (await fetch(`${base}/api/search?q=quillback%20`)).json()) as { hits: { id: string }[] };
      expect(search.hits.map((hit) => hit.id)).toEqual(['lock-test-1']);
    } finally {
      await lock.release();
    }
  });
});
