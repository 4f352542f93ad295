import { parseQuery } from '../../src/search/query/parse-query.js';
import type { Corpus } from '../corpus/corpus-stats.js';
import { toMiB } from '../lib/proc.js';
import { median, medianOf, PERCENTILE_METHOD } from '../lib/stats.js';
import type { EngineName } from '../engines/engine-target.js';
import type { EngineSeries, RunSeries } from '../measure-runs.js';
import type { BenchOptions } from '../options.js';
import type { PeerName } from '../peers/peer-engine.js';
import type { PeerRun } from '../peers/run-peers.js';
import type { IndexRun } from '../probes/index-probe.js';
import { QUERY_TYPES, type BenchQuery, type QueryType } from '../queries/query-mix.js';
import type { ProbeOutput } from '../probes/probe-io.js';
import {
  engineLatencyRow,
  latencyRow,
  pairedOverhead,
  summarizeRuns,
  type LatencyInputs,
  type Series,
} from './aggregate.js';
import type { ApiSummary, BenchResults, EngineResults, IndexingSummary } from './results.js';
import { evaluateTargets } from './targets.js';

/** Everything measured, before reduction. */
export interface SummaryInputs {
  options: BenchOptions;
  corpus: Corpus;
  ndjsonBytes: number;
  /** The engines of the run, in table order (SQLite first). */
  engines: readonly { name: EngineName; version: string; origin: string; serverMemoryNote: string | undefined }[];
  indexRuns: Partial<Record<EngineName, readonly IndexRun[]>>;
  /** Bare FTS5 inserts with the prefix indexes, articles/s, when measured. */
  insertFloor?: number | undefined;
  series: RunSeries;
  peers: Partial<Record<PeerName, PeerRun>>;
  queries: readonly BenchQuery[];
  machine: BenchResults['machine'];
}

const NO_RUNS: EngineSeries = { http: [], throughput: [], throughputSingle: [], api: [] };

/**
 * Reduces every run to medians and summaries, and judges the targets. The top level is the
 * embedded engine's full view; `engines` lists every engine's HTTP figures side by side.
 */
export function summarizeResults(input: SummaryInputs): BenchResults {
  const { options, corpus, series } = input;
  const n = corpus.stats.n;
  const sqlite = series.engines.sqlite ?? NO_RUNS;
  const types = input.queries.map((q) => q.type);
  const latencyInputs: LatencyInputs = {
    types,
    multiTerm: input.queries.map((q) => parseQuery(q.params.q ?? '').terms.length > 1),
    n,
    http: sqlite.http,
    httpEngine: sqlite.http.map((h) => ({ ms: h.engineMs ?? [], hits: [] })),
    inProcess: series.inProcess,
    floor: series.floor,
    peers: Object.fromEntries(
      Object.entries(input.peers).flatMap(([name, run]) =>
        run.output ? [[name, { output: run.output, finished: run.finished }]] : [],
      ),
    ),
  };
  const partial: Omit<BenchResults, 'targets'> = {
    version: 2,
    createdAt: new Date().toISOString(),
    machine: input.machine,
    options: {
      n,
      seed: options.seed,
      runs: options.runs,
      quick: options.quick,
      corpus: options.corpus,
      perType: options.perType,
      bodyWords: corpus.stats.bodyWords,
      parts: [...options.parts],
      engines: input.engines.map((e) => e.name),
    },
    corpus: { name: corpus.name, n, ndjsonMiB: toMiB(input.ndjsonBytes) ?? 0 },
    percentileMethod: PERCENTILE_METHOD,
    latency: [...QUERY_TYPES, 'mix' as const].map((key) => latencyRow(key, latencyInputs)),
    peers: Object.fromEntries(Object.entries(input.peers).map(([name, run]) => [name, run.summary])),
    engines: input.engines.map((engine) =>
      summarizeEngine(engine, input.indexRuns[engine.name] ?? [], series.engines[engine.name] ?? NO_RUNS, {
        types,
        n,
        sqlite: engine.name === 'sqlite' ? undefined : sqlite.http.at(-1),
      }),
    ),
  };
  const indexing = summarizeIndexing(input.indexRuns.sqlite ?? []);
  if (indexing)
    partial.indexing = input.insertFloor ? { ...indexing, insertFloorPerSecond: input.insertFloor } : indexing;
  const api = summarizeApi(sqlite, series.inProcess);
  if (api) partial.api = api;
  const openMs = medianOf(series.inProcess, (o) => (typeof o.meta.openMs === 'number' ? o.meta.openMs : undefined));
  if (openMs !== undefined) partial.inProcessOpenMs = openMs;
  const suggest = summarizeExtra(sqlite.http, series.inProcess, 'suggestMs');
  if (suggest) partial.suggest = { prefixes: suggest.count, ...suggest.figures };
  const related = summarizeExtra(sqlite.http, series.inProcess, 'relatedMs');
  if (related) partial.related = { articles: related.count, ...related.figures };
  const throughput = middleThroughput(sqlite);
  if (throughput) partial.throughput = throughput;
  Object.assign(partial, scaling(sqlite));
  const health = medianOf(sqlite.http, (h) => (h.healthMs?.length ? median(h.healthMs) : undefined));
  if (health !== undefined) partial.healthP50 = health;
  return { ...partial, targets: evaluateTargets(partial) };
}

/** One engine's side-by-side figures, from its own runs. */
function summarizeEngine(
  engine: SummaryInputs['engines'][number],
  indexRuns: readonly IndexRun[],
  runs: EngineSeries,
  rows: { types: readonly QueryType[]; n: number; sqlite: Series | undefined },
): EngineResults {
  const out: EngineResults = {
    engine: engine.name,
    version: engine.version,
    origin: engine.origin,
    latency: [...QUERY_TYPES, 'mix' as const].map((key) => engineLatencyRow(key, { ...rows, http: runs.http })),
  };
  if (engine.serverMemoryNote) out.serverMemoryNote = engine.serverMemoryNote;
  const indexing = summarizeIndexing(indexRuns);
  if (indexing) out.indexing = indexing;
  const api = summarizeApi(runs, []);
  if (api) out.api = api;
  const suggest = summarizeExtra(runs.http, [], 'suggestMs');
  if (suggest)
    out.suggest = { prefixes: suggest.count, ...(suggest.figures.http ? { http: suggest.figures.http } : {}) };
  const throughput = middleThroughput(runs);
  if (throughput) out.throughput = throughput;
  return out;
}

function middleThroughput(
  runs: EngineSeries,
  key: 'throughput' | 'throughputSingle' = 'throughput',
): BenchResults['throughput'] {
  const list = runs[key] ?? [];
  if (list.length === 0) return undefined;
  const middle = [...list].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(list.length / 2)]!;
  return { ...middle, runs: list.length };
}

/** 1-connection rate, the scaling ratio run by run (both rates come from the same server), and failures. */
function scaling(runs: EngineSeries): Partial<BenchResults> {
  const single = middleThroughput(runs, 'throughputSingle');
  if (!single) return {};
  const ratios = runs.throughput.flatMap((t, i) => {
    const one = runs.throughputSingle[i];
    return one && one.requestsPerSecond > 0 ? [t.requestsPerSecond / one.requestsPerSecond] : [];
  });
  const failures = [...runs.throughput, ...runs.throughputSingle].reduce(
    (sum, t) => sum + t.errors + t.non2xx + t.timeouts,
    0,
  );
  return {
    throughputSingle: single,
    ...(ratios.length > 0 ? { throughputScaling: median(ratios) } : {}),
    throughputFailures: failures,
  };
}

function summarizeApi(runs: EngineSeries, inProcess: readonly ProbeOutput[]): ApiSummary | undefined {
  if (runs.api.length === 0) return undefined;
  const api: ApiSummary = {
    startMs: medianOf(runs.api, (a) => a.startMs),
    rssAfterStartMiB: toMiB(medianOf(runs.api, (a) => a.rssAfterStart)),
    rssAfterRunMiB: toMiB(medianOf(runs.api, (a) => a.rssAfterRun)),
    peakRssMiB: toMiB(medianOf(runs.api, (a) => a.peak)),
    processes: runs.api.at(-1)?.processes,
    rssEachAfterRunMiB: runs.api.at(-1)?.rssEachAfterRun?.map((b) => toMiB(b) ?? 0),
    errors: runs.http.reduce((sum, h) => sum + h.errors, 0),
    inProcessErrors: inProcess.reduce((sum, o) => sum + o.errors, 0),
  };
  // Only an engine with a server of its own (Meilisearch) has these.
  const server = {
    serverRssAfterStartMiB: toMiB(medianOf(runs.api, (a) => a.serverRssAfterStart)),
    serverRssAfterRunMiB: toMiB(medianOf(runs.api, (a) => a.serverRssAfterRun)),
    serverPeakRssMiB: toMiB(medianOf(runs.api, (a) => a.serverPeak)),
  };
  for (const [key, value] of Object.entries(server)) {
    if (value !== undefined) Object.assign(api, { [key]: value });
  }
  return api;
}

function summarizeIndexing(runs: readonly IndexRun[]): IndexingSummary | undefined {
  if (runs.length === 0) return undefined;
  const last = runs.at(-1)!;
  const out: IndexingSummary = {
    runs: runs.length,
    articlesPerSecond: medianOf(runs, (r) => r.articlesPerSecond)!,
    seconds: medianOf(runs, (r) => r.seconds)!,
    peakRssMiB: toMiB(medianOf(runs, (r) => r.peakRssBytes)),
    peakRssMethod: last.peakRssMethod,
    dbMiB: toMiB(last.dbBytes),
    walMiB: toMiB(last.walBytes),
    ...(last.articleCount !== undefined ? { articleCount: last.articleCount } : {}),
    summary: last.summary,
  };
  if (last.serverRssBytes !== undefined) out.serverRssMiB = toMiB(last.serverRssBytes);
  if (last.serverPeakRssBytes !== undefined) out.serverPeakRssMiB = toMiB(last.serverPeakRssBytes);
  return out;
}

/** Suggest or related latencies: their own series beside the search mix, HTTP and in-process. */
function summarizeExtra(
  httpRuns: EngineSeries['http'],
  inProcessRuns: readonly ProbeOutput[],
  key: 'suggestMs' | 'relatedMs',
): { count: number; figures: Omit<NonNullable<BenchResults['suggest']>, 'prefixes'> } | undefined {
  const http = httpRuns.filter((h) => h[key].length > 0);
  const inProcess = inProcessRuns.filter((o) => o[key].length > 0);
  if (http.length === 0 && inProcess.length === 0) return undefined;
  const toSeries = (runs: readonly Record<typeof key, (number | null)[]>[]) =>
    runs.map((r) => ({ ms: r[key], hits: [] }));
  const all = (http[0] ?? inProcess[0])![key].map((_, i) => i);
  const figures: Omit<NonNullable<BenchResults['suggest']>, 'prefixes'> = {};
  const httpSummary = summarizeRuns(toSeries(http), all);
  const inProcessSummary = summarizeRuns(toSeries(inProcess), all);
  if (httpSummary) figures.http = httpSummary;
  if (inProcessSummary) figures.inProcess = inProcessSummary;
  const overhead = pairedOverhead(toSeries(http), toSeries(inProcess), all);
  if (overhead !== undefined) figures.httpOverheadP50 = overhead;
  return { count: all.length, figures };
}
