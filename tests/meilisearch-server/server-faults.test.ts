import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleInputSchema } from '../../src/articles/article.schema.js';
import { silentLogger } from '../../src/logger.js';
import { createMeilisearchEngine, createMeilisearchIndex } from '../../src/search/engines/meilisearch/index.js';
import { REPO, spawnTs, type Child } from '../faults/spawn-server.js';
import type { MeiliServer } from '../../bench/lib/meili-server.js';
import { createTestApp } from '../support/test-app.js';
import {
  documentCount,
  dropIndex,
  meiliEnv,
  meiliRest,
  ownServerSkipReason,
  realMeili,
  startOwnServer,
  storedIds,
  uniqueIndexUid,
  until,
  writeArticles,
} from './real-meili.js';

/**
 * What a real Meilisearch does that a stub cannot: a refused key, a server that goes away and
 * comes back, a restart in the middle of an indexing run, a payload limit. Tests that stop a
 * server start their own from MEILI_BIN.
 */
const shared = realMeili();
const ownSkip = ownServerSkipReason();
const CLI = join(REPO, 'indexer/cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'meili-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Resolves with the child's exit, or kills it and fails with what it printed (and `facts`)
 * when it has not ended within `ms`.
 */
async function exitedWithin(child: Child, ms: number, what: string, facts?: () => Promise<string>) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  const outcome = await Promise.race([child.exited, timeout]);
  clearTimeout(timer);
  if (outcome !== 'timeout') return outcome;
  child.process.kill('SIGKILL');
  const more = facts ? await facts().catch((error: unknown) => String(error)) : '';
  throw new Error(`${what} did not end within ${ms} ms\nstderr: ${child.stderr().slice(-3_000)}\n${more}`);
}

/** Vendor words a client must never see. */
const VENDOR_TEXT = /meili|invalid_api_key|api key|127\.0\.0\.1|localhost/i;

function appOn(server: { url: string; apiKey: string | undefined }, uid: string) {
  const engine = createMeilisearchEngine({
    url: server.url,
    apiKey: server.apiKey,
    indexUid: uid,
    logger: silentLogger(),
  });
  return createTestApp(engine);
}

async function seed(server: { url: string; apiKey: string | undefined }, uid: string, n: number): Promise<void> {
  const source = join(dir, `${uid}.ndjson`);
  writeArticles(source, n, uid);
  const child = spawnTs(CLI, [source], meiliEnv(server, uid));
  const { code } = await child.exited;
  expect(code, child.stderr()).toBe(0);
}

describe.skipIf(!shared)('a real Meilisearch that refuses the key', () => {
  it('when the API key is wrong, then reads answer 503 engine_unavailable within 2 s, without vendor text', async () => {
    const uid = uniqueIndexUid('wrongkey');
    try {
      await seed(shared!, uid, 20);
      const app = appOn({ url: shared!.url, apiKey: 'not-the-key-0123456789' }, uid);
      for (const path of ['/api/search?q=harbor', '/api/suggest?q=harb', '/api/facets/tags?q=har', '/ready']) {
        const started = performance.now();
        const res = await request(app).get(path);
        expect(performance.now() - started, path).toBeLessThan(2_000);
        expect(res.status, path).toBe(503);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.headers['retry-after']).toBe('2');
        expect(res.body.code).toBe('engine_unavailable');
        expect(res.text).not.toMatch(VENDOR_TEXT);
      }
    } finally {
      await dropIndex(shared!, uid);
    }
  }, 60_000);
});

describe.skipIf(Boolean(ownSkip))(ownSkip ?? 'a Meilisearch that stops and restarts', () => {
  let server: MeiliServer | undefined;
  afterAll(() => server?.stop());

  it('when the server goes down, then the API answers 503 within 2 s and /health stays up; when it is back, 200 again', async () => {
    server = await startOwnServer();
    const own = { url: server.url, apiKey: server.masterKey };
    await seed(own, 'articles', 50);
    const app = appOn(own, 'articles');
    await request(app).get('/api/search?q=harbor').expect(200);

    await server.kill();
    for (const path of ['/api/search?q=harbor', '/api/suggest?q=harb', '/api/articles/articles-1', '/ready']) {
      const started = performance.now();
      const res = await request(app).get(path);
      expect(performance.now() - started, path).toBeLessThan(2_000);
      expect(res.status, path).toBe(503);
      expect(res.body.code).toBe('engine_unavailable');
      expect(res.text).not.toMatch(VENDOR_TEXT);
    }
    await request(app).get('/health').expect(200);

    await server.restart();
    const back = await request(app).get('/api/search?q=harbor').expect(200);
    expect(back.body.totalHits).toBeGreaterThan(0);
    await request(app).get('/ready').expect(200);
  }, 120_000);

  it('when the server crashes in the middle of a run and restarts, then the run fails clearly (exit 1) and a re-run completes', async () => {
    server ??= await startOwnServer();
    const own = { url: server.url, apiKey: server.masterKey };
    const source = join(dir, 'restart.ndjson');
    const ids = writeArticles(source, 20_000, 'restart');
    const child = spawnTs(CLI, [source, '--batch-size', '500'], meiliEnv(own, 'restarted'));
    await until(async () => (await documentCount(own, 'restarted')) > 0, 60_000, 'the first batch');
    // Down until the run has noticed (a restart quicker than the indexer's next request goes
    // unnoticed, and the run then completes: Meilisearch keeps its task queue across restarts).
    await server.kill();
    const { code } = await exitedWithin(child, 30_000, 'the interrupted run');
    await server.restart();
    expect(code).toBe(1);
    expect(child.stderr()).toMatch(/unavailable|not reachable/i);
    expect(child.stderr()).not.toMatch(/\n\s+at /); // one clear line, no stack trace
    expect(child.stderr()).not.toContain(server.masterKey);

    const rerun = spawnTs(CLI, [source, '--batch-size', '5000'], meiliEnv(own, 'restarted'));
    const rerunExit = await exitedWithin(rerun, 150_000, 'the re-run', async () => {
      const { json } = await meiliRest(own, 'GET', '/tasks?limit=5');
      return `tasks: ${JSON.stringify(json)}\nserver log: ${server!.log().slice(-3_000)}`;
    });
    expect(rerunExit.code, rerun.stderr()).toBe(0);
    expect(await storedIds(own, 'restarted')).toEqual([...ids].sort());
  }, 240_000);
});

describe.skipIf(Boolean(ownSkip))(ownSkip ?? 'a Meilisearch with a small payload limit', () => {
  let server: MeiliServer | undefined;
  afterAll(() => server?.stop());

  it('when a batch is over the limit, then it is split; an article over it alone is reported with its line, the rest indexed', async () => {
    server = await startOwnServer(['--http-payload-size-limit', '1MiB']);
    const own = { url: server.url, apiKey: server.masterKey };
    // Two UTF-8 bytes per letter: under the schema's 1,000,000 characters, over the 1 MiB request limit.
    const body = (i: number, kb: number) => `Параграф ${i} о гавани. `.repeat(kb * 24);
    const lines = Array.from({ length: 12 }, (_, i) =>
      JSON.stringify({
        id: `long-${i}`,
        title: `Long report ${i}`,
        // About 200 KB each, so 12 of them (2.4 MB) never fit one request; the sixth alone is 1.4 MB.
        body: body(i, i === 5 ? 1_400 : 200),
        section: 'World',
        publishedAt: '2024-01-01T00:00:00Z',
      }),
    );
    const source = join(dir, 'long.ndjson');
    writeFileSync(source, `${lines.join('\n')}\n`);
    const child = spawnTs(CLI, [source], meiliEnv(own, 'long'));
    const { code } = await child.exited;
    expect(code, child.stderr()).toBe(2);
    expect(child.stderr()).toContain(`${source}:6: too large for the search engine`);
    expect(child.stdout()).toMatch(/indexed 11, invalid 1\b/);
    expect(await documentCount(own, 'long')).toBe(11);

    // The write side says the same through the port, so the admin API can report it too.
    const index = createMeilisearchIndex({ ...own, indexUid: 'long', logger: silentLogger() });
    await index.begin();
    await expect(index.upsert([ArticleInputSchema.parse(JSON.parse(lines[5]!))])).rejects.toMatchObject({
      name: 'ArticlesRejectedError',
      rejected: [{ id: 'long-5' }],
    });
  }, 180_000);
});
