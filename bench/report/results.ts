import type { EngineName } from '../engines/engine-target.js';
import type { LatencySummary } from '../lib/stats.js';
import type { PeerName } from '../peers/peer-engine.js';
import type { EngineLatencyRow, LatencyRow } from './aggregate.js';
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

/** Indexing through the indexer CLI: medians of the runs. */
export interface IndexingSummary {
  runs: number;
  articlesPerSecond: number;
  seconds: number;
  /** The indexer CLI's own peak RSS. */
  peakRssMiB: number | undefined;
  peakRssMethod: string;
  /** The index on disk (SQLite: db and WAL; Meilisearch: the used database size of a server the run started). */
  dbMiB: number | undefined;
  walMiB: number | undefined;
  articleCount?: number;
  /** Bare FTS5 with the engine's prefix indexes over the same corpus, once (SQLite, below 1M). */
  insertFloorPerSecond?: number;
  /** The engine's server after indexing (Meilisearch): VmRSS, and VmHWM since it started. */
  serverRssMiB?: number | undefined;
  serverPeakRssMiB?: number | undefined;
  summary: string;
}

/** The API process (and the engine's own server, when it has one): medians of the runs. */
export interface ApiSummary {
  startMs: number | undefined;
  rssAfterStartMiB: number | undefined;
  rssAfterRunMiB: number | undefined;
  peakRssMiB: number | undefined;
  /** Number of API processes (a cluster's primary and workers) the sums above cover. */
  processes?: number | undefined;
  /** RSS of each API process after the run (primary first), from the median run by total. */
  rssEachAfterRunMiB?: number[] | undefined;
  /** Non-200 answers over HTTP, and engine calls that threw in-process, over all runs. */
  errors: number;
  inProcessErrors: number;
  serverRssAfterStartMiB?: number | undefined;
  serverRssAfterRunMiB?: number | undefined;
  /** VmHWM of the engine's server: its peak since it started, indexing included. */
  serverPeakRssMiB?: number | undefined;
}

/** One engine of a side-by-side run: the same corpus and queries through the same API. */
export interface EngineResults {
  engine: EngineName;
  /** SQLite's `sqlite_version()` or Meilisearch's `GET /version`. */
  version: string;
  /** Where the engine ran (embedded; a throwaway or an existing Meilisearch, and its index). */
  origin: string;
  /** Why the engine server's memory is missing (an existing server not found on this machine). */
  serverMemoryNote?: string;
  indexing?: IndexingSummary;
  api?: ApiSummary;
  /** One row per query type and the mix, over HTTP. */
  latency: EngineLatencyRow[];
  suggest?: { prefixes: number; http?: LatencySummary };
  throughput?: ThroughputResult & { runs: number };
}

/**
 * What `bench/results/<corpus>-<n>.json` holds: medians and summaries only (no per-query
 * arrays), so the committed file stays small. The top-level figures are the embedded engine's
 * (SQLite: HTTP, in-process, floor, peers, targets); `engines` holds every engine of the run
 * side by side, SQLite first.
 */
export interface BenchResults {
  version: 2;
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
    engines: EngineName[];
  };
  corpus: { name: string; n: number; ndjsonMiB: number };
  percentileMethod: string;
  indexing?: IndexingSummary;
  api?: ApiSummary;
  inProcessOpenMs?: number;
  latency: LatencyRow[];
  suggest?: { prefixes: number; http?: LatencySummary; inProcess?: LatencySummary; httpOverheadP50?: number };
  related?: { articles: number; http?: LatencySummary; inProcess?: LatencySummary; httpOverheadP50?: number };
  throughput?: ThroughputResult & { runs: number };
  /** The same at one connection, and 16-connection / 1-connection rates (median of the runs' ratios). */
  throughputSingle?: ThroughputResult & { runs: number };
  throughputScaling?: number;
  /** Errors, non-2xx answers and timeouts of every throughput run (1 and 16 connections). */
  throughputFailures?: number;
  /** Keep-alive round trips to /health: the floor of any request over HTTP. */
  healthP50?: number;
  peers: Partial<Record<PeerName, PeerSummary>>;
  engines: EngineResults[];
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
  /** For a miss: what bounds the figure, measured in the same run. */
  bound?: string;
}
