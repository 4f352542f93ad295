/**
 * Issue 16: where the HTTP cost of a search goes. Sends the bench's search mix one request at a
 * time over one kept-alive connection to (a) the real server (WORKERS=1, the whole middleware
 * chain, ETag, logging at warn) and (b) a bare node:http server in this file that parses the same
 * query with the same zod schema, calls the same engine and writes `JSON.stringify` of the result;
 * both report the engine's time in `Server-Timing`. The cost of a request is its latency minus
 * that engine time; prints the medians, alternating (a) and (b) for `--rounds` rounds.
 *
 *   npx tsx bench/experiments/http-cost.ts <index.db> <corpus.stats.json> [--rounds 2]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { silentLogger } from '../../src/logger.js';
import { openSqliteEngine } from '../../src/search/engines/sqlite/index.js';
import { SearchParamsSchema } from '../../src/search/search.schema.js';
import type { CorpusStats } from '../corpus/corpus-stats.js';
import { REPO_ROOT, TSX_NODE_ARGS } from '../lib/proc.js';
import { timedGet } from '../probes/api-server.js';
import { buildQueryMix, toSearchPath } from '../queries/query-mix.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string' }, bare: { type: 'string' } },
});
const [db, statsPath] = positionals;
if (!db || !statsPath) throw new Error('usage: http-cost.ts <index.db> <corpus.stats.json> [--rounds 2]');

if (values.bare) {
  // (b): the bare server, in a child process of its own like (a).
  const engine = await openSqliteEngine({ path: db, logger: silentLogger() });
  createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/search') return void res.end('{"status":"ok"}');
    const query = SearchParamsSchema.parse(Object.fromEntries(url.searchParams));
    const started = performance.now();
    void engine.search(query).then((result) => {
      res.setHeader('Server-Timing', `engine;dur=${(performance.now() - started).toFixed(2)}`);
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ q: query.q, ...result }));
    });
  }).listen(Number(values.bare), '127.0.0.1');
} else {
  const stats = JSON.parse(readFileSync(statsPath, 'utf8')) as CorpusStats;
  const mix = buildQueryMix(stats, { seed: 42, perType: 100, warmup: 3 });
  const env = {
    ...process.env,
    SQLITE_PATH: db,
    HOST: '127.0.0.1',
    SEED_ON_EMPTY: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    WORKERS: '1',
  };
  const start = (bare: boolean, port: number): ChildProcess =>
    spawn(
      process.execPath,
      bare
        ? [...TSX_NODE_ARGS, 'bench/experiments/http-cost.ts', db, statsPath, '--bare', String(port)]
        : [...TSX_NODE_ARGS, 'src/server.ts'],
      { cwd: REPO_ROOT, env: { ...env, PORT: String(port) }, stdio: 'inherit' },
    );
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const cost = { app: [] as number[], bare: [] as number[] };
  for (let round = 0; round < Number(values.rounds ?? 2); round++) {
    for (const bare of [false, true]) {
      const port = 40_000 + Math.floor(Math.random() * 2_000);
      const child = start(bare, port);
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      while (!(await timedGet(agent, port, '/health').catch(() => undefined)))
        await new Promise((r) => setTimeout(r, 200));
      for (const q of mix.warmup) await timedGet(agent, port, toSearchPath(q.params));
      for (const q of mix.measured) {
        const answer = await timedGet(agent, port, toSearchPath(q.params));
        if (answer.engineMs !== undefined) (bare ? cost.bare : cost.app).push(answer.ms - answer.engineMs);
      }
      agent.destroy();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }
  console.log(
    `HTTP cost p50 (latency - engine time, same request): app ${median(cost.app).toFixed(2)} ms, bare node:http + zod + JSON.stringify ${median(cost.bare).toFixed(2)} ms (${cost.app.length} searches each)`,
  );
}
