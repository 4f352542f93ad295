/**
 * Soak test: the API under steady mixed load on loopback, bounded in time.
 *
 *   npx tsx scripts/soak.ts [--db PATH|seed] [--duration 60] [--connections 32] [--warmup 20]
 *
 * Starts `src/server.ts` on 127.0.0.1 over a copy of the database (SQLITE_PATH, else the
 * 100k benchmark corpus when present, else a fresh index of seed/), warms it up (its 1,000-request
 * mix once, then --warmup seconds more), then runs autocannon over the same mix while sampling RSS from
 * /proc (the primary and its HTTP workers together, WORKERS defaulting to the number of cores).
 * Passes (exit 0) with zero errors and non-2xx answers and RSS growth under 20 % from the end of
 * the warm-up to the end of the run.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readProcessTree } from '../bench/lib/proc.js';

const ROOT = new URL('..', import.meta.url).pathname;
const MAX_RSS_GROWTH = 0.2;

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
  },
});
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connections = Number(args.connections);

/** The given database, else the largest benchmark corpus, else none (the server indexes seed/); `--db seed` forces seed/. */
function chooseDatabase(): string | undefined {
  const given = args.db ?? process.env.SQLITE_PATH;
  if (given === 'seed') return undefined;
  if (given) return given;
  const corpus = join(ROOT, 'bench/.corpus');
  if (!existsSync(corpus)) return undefined;
  const dbs = readdirSync(corpus)
    .filter((f) => f.endsWith('.db'))
    .map((f) => join(corpus, f));
  return dbs.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Resident memory in bytes of the server: its primary and HTTP workers together (WORKERS, node:cluster). */
function rssOf(pid: number): number {
  return readProcessTree(pid)?.rss ?? Number.NaN;
}

async function waitReady(base: string, server: ChildProcess, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with code ${server.exitCode}`);
    const ready = await fetch(`${base}/ready`).catch(() => undefined);
    if (ready?.ok) return ((await ready.json()) as { articleCount: number }).articleCount;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('server not ready in time');
}

/** Deterministic PRNG (mulberry32), so two soaks send the same mix. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 1,000 request paths over the corpus's own words: 75 % searches of several shapes, 25 % suggestions. */
async function requestMix(base: string): Promise<string[]> {
  const sample = (await (
    await fetch(`${base}/api/search?pageSize=100&highlight=false&facets=section,tags&facetLimit=50`)
  ).json()) as {
    hits: { title: string }[];
    facets: { section?: { value: string }[] };
  };
  const words = [...new Set(sample.hits.flatMap((h) => h.title.toLowerCase().match(/\p{L}{4,}/gu) ?? []))];
  const sections = (sample.facets.section ?? []).map((s) => s.value);
  if (words.length === 0) throw new Error('the corpus is empty');
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const q = (text: string) => encodeURIComponent(text);
  return Array.from({ length: 1_000 }, () => {
    const roll = next();
    if (roll < 0.45) return `/api/search?q=${q(pick(words))}`;
    if (roll < 0.6) return `/api/search?q=${q(`${pick(words)} ${pick(words)} `)}`;
    if (roll < 0.7 && sections.length > 0) return `/api/search?q=${q(pick(words))}&section=${q(pick(sections))}`;
    if (roll < 0.75) return `/api/search?page=${1 + Math.floor(next() * 5)}`;
    const word = pick(words);
    return `/api/suggest?q=${q(word.slice(0, 2 + Math.floor(next() * Math.min(5, word.length - 1))))}`;
  });
}

/**
 * Where the time went, from the server's own metrics (warm-up included): mean engine latency per
 * operation, and the share of API answers the server itself took over 1 s to produce. A client
 * p99 far above that is time spent queued before the app ran (CPU), not in the app.
 */
async function serverBreakdown(base: string): Promise<string> {
  const text = await (await fetch(`${base}/metrics`)).text();
  /** Sum of the samples of `metric` whose labels hold every fragment given. */
  const total = (metric: string, ...labels: string[]) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`${metric}{`) && labels.every((label) => line.includes(label)))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  const engine = ['search', 'suggest'].map((op) => {
    const sum = total('article_search_engine_query_duration_seconds_sum', `operation="${op}"`);
    const count = total('article_search_engine_query_duration_seconds_count', `operation="${op}"`);
    return `${op} ${((sum / Math.max(1, count)) * 1000).toFixed(1)} ms`;
  });
  const answers = total('article_search_http_request_duration_seconds_count', 'route="/api/');
  const withinOneSecond = total('article_search_http_request_duration_seconds_bucket', 'le="1"', 'route="/api/');
  const slow = answers === 0 ? 0 : ((answers - withinOneSecond) / answers) * 100;
  const lagMax = Number(/^article_search_nodejs_eventloop_lag_max_seconds (\S+)/m.exec(text)?.[1] ?? Number.NaN);
  return `engine mean ${engine.join(', ')}; server-side answers over 1 s: ${slow.toFixed(2)} %; event-loop lag max ${(lagMax * 1000).toFixed(0)} ms`;
}

/**
 * Sends the mix round-robin across all connections, for `seconds` or, without it, one pass.
 * @remarks A plain `requests` list would have every connection walk it from the start in step,
 * so a run would only ever send its first few dozen paths.
 */
function run(base: string, paths: string[], seconds?: number): Promise<autocannon.Result> {
  let next = 0;
  const request = {
    method: 'GET' as const,
    setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[next++ % paths.length]! }),
  };
  const length = seconds === undefined ? { amount: paths.length } : { duration: seconds };
  return autocannon({ url: base, connections, ...length, requests: [request] });
}

async function main(): Promise<number> {
  const source = chooseDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'soak-'));
  const dbPath = join(dir, 'articles.db');
  // A copy: the server opens its database for writing (WAL files), and the original may be in use.
  // Request logs stay on (info, as in production) and go to /dev/null.
  if (source) copyFileSync(source, dbPath);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    PATH: process.env.PATH ?? '',
    HOST: '127.0.0.1',
    PORT: String(port),
    SQLITE_PATH: dbPath,
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'info',
    SEED_ON_EMPTY: String(!source),
  };
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Bounded whatever happens: a stuck run is killed and reported as a failure.
  const watchdog = setTimeout(
    () => {
      console.error('soak: watchdog fired, killing the server');
      server.kill('SIGKILL');
      process.exit(1);
    },
    (warmup + duration + 600) * 1000,
  );
  try {
    const articles = await waitReady(base, server, 150_000);
    console.log(
      `soak: ${articles} articles from ${source ?? 'seed/'}; ${connections} connections, warm-up one pass + ${warmup} s, then ${duration} s`,
    );
    console.log(
      `soak: ${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at start`,
    );
    const paths = await requestMix(base);
    // Warm-up: one pass over the mix (first-touch caches: SQLite pages, compiled code), then the
    // same load for a while (V8 sizes its heap to the allocation rate in the first seconds).
    // Growth measured after that is memory kept per request.
    await run(base, paths);
    await run(base, paths, warmup);
    const baseline = rssOf(server.pid!);
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssOf(server.pid!)), 1_000);
    const result = await run(base, paths, duration);
    clearInterval(sampler);
    const end = rssOf(server.pid!);
    const growth = (end - baseline) / baseline;
    // autocannon counts timeouts (no answer within 10 s) among errors.
    const failures = result.errors + result.non2xx;
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
    console.log(
      [
        `requests ${result.requests.total} (${result.requests.average.toFixed(0)}/s), errors ${result.errors} (of which timeouts ${result.timeouts}), non-2xx ${result.non2xx}`,
        `latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
        `rss of ${readProcessTree(server.pid!)?.each.length ?? '-'} server processes (primary + workers) after warm-up ${mib(baseline)}, peak ${mib(Math.max(baseline, ...samples))}, end ${mib(end)}, growth ${(growth * 100).toFixed(1)} %`,
        `rss every 10 s: ${samples
          .filter((_, i) => i % 10 === 9)
          .map(mib)
          .join(', ')}`,
        `${await serverBreakdown(base)}; load average at end ${loadavg()[0]!.toFixed(1)}`,
      ].join('\n'),
    );
    const passed = failures === 0 && growth < MAX_RSS_GROWTH;
    console.log(
      passed ? 'soak: PASS' : `soak: FAIL (${failures} failed requests, growth limit ${MAX_RSS_GROWTH * 100} %)`,
    );
    return passed ? 0 : 1;
  } finally {
    clearTimeout(watchdog);
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
