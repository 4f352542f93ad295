import autocannon from 'autocannon';
import { toSearchPath, type BenchQuery } from '../queries/query-mix.js';
import type { ApiServer } from './api-server.js';
import { timedGet } from './api-server.js';
import type { ProbeOutput } from './probe-io.js';

/** HTTP latencies of one run, aligned with the job's queries like a child probe's output. */
export type HttpLatencies = Pick<ProbeOutput, 'ms' | 'hits' | 'suggestMs' | 'relatedMs' | 'errors'> & {
  /** Per search: the engine's time inside the server (its `Server-Timing: engine;dur=`), for the HTTP cost of that very request. */
  engineMs: (number | null)[];
  /** Bare keep-alive round trips to `/health` (no engine, a tiny body): the floor of any request. */
  healthMs: number[];
};

/** `/health` round trips timed per run. */
const HEALTH_SAMPLES = 200;

/** Related-articles requests sent before timing starts. */
export const RELATED_WARMUP = 10;

/**
 * Sends the mix one request at a time over one kept-alive connection and times each until
 * its last byte: the latency one reader sees, without queueing behind other readers.
 */
export async function measureHttpLatency(
  server: ApiServer,
  queries: {
    warmup: readonly BenchQuery[];
    measured: readonly BenchQuery[];
    suggest: readonly string[];
    related: readonly string[];
  },
): Promise<HttpLatencies> {
  const get = (path: string) => timedGet(server.agent, server.port, path);
  const out: HttpLatencies = { ms: [], hits: [], suggestMs: [], relatedMs: [], errors: 0, engineMs: [], healthMs: [] };
  for (const query of queries.warmup) await get(toSearchPath(query.params));
  for (const query of queries.measured) {
    const answer = await get(toSearchPath(query.params));
    const ok = answer.status === 200;
    if (!ok) out.errors++;
    out.ms.push(ok ? answer.ms : null);
    out.engineMs.push(ok && answer.engineMs !== undefined ? answer.engineMs : null);
    out.hits.push(ok ? (JSON.parse(answer.body) as { totalHits: number }).totalHits : null);
  }
  for (let i = 0; i < HEALTH_SAMPLES; i++) out.healthMs.push((await get('/health')).ms);
  for (const q of queries.suggest.slice(0, 20)) await get(toSearchPath({ q }, '/api/suggest'));
  for (const q of queries.suggest) {
    const answer = await get(toSearchPath({ q }, '/api/suggest'));
    out.suggestMs.push(answer.status === 200 ? answer.ms : null);
    if (answer.status !== 200) out.errors++;
  }
  const relatedPath = (id: string) => `/api/articles/${encodeURIComponent(id)}/related`;
  for (const id of queries.related.slice(0, RELATED_WARMUP)) await get(relatedPath(id));
  for (const id of queries.related) {
    const answer = await get(relatedPath(id));
    out.relatedMs.push(answer.status === 200 ? answer.ms : null);
    if (answer.status !== 200) out.errors++;
  }
  return out;
}

/** What autocannon measured, reduced to the figures the report prints. */
export interface ThroughputResult {
  connections: number;
  /** CPU the API's processes used during the run, in cores (CPU seconds / wall seconds). */
  apiCores?: number;
  /** CPU this process (autocannon, the load generator) used meanwhile, in cores. */
  clientCores?: number;
  durationSeconds: number;
  requestsPerSecond: number;
  completed: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

/**
 * Searches per second at `connections` concurrent loopback connections for `seconds`,
 * cycling through the search mix. autocannon runs in this process and shares the two
 * cores with the server, as a co-located client would.
 */
export async function measureThroughput(
  server: ApiServer,
  queries: readonly BenchQuery[],
  options: { connections: number; seconds: number },
): Promise<ThroughputResult> {
  const paths = queries.map((q) => toSearchPath(q.params));
  let next = 0;
  const apiCpu = server.memory()?.cpuSeconds;
  const clientCpu = process.cpuUsage();
  const started = performance.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections: options.connections,
    duration: options.seconds,
    // A request slower than this counts as a timeout rather than stalling the run.
    timeout: 30,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
  });
  const wall = (performance.now() - started) / 1000;
  const apiCpuAfter = server.memory()?.cpuSeconds;
  const client = process.cpuUsage(clientCpu);
  return {
    connections: options.connections,
    ...(apiCpu !== undefined && apiCpuAfter !== undefined ? { apiCores: (apiCpuAfter - apiCpu) / wall } : {}),
    clientCores: (client.user + client.system) / 1e6 / wall,
    durationSeconds: result.duration,
    requestsPerSecond: result['2xx'] / result.duration,
    completed: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
  };
}
