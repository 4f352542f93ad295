import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { createMeilisearchEngine } from '../../src/search/engines/meilisearch/index.js';
import { REPO, spawnTs } from '../faults/spawn-server.js';
import { createTestApp } from '../support/test-app.js';
import {
  documentCount,
  dropIndex,
  indexesStartingWith,
  meiliEnv,
  realMeili,
  storedIds,
  uniqueIndexUid,
  until,
  writeArticles,
} from './real-meili.js';

/**
 * The indexer CLI against a real Meilisearch: a rebuild swapped in while searches run, `--sync`
 * deletions, and a run killed with SIGKILL then run again. Skipped (the global setup says why)
 * without MEILI_BIN or MEILI_URL.
 */
const server = realMeili();
const CLI = join(REPO, 'indexer/cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'meili-runs-'));
const uids: string[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (server) for (const uid of uids) await dropIndex(server, uid);
});

function newIndex(prefix: string): string {
  const uid = uniqueIndexUid(prefix);
  uids.push(uid);
  return uid;
}

/** Runs the indexer CLI to its end. */
async function index(uid: string, args: string[]) {
  const child = spawnTs(CLI, args, meiliEnv(server!, uid));
  const { code } = await child.exited;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}

describe.skipIf(!server)('the indexer on a real Meilisearch', () => {
  it('when --rebuild runs while searches run, then every search sees the old or the new index whole, never a mix', async () => {
    const uid = newIndex('rebuild');
    const before = join(dir, 'before.ndjson');
    const after = join(dir, 'after.ndjson');
    writeArticles(before, 300, 'old');
    const newIds = writeArticles(after, 700, 'new');
    expect((await index(uid, [before])).code).toBe(0);

    const engine = createMeilisearchEngine({
      url: server!.url,
      apiKey: server!.apiKey,
      indexUid: uid,
      logger: silentLogger(),
      timeoutMs: 10_000,
    });
    const app = createTestApp(engine);
    const totals: number[] = [];
    const statuses: number[] = [];
    let running = true;
    const searching = (async () => {
      while (running) {
        const res = await request(app).get('/api/search').query({ pageSize: '1', facets: 'section' });
        statuses.push(res.status);
        if (res.status === 200) totals.push(res.body.totalHits as number);
      }
    })();
    const rebuilt = await index(uid, [after, '--rebuild']);
    running = false;
    await searching;

    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(statuses.length).toBeGreaterThan(5);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect([...new Set(totals)].every((total) => total === 300 || total === 700)).toBe(true);
    expect(totals[0]).toBe(300);
    expect(totals.at(-1)).toBe(700);
    expect(await storedIds(server!, uid)).toEqual([...newIds].sort());
    // The temporary index of the rebuild is gone; the vocabulary was swapped with it.
    expect(await indexesStartingWith(server!, `${uid}_rebuild`)).toEqual([]);
    const suggest = await request(app).get('/api/suggest').query({ q: 'harbor story ne' }).expect(200);
    expect(suggest.body.suggestions.map((s: { text: string }) => s.text)).toContain('harbor story new');
  }, 120_000);

  it('when --sync runs on fewer sources, then the articles no source holds are deleted, vocabulary included', async () => {
    const uid = newIndex('sync');
    const kept = join(dir, 'kept.ndjson');
    const dropped = join(dir, 'dropped.ndjson');
    const keptIds = writeArticles(kept, 120, 'kept');
    writeArticles(dropped, 80, 'gone');
    expect((await index(uid, [kept, dropped])).code).toBe(0);
    expect(await documentCount(server!, uid)).toBe(200);

    const synced = await index(uid, [kept, '--sync']);
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stdout).toMatch(/deleted 80\b/);
    expect(await storedIds(server!, uid)).toEqual([...keptIds].sort());
    const engine = createMeilisearchEngine({
      url: server!.url,
      apiKey: server!.apiKey,
      indexUid: uid,
      logger: silentLogger(),
    });
    const suggest = await request(createTestApp(engine)).get('/api/suggest').query({ q: 'harbor story go' });
    expect(suggest.body.suggestions.map((s: { text: string }) => s.text)).not.toContain('harbor story gone');
  }, 120_000);

  it('when the indexer is SIGKILLed mid-run and run again, then the index holds exactly the source ids, none twice', async () => {
    const uid = newIndex('kill');
    const source = join(dir, 'kill.ndjson');
    const ids = writeArticles(source, 20_000, 'kill');
    const child = spawnTs(CLI, [source, '--batch-size', '1000'], meiliEnv(server!, uid));
    // Killed once the first batches are stored, before the last one is.
    await until(async () => (await documentCount(server!, uid)) > 0, 60_000, 'the first batch');
    child.process.kill('SIGKILL');
    const killed = await child.exited;
    expect(killed.signal).toBe('SIGKILL');
    // Tasks already enqueued still run: wait for the server to be idle before counting.
    await until(
      async () => {
        const res = await fetch(new URL('/tasks?statuses=enqueued,processing&limit=1', server!.url), {
          headers: server!.apiKey ? { Authorization: `Bearer ${server!.apiKey}` } : {},
        });
        return ((await res.json()) as { results: unknown[] }).results.length === 0;
      },
      60_000,
      'the queue to drain',
    );
    expect(await documentCount(server!, uid)).toBeLessThan(ids.length);

    const rerun = await index(uid, [source, '--batch-size', '1000']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(await documentCount(server!, uid)).toBe(ids.length);
    expect(await storedIds(server!, uid)).toEqual([...ids].sort());
  }, 180_000);
});
