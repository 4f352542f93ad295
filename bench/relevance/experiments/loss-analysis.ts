/**
 * `npm run eval -- --details /tmp/details.json && npx tsx bench/relevance/experiments/loss-analysis.ts /tmp/details.json`
 *
 * Per-query view of where the API loses to the BM25 baseline: wins and losses, long queries
 * (the 10-term cap), stop words among the terms the engine keeps, queries with no hit, and
 * the worst queries with the words the engine actually used.
 */
import { readFile } from 'node:fs/promises';
import type { QueryDetail } from '../run-eval.js';
import { consideredWords } from '../query-text.js';
import { ENGLISH_STOP_WORDS } from '../stop-words.js';

const mean = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
const f = (n: number) => (Number.isNaN(n) ? '  -  ' : n.toFixed(3));
const EPS = 1e-9;

/** "n=12 ours 0.210 bm25 0.350" for a group of queries. */
function group(queries: QueryDetail[]): string {
  return `n=${String(queries.length).padStart(3)} ours ${f(mean(queries.map((q) => q.ours.ndcg10)))} bm25 ${f(mean(queries.map((q) => q.baseline.ndcg10)))}`;
}

function analyse(name: string, queries: QueryDetail[]): void {
  const worse = queries.filter((q) => q.ours.ndcg10 < q.baseline.ndcg10 - EPS);
  const better = queries.filter((q) => q.ours.ndcg10 > q.baseline.ndcg10 + EPS);
  const stopsKept = (q: QueryDetail) => consideredWords(q.q).filter((w) => ENGLISH_STOP_WORDS.has(w)).length;
  const overlap = mean(queries.map((q) => q.ourTop.filter((id) => q.baselineTop.includes(id)).length));
  console.log(
    `\n== ${name}: ${queries.length} queries; nDCG@10 worse ${worse.length}, better ${better.length}, tied ${queries.length - worse.length - better.length}`,
  );
  console.log(`  <= 10 words          ${group(queries.filter((q) => q.distinctWords <= 10))}`);
  console.log(`  11-20 words          ${group(queries.filter((q) => q.distinctWords > 10 && q.distinctWords <= 20))}`);
  console.log(`  > 20 words           ${group(queries.filter((q) => q.distinctWords > 20))}`);
  console.log(`  0-2 stop words kept  ${group(queries.filter((q) => stopsKept(q) <= 2))}`);
  console.log(`  3-5 stop words kept  ${group(queries.filter((q) => stopsKept(q) >= 3 && stopsKept(q) <= 5))}`);
  console.log(`  6+ stop words kept   ${group(queries.filter((q) => stopsKept(q) >= 6))}`);
  console.log(`  mean stop words among the words the engine keeps: ${mean(queries.map(stopsKept)).toFixed(1)}`);
  console.log(
    `  no hit: ours ${queries.filter((q) => q.totalHits === 0).length}, ours nDCG 0 where bm25 > 0: ${queries.filter((q) => q.ours.ndcg10 === 0 && q.baseline.ndcg10 > 0).length}`,
  );
  console.log(
    `  mean totalHits ${mean(queries.map((q) => q.totalHits)).toFixed(0)}; mean top-10 overlap with bm25 ${overlap.toFixed(1)} docs`,
  );
  const worst = [...queries]
    .sort((a, b) => a.ours.ndcg10 - a.baseline.ndcg10 - (b.ours.ndcg10 - b.baseline.ndcg10))
    .slice(0, 3);
  for (const q of worst) {
    const kept = consideredWords(q.q)
      .map((w) => (ENGLISH_STOP_WORDS.has(w) ? `[${w}]` : w))
      .join(' ');
    console.log(
      `  worst q${q.id}: ours ${f(q.ours.ndcg10)} bm25 ${f(q.baseline.ndcg10)}, ${q.distinctWords} words; engine keeps: ${kept}`,
    );
  }
}

async function main() {
  const path = process.argv[2];
  if (!path) throw new Error('usage: loss-analysis.ts <details.json from eval --details>');
  const details = JSON.parse(await readFile(path, 'utf8')) as Record<string, QueryDetail[]>;
  console.log('Stop words in [brackets] are in the NLTK English list; the engine keeps the first 10 distinct words.');
  for (const [name, queries] of Object.entries(details)) analyse(name, queries);
}

await main();
