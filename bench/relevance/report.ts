import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EngineName } from '../engines/engine-target.js';
import { renderGrid } from '../report/table.js';
import { ratioOf, type Scores } from './metrics.js';
import type { CollectionReport, EngineScores } from './run-eval.js';

/** The targets the lead tunes toward: ours / baseline nDCG@10. */
export const GOAL = { meanNdcgRatio: 1.08, perCollectionNdcgRatio: 1.02 } as const;

/** How every figure was obtained; printed and stored with each table. */
export const METHOD = {
  metrics:
    'nDCG@10: linear gains, log2(rank+1) discount, ideal = all judged gains; every collection binary (see gains). ' +
    'MAP@100: mean over queries with >= 1 relevant doc of AP over the top 100, denominator = all relevant docs. ' +
    'P@10: relevant in top 10 / 10. Only queries with >= 1 relevant doc are evaluated.',
  ours:
    'Docs loaded through indexSources into a fresh embedded index (title -> title, text -> body, section "Collection", ' +
    'date 2000-01-01); each query sent to GET /api/search?q=...&pageSize=100 (other parameters default) of createApp on 127.0.0.1. ' +
    'Query text: whitespace collapsed, `"` and word-initial `-` removed, cut at a word boundary to 512 chars; the last word stays a prefix.',
  baseline:
    "In-memory fts5(title, body, tokenize='unicode61 remove_diacritics 2'), ORDER BY bm25() (weights 1,1), top 100; " +
    "MATCH = OR of the full query text's words minus the NLTK English stop list, each quoted; no stemming, no term limit.",
  mean: 'Unweighted mean over the collections of each figure; mean ratio = mean ours / mean baseline.',
  engines:
    'With --engine sqlite,meilisearch: the same docs through the same indexSources into a fresh Meilisearch index ' +
    '(its own uid per collection, deleted afterwards) and the same query text to the same createApp on that engine; ' +
    '"ours", the goal and the gate stay SQLite\'s; /sqlite = that engine / SQLite.',
} as const;

/** An engine of the run and its version (SQLite's `sqlite_version()`, Meilisearch's `GET /version`). */
export interface EngineVersion {
  engine: EngineName;
  version: string;
}

/** What `relevance.json` holds. */
export interface RelevanceTable {
  generatedAt: string;
  label?: string;
  method: typeof METHOD;
  /** The engines of the run, SQLite first; "ours" is SQLite. */
  engines: EngineVersion[];
  collections: CollectionReport[];
  mean: { ours: Scores; baseline: Scores; ratio: Scores; engines?: EngineScores[] };
  goal: typeof GOAL & { met: boolean };
}

const mean = (rows: Scores[]): Scores => ({
  ndcg10: rows.reduce((s, r) => s + r.ndcg10, 0) / rows.length,
  map100: rows.reduce((s, r) => s + r.map100, 0) / rows.length,
  p10: rows.reduce((s, r) => s + r.p10, 0) / rows.length,
});

/** Builds the table, its mean row and whether the goal is met (on SQLite, "ours"). */
export function toTable(
  collections: CollectionReport[],
  label?: string,
  engines: EngineVersion[] = [],
): RelevanceTable {
  const ours = mean(collections.map((c) => c.ours));
  const baseline = mean(collections.map((c) => c.baseline));
  const ratio = ratioOf(ours, baseline);
  const met =
    ratio.ndcg10 >= GOAL.meanNdcgRatio && collections.every((c) => c.ratio.ndcg10 >= GOAL.perCollectionNdcgRatio);
  const table: RelevanceTable = {
    generatedAt: new Date().toISOString(),
    ...(label ? { label } : {}),
    method: METHOD,
    engines,
    collections,
    mean: { ours, baseline, ratio },
    goal: { ...GOAL, met },
  };
  if (engines.length > 1) table.mean.engines = meanPerEngine(engines, collections, ours, baseline);
  return table;
}

/** Each engine's mean over the collections; its ratios are ratios of the means, as for "ours". */
function meanPerEngine(
  engines: readonly EngineVersion[],
  collections: readonly CollectionReport[],
  sqlite: Scores,
  baseline: Scores,
): EngineScores[] {
  return engines.map(({ engine }) => {
    const rows = collections.flatMap((c) => c.engines?.filter((e) => e.engine === engine) ?? []);
    const scores = mean(rows.map((r) => r.scores));
    return {
      engine,
      scores,
      vsBaseline: ratioOf(scores, baseline),
      vsSqlite: ratioOf(scores, sqlite),
      zeroResults: rows.reduce((sum, r) => sum + r.zeroResults, 0),
    };
  });
}

/**
 * Every engine of the run and the baseline, one line each per collection and for the mean:
 * nDCG@10, MAP@100 and P@10, each with its ratio to SQLite and to the baseline.
 */
export function formatEngineTable(table: RelevanceTable): string {
  const labels = new Map(table.engines.map((e) => [e.engine, `${e.engine} ${e.version}`]));
  const line = (
    collection: string,
    who: string,
    s: Scores,
    vsSqlite: Scores | undefined,
    vsBm25: Scores | undefined,
    zero: string,
  ) => [
    collection,
    who,
    f3(s.ndcg10),
    vsSqlite ? fr(vsSqlite.ndcg10) : '-',
    vsBm25 ? fr(vsBm25.ndcg10) : '-',
    f3(s.map100),
    vsSqlite ? fr(vsSqlite.map100) : '-',
    f3(s.p10),
    vsSqlite ? fr(vsSqlite.p10) : '-',
    zero,
  ];
  const block = (collection: string, engines: readonly EngineScores[], baseline: Scores, sqlite: Scores) => [
    ...engines.map((e) =>
      line(collection, labels.get(e.engine) ?? e.engine, e.scores, e.vsSqlite, e.vsBaseline, String(e.zeroResults)),
    ),
    line(collection, 'bm25 baseline', baseline, ratioOf(baseline, sqlite), undefined, '-'),
  ];
  const rows = [
    ...table.collections.flatMap((c) => block(c.collection, c.engines ?? [], c.baseline, c.ours)),
    ...block('mean', table.mean.engines ?? [], table.mean.baseline, table.mean.ours),
  ];
  return [
    renderGrid(
      ['collection', 'engine', 'nDCG@10', '/sqlite', '/bm25', 'MAP@100', '/sqlite', 'P@10', '/sqlite', 'zero'],
      rows,
    ),
    '',
    '/sqlite: this engine / SQLite on the same queries (> 1 = ranks better than SQLite); /bm25: this engine / the baseline;',
    'zero: queries answered with no hit (the mean row sums them). Same docs, same query text, same API (createApp) on each engine.',
  ].join('\n');
}

const f3 = (n: number) => n.toFixed(3);
const fr = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}x` : 'inf');
const pad = (cells: string[], widths: number[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');

/** The table as fixed-width text, one row per collection and a mean row. */
export function formatTable(table: RelevanceTable): string {
  const widths = [10, 6, 7, 7, 7, 6, 7, 7, 6, 7, 7, 6, 5, 6, 5];
  const head = [
    'collection',
    'docs',
    'queries',
    'nDCG10',
    'bm25',
    'ratio',
    'MAP100',
    'bm25',
    'ratio',
    'P@10',
    'bm25',
    'ratio',
    '>512',
    '>10w',
    'zero',
  ];
  const row = (name: string, docs: string, queries: string, o: Scores, b: Scores, r: Scores, notes: string[]) =>
    pad(
      [
        name,
        docs,
        queries,
        f3(o.ndcg10),
        f3(b.ndcg10),
        fr(r.ndcg10),
        f3(o.map100),
        f3(b.map100),
        fr(r.map100),
        f3(o.p10),
        f3(b.p10),
        fr(r.p10),
        ...notes,
      ],
      widths,
    );
  const lines = [pad(head, widths)];
  for (const c of table.collections) {
    const n = c.notes;
    lines.push(
      row(c.collection, String(c.documents), String(c.queries), c.ours, c.baseline, c.ratio, [
        String(n.truncated),
        String(n.overTermLimit),
        String(n.zeroResults),
      ]),
    );
  }
  const m = table.mean;
  lines.push(row('mean', '', '', m.ours, m.baseline, m.ratio, ['', '', '']));
  lines.push(
    '',
    ">512: queries cut at a word boundary to the API's 512-char q limit; >10w: queries with more than 10 distinct words",
    '(the engine considers only the first 10); zero: queries the API answered with no hit.',
    `Goal (ours/bm25 nDCG@10 >= ${GOAL.meanNdcgRatio}x on the mean, >= ${GOAL.perCollectionNdcgRatio}x on each): ${table.goal.met ? 'met' : 'NOT met'}.`,
  );
  return lines.join('\n');
}

/** Writes `relevance.json`, pretty-printed. */
export async function writeTable(path: string, table: RelevanceTable): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(table, null, 2)}\n`);
}

/** Appends the table (without the method text) to the history file, creating it if needed. */
export async function appendHistory(path: string, table: RelevanceTable): Promise<void> {
  let history: unknown[] = [];
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (!Array.isArray(parsed)) throw new Error(`${path} does not hold a JSON array`);
    history = parsed;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { method: _method, ...entry } = table;
  history.push(entry);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(history, null, 2)}\n`);
}
