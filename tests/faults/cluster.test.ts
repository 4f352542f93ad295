import { mkdtempSync, rmSync } from 'node:fs';
import { type Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Child } from './spawn-server.js';

const dir = mkdtempSync(join(tmpdir(), 'cluster-'));
const KEY = 'cluster-test-admin-key-0123';
const LIMIT = 40;
let child: Child;
let port: number;

/** A GET on its own connection (so that consecutive requests may land on different workers). */
function get(path: string, agent: Agent | false = false): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Pids of the workers, from their "worker listening" lines. */
const workerPids = () =>
  child
    .stdout()
    .split('\n')
    .filter((line) => line.includes('"msg":"worker listening"'))
    .map((line) => (JSON.parse(line) as { pid: number }).pid);

beforeAll(async () => {
  ({ child, port } = await startServer({
    SQLITE_PATH: join(dir, 'cluster.db'),
    ADMIN_API_KEY: KEY,
    WORKERS: '2',
    RATE_LIMIT_PER_MINUTE: String(LIMIT),
    LOG_LEVEL: 'debug',
    SEED_ON_EMPTY: 'false',
  }));
}, 120_000);

afterAll(async () => {
  child.process.kill('SIGTERM');
  await child.exited;
  rmSync(dir, { recursive: true, force: true });
});

describe('WORKERS=2 (node:cluster)', () => {
  it('when the service starts, then two workers listen on the one port and the primary announces them once', () => {
    expect(new Set(workerPids()).size).toBe(2);
    expect(child.stdout().match(/"msg":"listening"/g)).toHaveLength(1);
  });

  it('when an article is written through one connection, then searches on fresh connections find it whichever worker answers', async () => {
    const body = JSON.stringify({
      id: 'c1',
      title: 'Quokka census',
      body: 'quokka',
      section: 'Nature',
      publishedAt: '2024-05-01',
    });
    const written = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/articles',
          method: 'POST',
          agent: false,
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${KEY}` },
        },
        (res) => (res.resume(), resolve(res.statusCode ?? 0)),
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(written).toBe(200);
    for (let i = 0; i < 6; i++) {
      const answer = await get('/api/search?q=quokka&facets=');
      expect(JSON.parse(answer.body)).toMatchObject({ totalHits: 1 });
    }
  });

  it('when one client sends more than RATE_LIMIT_PER_MINUTE requests over several connections, then the limit holds for the service, not per worker', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 5; i++) statuses.push((await get('/api/suggest?q=qu')).status);
    const ok = statuses.filter((s) => s === 200).length;
    // Requests of the earlier tests count too: never more than LIMIT succeed in the minute.
    expect(ok).toBeLessThanOrEqual(LIMIT);
    expect(statuses.at(-1)).toBe(429);
  });

  it('when /metrics is scraped, then it counts the requests of every worker together', async () => {
    const text = (await get('/metrics')).body;
    const searches =
      /article_search_http_request_duration_seconds_count\{method="GET",route="\/api\/search",status="200"\} (\d+)/.exec(
        text,
      );
    expect(Number(searches?.[1])).toBeGreaterThanOrEqual(6);
    expect(text).toMatch(/^article_search_articles 1$/m);
  });

  it('when a worker dies, then the primary starts another and the service keeps answering', async () => {
    const [victim] = workerPids();
    process.kill(victim!, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && new Set(workerPids()).size < 3) await new Promise((r) => setTimeout(r, 200));
    expect(new Set(workerPids()).size).toBe(3);
    expect(child.stdout()).toMatch(/"msg":"worker exited: starting another"/);
    for (let i = 0; i < 4; i++) expect((await get('/health')).status).toBe(200);
  }, 90_000);
});
