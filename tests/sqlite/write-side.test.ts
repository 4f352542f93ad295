import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article.schema.js';
import { ErrorCode } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { openSqliteEngine, openSqliteIndex } from '../../src/search/engines/sqlite/index.js';
import { holdWriteLock } from '../support/write-lock.js';

/** The embedded engine's write side behind the ArticleIndex port: a worker thread, calls in order, errors as rejections. */
const dir = mkdtempSync(join(tmpdir(), 'write-side-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newPath = () => join(dir, `index-${++files}.db`);

const article = (id: string, title: string): Article => ({
  id,
  title,
  body: `${title}.`,
  section: 'World',
  tags: [],
  authors: [],
  publishedAt: '2024-01-02T03:04:05Z',
  language: 'en',
});

describe('the SQLite write side', () => {
  it('when calls overlap (nobody waits for the previous one), then they apply in call order', async () => {
    const path = newPath();
    const index = await openSqliteIndex({ path, logger: silentLogger() });
    await Promise.all([
      index.begin(),
      index.upsert([article('a', 'First copy'), article('b', 'Bee')]),
      index.upsert([article('a', 'Second copy')]),
      index.delete(['b']),
      index.finish(),
    ]);
    expect(await index.count()).toBe(1);
    const ids: string[] = [];
    for await (const id of index.listIds()) ids.push(id);
    expect(ids).toEqual(['a']);
    await index.close();
    const engine = await openSqliteEngine({ path, logger: silentLogger() });
    expect((await engine.getArticle('a'))?.title).toBe('Second copy');
    await engine.close();
  });

  it('when it is closed, then later calls reject with an AppError instead of throwing', async () => {
    const index = await openSqliteIndex({ path: newPath(), logger: silentLogger() });
    await index.close();
    let thrown: unknown;
    const call = (() => {
      try {
        return index.upsert([article('a', 'Late')]);
      } catch (error) {
        thrown = error;
        return undefined;
      }
    })();
    expect(thrown).toBeUndefined();
    await expect(call).rejects.toMatchObject({ code: ErrorCode.engineUnavailable, status: 503 });
    await index.close(); // twice is fine
  });

  it('when the file is not a database, then opening rejects with engine_unavailable naming the file', async () => {
    const path = newPath();
    writeFileSync(path, 'this is not a database, just bytes '.repeat(200));
    await expect(openSqliteIndex({ path, logger: silentLogger() })).rejects.toMatchObject({
      code: ErrorCode.engineUnavailable,
      message: expect.stringContaining(path),
    });
  });

  it('when another process holds the write lock, then every waiting call gives up at its own deadline, queued ones included', async () => {
    const path = newPath();
    const index = await openSqliteIndex({ path, logger: silentLogger(), lockWaitMs: 400 });
    await index.begin();
    await index.upsert([article('a', 'Before the lock')]);
    const lock = await holdWriteLock(path);
    try {
      const started = performance.now();
      // Five writes sent at once: waiting one after the other would take 5 x 400 ms.
      const results = await Promise.allSettled(
        ['b', 'c', 'd', 'e', 'f'].map((id) => index.upsert([article(id, `Blocked ${id}`)])),
      );
      const elapsed = performance.now() - started;
      for (const result of results) {
        expect(result.status).toBe('rejected');
        expect((result as PromiseRejectedResult).reason).toMatchObject({ code: ErrorCode.indexBusy, status: 503 });
      }
      expect(elapsed).toBeLessThan(1_500);
    } finally {
      await lock.release();
    }
    await index.upsert([article('b', 'After the lock')]);
    expect(await index.count()).toBe(2);
    await index.close();
  });
});
