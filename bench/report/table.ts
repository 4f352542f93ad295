import { PERCENTILE_METHOD, ratio } from '../lib/stats.js';
import { PEERS, type PeerName } from '../peers/peer-engine.js';
import { QUERY_TYPE_LEGEND } from '../queries/query-mix.js';
import type { LatencyRow, PeerCell } from './aggregate.js';
import type { BenchResults, TargetCheck } from './results.js';

/**
 * Milliseconds with precision that fits their size.
 * @example ms(0.4567) -> "0.46"; ms(12.34) -> "12.3"; ms(456.7) -> "457"; ms(undefined) -> "-"
 */
export function ms(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toString();
}

const int = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '-' : Math.round(v).toLocaleString('en-US');
const times = (v: number | undefined) => (v === undefined ? '-' : `${v < 0.1 ? v.toFixed(3) : v.toFixed(2)}x`);

/** Pads columns to a plain-text table (first column left-aligned, the rest right-aligned). */
export function renderGrid(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

function peerText(cell: PeerCell | undefined): string {
  if (!cell) return '-';
  if (cell.status === 'unsupported') return 'n/a';
  if (cell.status === 'dnf') return 'dnf';
  return `${ms(cell.latency?.p50)}${cell.status === 'partial' ? '*' : ''}`;
}

/**
 * THE table: one row per query type plus the whole mix and suggest; medians of runs.
 * Ratios compare our in-process p50 with each peer's (both without HTTP); below 1 = we are faster.
 */
export function renderLatencyTable(
  rows: readonly LatencyRow[],
  suggest: BenchResults['suggest'],
  peers: readonly PeerName[],
  related?: BenchResults['related'],
): string {
  const header = [
    'query',
    'hits (mean)',
    '% of n',
    'HTTP p50',
    'HTTP p95',
    'HTTP p99',
    'in-proc p50',
    'in-proc p95',
    'floor p50',
    'HTTP +p50',
    ...peers.flatMap((p) => [`${p} p50`, `ours/${p}`]),
  ];
  const body = rows.map((row) => [
    row.key,
    int(row.hits?.mean),
    row.hits ? `${(row.hits.share * 100).toFixed(1)}` : '-',
    ms(row.http?.p50),
    ms(row.http?.p95),
    ms(row.http?.p99),
    ms(row.inProcess?.p50),
    ms(row.inProcess?.p95),
    ms(row.floor?.p50),
    ms(row.httpOverheadP50),
    ...peers.flatMap((p) => {
      const cell = row.peers[p];
      return [peerText(cell), cell?.latency ? times(ratio(row.inProcess?.p50, cell.latency.p50)) : '-'];
    }),
  ]);
  for (const [key, extra] of [
    ['suggest', suggest],
    ['related', related],
  ] as const) {
    if (!extra) continue;
    body.push([
      key,
      '-',
      '-',
      ms(extra.http?.p50),
      ms(extra.http?.p95),
      ms(extra.http?.p99),
      ms(extra.inProcess?.p50),
      ms(extra.inProcess?.p95),
      '-',
      ms(extra.httpOverheadP50),
      ...peers.flatMap(() => ['n/a', '-']),
    ]);
  }
  return renderGrid(header, body);
}

/** Indexing and memory: ours through the CLI and the API, the peers in their own processes. */
export function renderIndexTable(r: Pick<BenchResults, 'indexing' | 'api' | 'peers' | 'corpus'>): string {
  const header = [
    'engine',
    'articles/s',
    'seconds',
    'peak RSS MiB',
    'index on disk MiB',
    'heap after index MiB',
    'API RSS start / after run / peak MiB',
  ];
  const rows: string[][] = [];
  if (r.indexing) {
    const api = r.api
      ? `${int(r.api.rssAfterStartMiB)} / ${int(r.api.rssAfterRunMiB)} / ${int(r.api.peakRssMiB)}`
      : '-';
    const { dbMiB, walMiB } = r.indexing;
    rows.push([
      'sqlite (indexer CLI)',
      int(r.indexing.articlesPerSecond),
      r.indexing.seconds.toFixed(1),
      int(r.indexing.peakRssMiB),
      dbMiB === undefined ? '-' : `${int(dbMiB + (walMiB ?? 0))} (db ${int(dbMiB)} + wal ${int(walMiB)})`,
      '-',
      api,
    ]);
  }
  for (const name of PEERS) {
    const p = r.peers[name];
    if (!p) continue;
    const label =
      p.status === 'ok'
        ? name
        : `${name} (${p.status}${p.indexed !== undefined && p.indexed < r.corpus.n ? `: ${int(p.indexed)} of ${int(r.corpus.n)} indexed` : ''})`;
    rows.push([
      label,
      int(p.articlesPerSecond),
      p.indexSeconds?.toFixed(1) ?? '-',
      int(p.peakRssMiB),
      '(in memory)',
      int(p.heapAfterIndexMiB),
      '-',
    ]);
  }
  return renderGrid(header, rows);
}

/** Targets with pass/miss ("n/a" when not measured or not applicable at this size), and what bounds each miss. */
export function renderTargets(checks: readonly TargetCheck[]): string {
  return renderGrid(
    ['target', 'bound', 'measured', 'verdict', 'a miss is bounded by (measured)'],
    checks.map((c) => [
      c.name,
      c.target,
      c.value === undefined ? '-' : `${c.value < 100 ? c.value.toFixed(2) : int(c.value)} ${c.unit}`.trim(),
      c.pass === undefined ? `n/a${c.note ? ` (${c.note})` : ''}` : c.pass ? 'pass' : 'MISS',
      c.bound ?? '',
    ]),
  );
}

/** Hit ranges and the cross-checks between the sides (last run). */
export function renderChecks(rows: readonly LatencyRow[], peers: readonly PeerName[]): string {
  const frac = (a?: { equal: number; total: number }) => (a ? `${a.equal}/${a.total}` : '-');
  return renderGrid(
    [
      'query',
      'hits min',
      'hits max',
      'in-proc = HTTP',
      'floor = engine (full matches)',
      'floor hits (mean)',
      ...peers.map((p) => `${p} hits (mean)`),
    ],
    rows
      .filter((r) => r.key !== 'mix')
      .map((r) => [
        r.key,
        int(r.hits?.min),
        int(r.hits?.max),
        frac(r.inProcessVsHttp),
        frac(r.floorVsEngine),
        int(r.floorMeanHits),
        ...peers.map((p) => int(r.peers[p]?.meanHits)),
      ]),
  );
}

/** The legend under the tables: what each row is and how figures were reduced. */
export function renderLegend(runs: number): string {
  const types = Object.entries(QUERY_TYPE_LEGEND).map(([k, v]) => `  ${k.padEnd(13)} ${v}`);
  return [
    `Medians of ${runs} run(s), each in fresh processes; percentiles: ${PERCENTILE_METHOD}.`,
    'Complete words are sent with a trailing space (exact last word); types without facets send facets= (none).',
    "HTTP +p50: median of per-query (HTTP - in-process). ours/peer: our in-process p50 / the peer's p50 (< 1 = ours faster).",
    'floor = engine: queries with one term or >= 20 full matches (below 20 the engine adds partial matches; the floor counts full ones).',
    'Peers: one run, in-process; n/a = the library cannot answer the type; dnf = out of time; * = cut short by the time bound.',
    ...types,
    `  ${'suggest'.padEnd(13)} /api/suggest?q= over keystroke prefixes of real titles`,
    `  ${'related'.padEnd(13)} /api/articles/:id/related (default limit 5) for articles spread evenly over the index`,
  ].join('\n');
}
