import type { BenchEngine } from './engines/bench-engine.js';
import type { EngineName } from './engines/engine-target.js';
import type { BenchOptions } from './options.js';
import { startApiServer } from './probes/api-server.js';
import { PROBE_SCRIPTS, runRequiredProbe } from './probes/child-probe.js';
import {
  measureHttpLatency,
  measureThroughput,
  type HttpLatencies,
  type ThroughputResult,
} from './probes/http-probe.js';
import type { ProbeJob, ProbeOutput } from './probes/probe-io.js';

/** Memory of one run's API process and, for an engine with a server of its own, of that server. */
export interface ApiRunMemory {
  startMs: number;
  /** Sums over the API's node processes (a cluster's primary and workers). */
  rssAfterStart?: number;
  rssAfterRun?: number;
  peak?: number;
  /** How many API processes, and each one's RSS after the run (the primary first). */
  processes?: number;
  rssEachAfterRun?: number[];
  serverRssAfterStart?: number;
  serverRssAfterRun?: number;
  /** The engine server's VmHWM: its peak since it started, indexing included. */
  serverPeak?: number;
}

/** What one engine's API answered, per run: the same queries over HTTP on every engine. */
export interface EngineSeries {
  http: HttpLatencies[];
  /** At THROUGHPUT_CONNECTIONS connections. */
  throughput: ThroughputResult[];
  /** At one connection, in the same run: the base of the scaling figure. */
  throughputSingle: ThroughputResult[];
  api: ApiRunMemory[];
}

/** What the repeated runs measured, per run, before any reduction. */
export interface RunSeries {
  /** The HTTP parts, per engine of the run. */
  engines: Partial<Record<EngineName, EngineSeries>>;
  /** The embedded engine in-process and the raw FTS5 floor: SQLite only. */
  inProcess: ProbeOutput[];
  floor: ProbeOutput[];
}

/** Concurrent connections of the throughput run (the figure). */
export const THROUGHPUT_CONNECTIONS = 16;
/** Our own probes must finish; this only guards against a hang. */
const PROBE_TIMEOUT_MS = 60 * 60_000;

/**
 * Runs the latency and throughput parts `runs` times, each engine in turn within a run (so a
 * noisy spell of a shared machine hits both alike). Each run starts a fresh API server and fresh
 * child processes, so no run inherits another's JIT or caches (the OS page cache is shared, as
 * it would be in production; a Meilisearch server stays up, as it does in production).
 */
export async function measureRuns(
  options: BenchOptions,
  engines: readonly BenchEngine[],
  job: ProbeJob,
  jobPath: string,
  scratch: string,
  log: (line: string) => void,
): Promise<RunSeries> {
  const series: RunSeries = { engines: {}, inProcess: [], floor: [] };
  const { parts } = options;
  for (let run = 1; run <= options.runs; run++) {
    for (const engine of engines) {
      if (!parts.has('http') && !parts.has('throughput')) break;
      const engineSeries = (series.engines[engine.name] ??= {
        http: [],
        throughput: [],
        throughputSingle: [],
        api: [],
      });
      engineSeries.api.push(
        await measureApi(options, engine, engineSeries, job, (line) => log(`run ${run} ${engine.name}: ${line}`)),
      );
    }
    if (parts.has('inprocess')) {
      series.inProcess.push(
        await runRequiredProbe(PROBE_SCRIPTS.inProcess, jobPath, {
          scratch,
          label: `inprocess-${run}`,
          timeoutMs: PROBE_TIMEOUT_MS,
        }),
      );
      log(`run ${run} sqlite: in-process done`);
    }
    if (parts.has('floor')) {
      series.floor.push(
        await runRequiredProbe(PROBE_SCRIPTS.floor, jobPath, {
          scratch,
          label: `floor-${run}`,
          timeoutMs: PROBE_TIMEOUT_MS,
        }),
      );
      log(`run ${run} sqlite: floor done`);
    }
  }
  return series;
}

/** One run of the API on one engine: latency, then throughput; returns the memory figures. */
async function measureApi(
  options: BenchOptions,
  engine: BenchEngine,
  into: EngineSeries,
  job: ProbeJob,
  log: (line: string) => void,
): Promise<ApiRunMemory> {
  const server = await startApiServer(engine.target, { readyTimeoutMs: 15 * 60_000 });
  try {
    const atStart = server.memory();
    const serverAtStart = engine.serverMemory();
    if (options.parts.has('http')) {
      into.http.push(await measureHttpLatency(server, job));
      log(
        `HTTP latency done (${job.measured.length} searches, ${job.suggest.length} suggests, ${job.related.length} related)`,
      );
    }
    if (options.parts.has('throughput')) {
      // One connection first, then many, on the same warm server: their ratio is how the API scales.
      const single = await measureThroughput(server, job.measured, {
        connections: 1,
        seconds: options.durationSeconds,
      });
      into.throughputSingle.push(single);
      const t = await measureThroughput(server, job.measured, {
        connections: THROUGHPUT_CONNECTIONS,
        seconds: options.durationSeconds,
      });
      into.throughput.push(t);
      log(
        `throughput ${single.requestsPerSecond.toFixed(0)} searches/s at 1 connection, ${t.requestsPerSecond.toFixed(0)} at ${THROUGHPUT_CONNECTIONS} (${t.non2xx} non-2xx, ${t.errors} errors; API ${t.apiCores?.toFixed(2) ?? '-'} cores, load generator ${t.clientCores?.toFixed(2) ?? '-'})`,
      );
    }
    const after = server.memory();
    const serverAfter = engine.serverMemory();
    return {
      startMs: server.startMs,
      rssAfterStart: atStart?.rss,
      rssAfterRun: after?.rss,
      peak: after?.peak,
      processes: after?.each.length,
      rssEachAfterRun: after?.each,
      serverRssAfterStart: serverAtStart?.rss,
      serverRssAfterRun: serverAfter?.rss,
      serverPeak: serverAfter?.peak,
    };
  } finally {
    await server.stop();
  }
}
