import type { LatencySummary } from '../lib/stats.js';
import type { PeerName } from '../peers/peer-engine.js';
import type { LatencyRow } from './aggregate.js';
import type { ThroughputResult } from '../probes/http-probe.js';

/** How a peer library's run ended. */
export type PeerStatus = 'ok' | 'dnf-indexing' | 'dnf-queries' | 'failed' | 'skipped';

/** One peer's indexing and memory figures. */
export interface PeerSummary {
  status: PeerStatus;
  /** Articles indexed before the time bound (all of them when status is ok). */
  indexed?: number;
  indexSeconds?: number;
  articlesPerSecond?: number;
  heapAfterIndexMiB?: number;
  rssAfterIndexMiB?: number;
  peakRssMiB?: number;
  timeBoundSeconds: number;
  note?: string;
}

/**
 * What `bench/results/<corpus>-<n>.json` holds: medians and summaries only (no per-query
 * arrays), so the committed file stays small.
 */
export interface BenchResults {
  version: 1;
  createdAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    totalMemoryGiB: number;
    node: string;
    /** 1-minute load average sampled every 10 s during the run (other work on a shared machine). */
    loadAverage: { mean: number; max: number };
  };
  options: {
    n: number;
    seed: number;
    runs: number;
    quick: boolean;
    corpus: string;
    perType: number;
    bodyWords: number | null;
    parts: string[];
  };
  corpus: { name: string; n: number; ndjsonMiB: number };
  percentileMethod: string;
  indexing?: {
    runs: number;
    articlesPerSecond: number;
    seconds: number;
    peakRssMiB: number | undefined;
    peakRssMethod: string;
    dbMiB: number;
    walMiB: number;
    articleCount?: number;
    summary: string;
  };
  api?: {
    startMs: number | undefined;
    rssAfterStartMiB: number | undefined;
    rssAfterRunMiB: number | undefined;
    peakRssMiB: number | undefined;
    /** Non-200 answers over HTTP, and engine calls that threw in-process, over all runs. */
    errors: number;
    inProcessErrors: number;
  };
  inProcessOpenMs?: number;
  latency: LatencyRow[];
  suggest?: { prefixes: number; http?: LatencySummary; inProcess?: LatencySummary; httpOverheadP50?: number };
  related?: { articles: number; http?: LatencySummary; inProcess?: LatencySummary; httpOverheadP50?: number };
  throughput?: ThroughputResult & { runs: number };
  peers: Partial<Record<PeerName, PeerSummary>>;
  targets: TargetCheck[];
}

/** One target from the issue next to what was measured. */
export interface TargetCheck {
  name: string;
  target: string;
  value: number | undefined;
  unit: string;
  /** undefined: not measured in this run, or not applicable at this corpus size. */
  pass: boolean | undefined;
  note?: string;
}
