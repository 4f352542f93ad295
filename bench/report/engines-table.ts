import { ratio } from '../lib/stats.js';
import type { EngineLatencyRow } from './aggregate.js';
import type { BenchResults, EngineResults } from './results.js';
import { ms, renderGrid } from './table.js';

/**
 * An engine as every side-by-side figure names it: engine and version.
 * @example engineLabel({ engine: 'meilisearch', version: '1.48.3' }) -> "meilisearch 1.48.3"
 */
export function engineLabel(e: Pick<EngineResults, 'engine' | 'version'>): string {
  return `${e.engine} ${e.version}`;
}

const int = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '-' : Math.round(v).toLocaleString('en-US');
/** A ratio other / sqlite, "-" when either side is missing. */
const times = (other: number | undefined, sqlite: number | undefined) => {
  const r = ratio(other, sqlite);
  return r === undefined || !Number.isFinite(r) ? '-' : `${r < 0.1 ? r.toFixed(3) : r.toFixed(2)}x`;
};
const frac = (a?: { equal: number; total: number }) => (a ? `${a.equal}/${a.total}` : '-');

/**
 * Latency over HTTP per engine, one row per query type, the mix and suggest; then for each
 * engine other than SQLite its p50 and p95 over SQLite's (< 1 = faster than SQLite) and how
 * many of its totals equal SQLite's for the same query.
 */
export function renderEngineLatencyTable(engines: readonly EngineResults[]): string {
  const [sqlite, ...others] = engines;
  if (!sqlite) return '';
  const header = [
    'query',
    ...engines.flatMap((e) => [`${engineLabel(e)} p50`, `p95`]),
    ...others.flatMap((e) => [`${e.engine}/sqlite p50`, 'p95', `${e.engine} totals = sqlite`]),
  ];
  const rowOf = (e: EngineResults, key: string) => e.latency.find((r) => r.key === key);
  const body = sqlite.latency.map((row) => [
    row.key,
    ...engines.flatMap((e) => [ms(rowOf(e, row.key)?.http?.p50), ms(rowOf(e, row.key)?.http?.p95)]),
    ...others.flatMap((e) => {
      const other: EngineLatencyRow | undefined = rowOf(e, row.key);
      return [
        times(other?.http?.p50, row.http?.p50),
        times(other?.http?.p95, row.http?.p95),
        frac(other?.totalsVsSqlite),
      ];
    }),
  ]);
  body.push([
    'suggest',
    ...engines.flatMap((e) => [ms(e.suggest?.http?.p50), ms(e.suggest?.http?.p95)]),
    ...others.flatMap((e) => [
      times(e.suggest?.http?.p50, sqlite.suggest?.http?.p50),
      times(e.suggest?.http?.p95, sqlite.suggest?.http?.p95),
      '-',
    ]),
  ]);
  return renderGrid(header, body);
}

/** One figure of the indexing and memory table: its name and how to read it from an engine's results. */
interface Figure {
  name: string;
  value(e: EngineResults): number | undefined;
  /** Printed instead of "-" when the engine has no such thing (SQLite has no server process). */
  absent?(e: EngineResults): string | undefined;
  /** Decimals to print (default: a whole number). */
  digits?: number;
}

const embedded = (e: EngineResults) => (e.engine === 'sqlite' ? '(embedded)' : e.serverMemoryNote);
const serverTotal = (e: EngineResults) =>
  e.api?.rssAfterRunMiB === undefined
    ? undefined
    : e.engine === 'sqlite'
      ? e.api.rssAfterRunMiB
      : e.api.serverRssAfterRunMiB === undefined
        ? undefined
        : e.api.rssAfterRunMiB + e.api.serverRssAfterRunMiB;

const FIGURES: readonly Figure[] = [
  { name: 'indexing rate, articles/s (indexer CLI, end to end)', value: (e) => e.indexing?.articlesPerSecond },
  { name: 'indexing time, s', value: (e) => e.indexing?.seconds, digits: 1 },
  { name: 'indexer CLI peak RSS, MiB', value: (e) => e.indexing?.peakRssMiB },
  {
    name: 'index on disk, MiB',
    value: (e) => (e.indexing?.dbMiB === undefined ? undefined : e.indexing.dbMiB + (e.indexing.walMiB ?? 0)),
    // An existing server's database holds other indexes too; only a throwaway one is measured.
    absent: (e) => (e.engine === 'meilisearch' && e.indexing ? 'not measured (existing server)' : undefined),
  },
  { name: 'engine server RSS after indexing, MiB', value: (e) => e.indexing?.serverRssMiB, absent: embedded },
  { name: 'API RSS after start, MiB', value: (e) => e.api?.rssAfterStartMiB },
  { name: 'API RSS after the run, MiB', value: (e) => e.api?.rssAfterRunMiB },
  { name: 'API peak RSS (VmHWM), MiB', value: (e) => e.api?.peakRssMiB },
  { name: 'engine server RSS after API start, MiB', value: (e) => e.api?.serverRssAfterStartMiB, absent: embedded },
  { name: 'engine server RSS after the run, MiB', value: (e) => e.api?.serverRssAfterRunMiB, absent: embedded },
  {
    name: 'engine server peak RSS (VmHWM since it started), MiB',
    value: (e) => e.api?.serverPeakRssMiB,
    absent: embedded,
  },
  { name: 'API + engine server RSS after the run, MiB', value: serverTotal },
  { name: 'API start until /ready, ms', value: (e) => e.api?.startMs },
  { name: 'throughput, searches/s (16 connections)', value: (e) => e.throughput?.requestsPerSecond },
  { name: 'failed requests over HTTP', value: (e) => e.api?.errors },
];

/** Indexing and memory per engine, with each other engine's ratio to SQLite. */
export function renderEngineResourceTable(engines: readonly EngineResults[]): string {
  const [sqlite, ...others] = engines;
  if (!sqlite) return '';
  const header = ['figure', ...engines.map(engineLabel), ...others.map((e) => `${e.engine}/sqlite`)];
  const cell = (figure: Figure, e: EngineResults) => {
    const value = figure.value(e);
    if (value !== undefined) return figure.digits ? value.toFixed(figure.digits) : int(value);
    return figure.absent?.(e) ?? '-';
  };
  const rows = FIGURES.map((figure) => [
    figure.name,
    ...engines.map((e) => cell(figure, e)),
    ...others.map((e) => times(figure.value(e), figure.value(sqlite))),
  ]);
  return renderGrid(header, rows);
}

/** The side-by-side section of the report, printed when the run has more than one engine. */
export function renderEnginesSection(r: BenchResults): string[] {
  if (r.engines.length < 2) return [];
  return [
    `Side by side: the same ${r.corpus.n.toLocaleString('en-US')} articles and queries through the same API ` +
      `(src/server.ts over HTTP, indexer CLI), medians of ${r.options.runs} run(s), engines in turn within each run`,
    ...r.engines.map((e) => `  ${engineLabel(e)}: ${e.origin}`),
    '',
    'Latency over HTTP (ms)',
    renderEngineLatencyTable(r.engines),
    '',
    'Indexing and memory',
    renderEngineResourceTable(r.engines),
    '',
    'Ratios: other engine / sqlite (< 1 = lower than SQLite: faster, or less memory; > 1 for articles/s and searches/s = more).',
    'totals = sqlite: queries whose totalHits equals SQLite’s for the same query (last run).',
    "Index on disk: SQLite db + WAL; Meilisearch: the used size of a throwaway server's database (articles and title vocabulary).",
    'Engine server RSS: the Meilisearch process (VmRSS, including the pages of its memory-mapped index it touched);',
    'SQLite runs inside the API process, so its API RSS is the whole service. In-process, floor and peers: SQLite only.',
  ];
}
