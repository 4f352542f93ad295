import { runChildProbe, PROBE_SCRIPTS } from '../probes/child-probe.js';
import type { ProbeOutput } from '../probes/probe-io.js';
import { toMiB } from '../lib/proc.js';
import type { PeerSummary } from '../report/results.js';
import type { PeerName } from './peer-engine.js';

/** V8 heap ceiling for the in-memory peers: at 100k they need several GiB. */
const PEER_HEAP_MIB = 16_384;

/** A peer's run: its summary for the report and its per-query output for the table. */
export interface PeerRun {
  summary: PeerSummary;
  output: ProbeOutput | undefined;
  /** Every measured query it supports was answered. */
  finished: boolean;
}

/**
 * Time bounds that grow with the corpus: the whole process (index + queries), and each
 * query type (so one pathological type cannot eat the others' time).
 * @example peerBounds(100_000) -> { processMs: 1_500_000, typeMs: 60_000 }
 */
export function peerBounds(n: number): { processMs: number; typeMs: number } {
  const scale = n / 100_000;
  return {
    processMs: Math.round(Math.min(40, Math.max(1, 25 * scale)) * 60_000),
    typeMs: Math.round(Math.min(120, Math.max(5, 60 * scale)) * 1_000),
  };
}

/**
 * Runs one peer library in its own process (`--max-old-space-size`), bounded in time, and
 * turns whatever it wrote into a status: ok, did not finish (indexing or queries), failed.
 */
export async function runPeer(name: PeerName, jobPath: string, scratch: string, processMs: number): Promise<PeerRun> {
  const { outcome, output } = await runChildProbe(PROBE_SCRIPTS.peer, [name, jobPath], {
    scratch,
    label: `peer-${name}`,
    timeoutMs: processMs,
    nodeArgs: [`--max-old-space-size=${PEER_HEAP_MIB}`, '--expose-gc'],
  });
  const meta = output?.meta ?? {};
  const number = (key: string) => (typeof meta[key] === 'number' ? meta[key] : undefined);
  const peak = Math.max(number('peakRssBytes') ?? 0, outcome.peakRssBytes ?? 0);
  const summary: PeerSummary = {
    status: statusOf(outcome.timedOut, outcome.code, meta),
    timeBoundSeconds: processMs / 1000,
    ...defined({
      indexed: number('indexed'),
      indexSeconds: number('indexSeconds'),
      articlesPerSecond: number('articlesPerSecond'),
      heapAfterIndexMiB: toMiB(number('heapAfterIndexBytes')),
      rssAfterIndexMiB: toMiB(number('rssAfterIndexBytes')),
      peakRssMiB: peak > 0 ? toMiB(peak) : undefined,
    }),
  };
  if (summary.status === 'failed') summary.note = outcome.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300);
  return { summary, output, finished: summary.status === 'ok' && (output?.unfinished.length ?? 0) === 0 };
}

function statusOf(timedOut: boolean, code: number | null, meta: ProbeOutput['meta']): PeerSummary['status'] {
  if (meta.queriesDone === true && code === 0) return 'ok';
  if (timedOut) return meta.indexingDone === true ? 'dnf-queries' : 'dnf-indexing';
  return 'failed';
}

function defined<T extends Record<string, number | undefined>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
