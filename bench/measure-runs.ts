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

/** What the repeated runs measured, per run, before any reduction. */
export interface RunSeries {
  http: HttpLatencies[];
  inProcess: ProbeOutput[];
  floor: ProbeOutput[];
  throughput: ThroughputResult[];
  api: { startMs: number; rssAfterStart?: number; rssAfterRun?: number; peak?: number }[];
}

/** Concurrent connections of the throughput run (the figure). */
export const THROUGHPUT_CONNECTIONS = 16;
/** Our own probes must finish; this only guards against a hang. */
const PROBE_TIMEOUT_MS = 60 * 60_000;

/**
 * Runs the latency and throughput parts `runs` times. Each run starts a fresh API server
 * and fresh child processes, so no run inherits another's JIT or caches (the OS page cache
 * is shared, as it would be in production).
 */
export async function measureRuns(
  options: BenchOptions,
  job: ProbeJob,
  jobPath: string,
  scratch: string,
  log: (line: string) => void,
): Promise<RunSeries> {
  const series: RunSeries = { http: [], inProcess: [], floor: [], throughput: [], api: [] };
  const { parts } = options;
  for (let run = 1; run <= options.runs; run++) {
    if (parts.has('http') || parts.has('throughput')) {
      const server = await startApiServer(job.dbPath, { readyTimeoutMs: 15 * 60_000 });
      try {
        const atStart = server.memory();
        if (parts.has('http')) {
          series.http.push(await measureHttpLatency(server, job));
          log(
            `run ${run}: HTTP latency done (${job.measured.length} searches, ${job.suggest.length} suggests, ${job.related.length} related)`,
          );
        }
        if (parts.has('throughput')) {
          const t = await measureThroughput(server, job.measured, {
            connections: THROUGHPUT_CONNECTIONS,
            seconds: options.durationSeconds,
          });
          series.throughput.push(t);
          log(
            `run ${run}: throughput ${t.requestsPerSecond.toFixed(0)} searches/s (${t.non2xx} non-2xx, ${t.errors} errors)`,
          );
        }
        const after = server.memory();
        series.api.push({
          startMs: server.startMs,
          rssAfterStart: atStart?.rss,
          rssAfterRun: after?.rss,
          peak: after?.peak,
        });
      } finally {
        await server.stop();
      }
    }
    if (parts.has('inprocess')) {
      series.inProcess.push(
        await runRequiredProbe(PROBE_SCRIPTS.inProcess, jobPath, {
          scratch,
          label: `inprocess-${run}`,
          timeoutMs: PROBE_TIMEOUT_MS,
        }),
      );
      log(`run ${run}: in-process done`);
    }
    if (parts.has('floor')) {
      series.floor.push(
        await runRequiredProbe(PROBE_SCRIPTS.floor, jobPath, {
          scratch,
          label: `floor-${run}`,
          timeoutMs: PROBE_TIMEOUT_MS,
        }),
      );
      log(`run ${run}: floor done`);
    }
  }
  return series;
}
