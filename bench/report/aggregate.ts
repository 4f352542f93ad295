import type { PeerName } from '../peers/peer-engine.js';
import { PARTIAL_MATCHES_BELOW } from '../probes/floor-query.js';
import type { QueryType } from '../queries/query-mix.js';
import { median, medianOfRuns, summarize, type LatencySummary } from '../lib/stats.js';

/** Per-query series of one run of one side, aligned with the measured queries. */
export interface Series {
  ms: readonly (number | null)[];
  hits: readonly (number | null)[];
}

/** A row selector: one query type, or the whole search mix. */
export type RowKey = QueryType | 'mix';

/** How a peer fared on one query type. */
export interface PeerCell {
  status: 'ok' | 'partial' | 'unsupported' | 'dnf';
  latency?: LatencySummary;
  meanHits?: number;
}

/** One row of the latency table. */
export interface LatencyRow {
  key: RowKey;
  /** The engine's totals (HTTP, else in-process): mean, range and mean share of the corpus. */
  hits?: { mean: number; min: number; max: number; share: number };
  http?: LatencySummary;
  inProcess?: LatencySummary;
  floor?: LatencySummary;
  floorMeanHits?: number;
  /** Median of per-query differences HTTP - in-process (paired run by run), then median of runs. */
  httpOverheadP50?: number;
  /** Median of per-request HTTP latency - the engine's time inside that same request (Server-Timing). */
  httpCostP50?: number;
  /** Queries whose in-process total equals the HTTP total (last run). */
  inProcessVsHttp?: { equal: number; total: number };
  /** Queries whose floor count equals the engine's total (last run), where both count full matches only. */
  floorVsEngine?: { equal: number; total: number };
  peers: Partial<Record<PeerName, PeerCell>>;
}

const indexesOf = (types: readonly QueryType[], key: RowKey) =>
  types.flatMap((t, i) => (key === 'mix' || t === key ? [i] : []));

/** Latency summary of the selected queries, per run, then the median of runs. */
export function summarizeRuns(runs: readonly Series[], selected: readonly number[]): LatencySummary | undefined {
  const perRun = runs
    .map((run) => selected.map((i) => run.ms[i]).filter((v): v is number => typeof v === 'number'))
    .filter((samples) => samples.length > 0)
    .map(summarize);
  return perRun.length > 0 ? medianOfRuns(perRun) : undefined;
}

/** Median paired difference a[i] - b[i] per run, then the median over runs. */
export function pairedOverhead(
  a: readonly Series[],
  b: readonly Series[],
  selected: readonly number[],
): number | undefined {
  const perRun = a.flatMap((run, r) => {
    const other = b[r];
    if (!other) return [];
    const diffs = selected.flatMap((i) => {
      const x = run.ms[i];
      const y = other.ms[i];
      return typeof x === 'number' && typeof y === 'number' ? [x - y] : [];
    });
    return diffs.length > 0 ? [median(diffs)] : [];
  });
  return perRun.length > 0 ? median(perRun) : undefined;
}

/** How many selected queries have equal, non-null hit counts on both sides. */
export function agreement(a: Series | undefined, b: Series | undefined, selected: readonly number[]) {
  if (!a || !b) return undefined;
  const both = selected.filter((i) => a.hits[i] != null && b.hits[i] != null);
  return { equal: both.filter((i) => a.hits[i] === b.hits[i]).length, total: both.length };
}

function hitStats(series: Series | undefined, selected: readonly number[], n: number) {
  const hits = series ? selected.map((i) => series.hits[i]).filter((v): v is number => typeof v === 'number') : [];
  if (hits.length === 0) return undefined;
  const mean = hits.reduce((s, h) => s + h, 0) / hits.length;
  return { mean, min: Math.min(...hits), max: Math.max(...hits), share: mean / n };
}

/** Everything measured for the latency table, per side. */
export interface LatencyInputs {
  types: readonly QueryType[];
  /** Per query: more than one term, so the engine may add partial matches the floor does not count. */
  multiTerm: readonly boolean[];
  n: number;
  http: readonly Series[];
  /** Per HTTP run: the engine's time inside the server for each search. */
  httpEngine?: readonly Series[];
  inProcess: readonly Series[];
  floor: readonly Series[];
  peers: Partial<
    Record<
      PeerName,
      { output: Series & { unsupported: readonly QueryType[]; unfinished: readonly QueryType[] }; finished: boolean }
    >
  >;
}

/** Builds one row: medians of runs, the HTTP overhead, and the hit-count cross-checks. */
export function latencyRow(key: RowKey, input: LatencyInputs): LatencyRow {
  const selected = indexesOf(input.types, key);
  const engine = input.http.at(-1) ?? input.inProcess.at(-1);
  const row: LatencyRow = { key, peers: {} };
  const assign = <K extends keyof LatencyRow>(field: K, value: LatencyRow[K] | undefined) => {
    if (value !== undefined) row[field] = value;
  };
  assign('hits', hitStats(engine, selected, input.n));
  assign('http', summarizeRuns(input.http, selected));
  assign('inProcess', summarizeRuns(input.inProcess, selected));
  assign('floor', summarizeRuns(input.floor, selected));
  assign('floorMeanHits', hitStats(input.floor.at(-1), selected, input.n)?.mean);
  assign('httpOverheadP50', pairedOverhead(input.http, input.inProcess, selected));
  if (input.httpEngine) assign('httpCostP50', pairedOverhead(input.http, input.httpEngine, selected));
  assign('inProcessVsHttp', agreement(input.inProcess.at(-1), input.http.at(-1), selected));
  const floor = input.floor.at(-1);
  const comparable = selected.filter((i) => !input.multiTerm[i] || (floor?.hits[i] ?? 0) >= PARTIAL_MATCHES_BELOW);
  assign('floorVsEngine', agreement(floor, engine, comparable));
  // Peers answer only some types, so a "mix" figure of theirs would compare different work.
  if (key === 'mix') return row;
  for (const [name, peer] of Object.entries(input.peers) as [
    PeerName,
    NonNullable<LatencyInputs['peers'][PeerName]>,
  ][]) {
    row.peers[name] = peerCell(key, peer, selected, input.n);
  }
  return row;
}

function peerCell(
  key: QueryType,
  peer: NonNullable<LatencyInputs['peers'][PeerName]>,
  selected: readonly number[],
  n: number,
): PeerCell {
  const { output } = peer;
  if (output.unsupported.includes(key)) return { status: 'unsupported' };
  const latency = summarizeRuns([output], selected);
  if (!latency) return { status: 'dnf' };
  const cut = output.unfinished.includes(key) || (!peer.finished && latency.count < selected.length);
  const cell: PeerCell = { status: cut ? 'partial' : 'ok', latency };
  const meanHits = hitStats(output, selected, n)?.mean;
  if (meanHits !== undefined) cell.meanHits = meanHits;
  return cell;
}

/** One row of an engine's side-by-side figures: the API over HTTP only. */
export interface EngineLatencyRow {
  key: RowKey;
  hits?: { mean: number; min: number; max: number; share: number };
  http?: LatencySummary;
  /** Queries whose total equals SQLite's for the same query (last run); absent on SQLite itself. */
  totalsVsSqlite?: { equal: number; total: number };
}

/**
 * One engine's row: its HTTP latencies (medians of runs), its totals, and how many of them
 * equal the embedded engine's (`sqlite`, undefined for SQLite itself).
 */
export function engineLatencyRow(
  key: RowKey,
  input: { types: readonly QueryType[]; n: number; http: readonly Series[]; sqlite: Series | undefined },
): EngineLatencyRow {
  const selected = indexesOf(input.types, key);
  const row: EngineLatencyRow = { key };
  const hits = hitStats(input.http.at(-1), selected, input.n);
  const http = summarizeRuns(input.http, selected);
  const totals = input.sqlite ? agreement(input.http.at(-1), input.sqlite, selected) : undefined;
  if (hits) row.hits = hits;
  if (http) row.http = http;
  if (totals) row.totalsVsSqlite = totals;
  return row;
}
