import { parseQuery } from '../../src/search/query/parse-query.js';
import type { Corpus } from '../corpus/corpus-stats.js';
import { toMiB } from '../lib/proc.js';
import { medianOf, PERCENTILE_METHOD } from '../lib/stats.js';
import type { RunSeries } from '../measure-runs.js';
import type { BenchOptions } from '../options.js';
import type { PeerName } from '../peers/peer-engine.js';
import type { PeerRun } from '../peers/run-peers.js';
import type { IndexRun } from '../probes/index-probe.js';
import { QUERY_TYPES, type BenchQuery } from '../queries/query-mix.js';
import { latencyRow, pairedOverhead, summarizeRuns, type LatencyInputs } from './aggregate.js';
import type { BenchResults } from './results.js';
import { evaluateTargets } from './targets.js';

/** Everything measured, before reduction. */
export interface SummaryInputs {
  options: BenchOptions;
  corpus: Corpus;
  ndjsonBytes: number;
  indexRuns: readonly IndexRun[];
  series: RunSeries;
  peers: Partial<Record<PeerName, PeerRun>>;
  queries: readonly BenchQuery[];
  machine: BenchResults['machine'];
}

/** Reduces every run to medians and summaries, and judges the targets. */
export function summarizeResults(input: SummaryInputs): BenchResults {
  const { options, corpus, series } = input;
  const n = corpus.stats.n;
  const latencyInputs: LatencyInputs = {
    types: input.queries.map((q) => q.type),
    multiTerm: input.queries.map((q) => parseQuery(q.params.q ?? '').terms.length > 1),
    n,
    http: series.http,
    inProcess: series.inProcess,
    floor: series.floor,
    peers: Object.fromEntries(
      Object.entries(input.peers).flatMap(([name, run]) =>
        run.output ? [[name, { output: run.output, finished: run.finished }]] : [],
      ),
    ),
  };
  const partial: Omit<BenchResults, 'targets'> = {
    version: 1,
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
    },
    corpus: { name: corpus.name, n, ndjsonMiB: toMiB(input.ndjsonBytes) ?? 0 },
    percentileMethod: PERCENTILE_METHOD,
    latency: [...QUERY_TYPES, 'mix' as const].map((key) => latencyRow(key, latencyInputs)),
    peers: Object.fromEntries(Object.entries(input.peers).map(([name, run]) => [name, run.summary])),
  };
  const indexing = summarizeIndexing(input.indexRuns, series);
  if (indexing) partial.indexing = indexing;
  if (series.api.length > 0) {
    partial.api = {
      startMs: medianOf(series.api, (a) => a.startMs),
      rssAfterStartMiB: toMiB(medianOf(series.api, (a) => a.rssAfterStart)),
      rssAfterRunMiB: toMiB(medianOf(series.api, (a) => a.rssAfterRun)),
      peakRssMiB: toMiB(medianOf(series.api, (a) => a.peak)),
      errors: series.http.reduce((sum, h) => sum + h.errors, 0),
      inProcessErrors: series.inProcess.reduce((sum, o) => sum + o.errors, 0),
    };
  }
  const openMs = medianOf(series.inProcess, (o) => (typeof o.meta.openMs === 'number' ? o.meta.openMs : undefined));
  if (openMs !== undefined) partial.inProcessOpenMs = openMs;
  const suggest = summarizeExtra(series, 'suggestMs');
  if (suggest) partial.suggest = { prefixes: suggest.count, ...suggest.figures };
  const related = summarizeExtra(series, 'relatedMs');
  if (related) partial.related = { articles: related.count, ...related.figures };
  if (series.throughput.length > 0) {
    const middle = [...series.throughput].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[
      Math.floor(series.throughput.length / 2)
    ]!;
    partial.throughput = { ...middle, runs: series.throughput.length };
  }
  return { ...partial, targets: evaluateTargets(partial) };
}

function summarizeIndexing(runs: readonly IndexRun[], series: RunSeries): BenchResults['indexing'] {
  if (runs.length === 0) return undefined;
  const last = runs.at(-1)!;
  const count = series.inProcess.at(-1)?.meta.articleCount;
  return {
    runs: runs.length,
    articlesPerSecond: medianOf(runs, (r) => r.articlesPerSecond)!,
    seconds: medianOf(runs, (r) => r.seconds)!,
    peakRssMiB: toMiB(medianOf(runs, (r) => r.peakRssBytes)),
    peakRssMethod: last.peakRssMethod,
    dbMiB: toMiB(last.dbBytes)!,
    walMiB: toMiB(last.walBytes)!,
    ...(typeof count === 'number' ? { articleCount: count } : {}),
    summary: last.summary,
  };
}

/** Suggest or related latencies: their own series beside the search mix, HTTP and in-process. */
function summarizeExtra(
  series: RunSeries,
  key: 'suggestMs' | 'relatedMs',
): { count: number; figures: Omit<NonNullable<BenchResults['suggest']>, 'prefixes'> } | undefined {
  const http = series.http.filter((h) => h[key].length > 0);
  const inProcess = series.inProcess.filter((o) => o[key].length > 0);
  if (http.length === 0 && inProcess.length === 0) return undefined;
  const toSeries = (runs: Record<typeof key, (number | null)[]>[]) => runs.map((r) => ({ ms: r[key], hits: [] }));
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
