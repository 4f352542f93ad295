import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ratioOf, type Scores } from './metrics.js';
import type { CollectionReport } from './run-eval.js';

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
} as const;

/** What `relevance.json` holds. */
export interface RelevanceTable {
  generatedAt: string;
  label?: string;
  method: typeof METHOD;
  collections: CollectionReport[];
  mean: { ours: Scores; baseline: Scores; ratio: Scores };
  goal: typeof GOAL & { met: boolean };
}

const mean = (rows: Scores[]): Scores => ({
  ndcg10: rows.reduce((s, r) => s + r.ndcg10, 0) / rows.length,
  map100: rows.reduce((s, r) => s + r.map100, 0) / rows.length,
  p10: rows.reduce((s, r) => s + r.p10, 0) / rows.length,
});

/** Builds the table, its mean row and whether the goal is met. */
export function toTable(collections: CollectionReport[], label?: string): RelevanceTable {
  const ours = mean(collections.map((c) => c.ours));
  const baseline = mean(collections.map((c) => c.baseline));
  const ratio = ratioOf(ours, baseline);
  const met =
    ratio.ndcg10 >= GOAL.meanNdcgRatio && collections.every((c) => c.ratio.ndcg10 >= GOAL.perCollectionNdcgRatio);
  return {
    generatedAt: new Date().toISOString(),
    ...(label ? { label } : {}),
    method: METHOD,
    collections,
    mean: { ours, baseline, ratio },
    goal: { ...GOAL, met },
  };
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
