/**
 * `npx tsx bench/relevance/experiments/bm25-variants.ts [cran,med,...]`
 *
 * Prototype rankings on plain FTS5, to size what a ranking change could gain or cost before
 * the engine gets it: stemming, field weights, the stop list, the 10-term cap and the
 * all-words-first rule. Prints nDCG@10 / MAP@100 / P@10 per variant and collection.
 */
import { tokenize } from '../../../src/text/normalize.js';
import { BASELINE_TOKENIZER, openBm25Ranker, type Bm25Options, type Bm25Ranker } from '../baseline-bm25.js';
import { DEFAULT_COLLECTIONS, DEFAULT_DATA_DIR, loadCollection, type CollectionName } from '../collections.js';
import { meanScores } from '../metrics.js';
import { ENGLISH_STOP_WORDS } from '../stop-words.js';
import { printVariants, record, type VariantTable } from './variant-table.js';

const PORTER = `porter ${BASELINE_TOKENIZER}`;
const NONE = new Set<string>();

/** The query's distinct folded words, optionally without stop words, at most `cap`. */
function words(text: string, { stop = true, cap = Infinity }: { stop?: boolean; cap?: number } = {}): string[] {
  return [...new Set(tokenize(text))].filter((w) => !stop || !ENGLISH_STOP_WORDS.has(w)).slice(0, cap);
}

const quoted = (ws: string[]) => ws.map((w) => `"${w}"`);

/** Ranks docs holding every word first, then (only when fewer than 20 hold all) docs holding some. */
function allWordsFirst(ranker: Bm25Ranker, ws: string[], k: number, minAll = 20): string[] {
  if (ws.length === 0) return [];
  const all = ranker.rankMatch(quoted(ws).join(' AND '), k);
  if (all.length >= minAll) return all;
  const seen = new Set(all);
  return [...all, ...ranker.rankMatch(quoted(ws).join(' OR '), k).filter((id) => !seen.has(id))].slice(0, k);
}

interface Variant {
  name: string;
  index?: Bm25Options;
  rank: (ranker: Bm25Ranker, text: string) => string[];
}

const or = (ws: string[]) => (ranker: Bm25Ranker) =>
  ws.length === 0 ? [] : ranker.rankMatch(quoted(ws).join(' OR '), 100);

const VARIANTS: Variant[] = [
  { name: 'baseline: bm25, OR, stop list', rank: (r, t) => r.search(t, 100) },
  { name: 'bm25 + porter stemming', index: { tokenize: PORTER }, rank: (r, t) => r.search(t, 100) },
  { name: 'bm25, title weight 2', index: { weights: [2, 1] }, rank: (r, t) => r.search(t, 100) },
  { name: 'bm25, title weight 0.5', index: { weights: [0.5, 1] }, rank: (r, t) => r.search(t, 100) },
  { name: 'bm25, no stop list', index: { stopWords: NONE }, rank: (r, t) => r.search(t, 100) },
  {
    name: 'bm25, first 10 words (stop words count)',
    rank: (r, t) => or(words(t, { stop: false, cap: 10 }).filter((w) => !ENGLISH_STOP_WORDS.has(w)))(r),
  },
  { name: 'bm25, first 10 non-stop words', rank: (r, t) => or(words(t, { cap: 10 }))(r) },
  {
    name: 'all-words-first, first 10 words, no stop list',
    rank: (r, t) => allWordsFirst(r, words(t, { stop: false, cap: 10 }), 100),
  },
  { name: 'all-words-first, first 10 non-stop words', rank: (r, t) => allWordsFirst(r, words(t, { cap: 10 }), 100) },
  { name: 'all-words-first, all non-stop words', rank: (r, t) => allWordsFirst(r, words(t), 100) },
  {
    name: 'porter + first 10 non-stop words',
    index: { tokenize: PORTER },
    rank: (r, t) => or(words(t, { cap: 10 }))(r),
  },
  { name: 'porter + title weight 2', index: { tokenize: PORTER, weights: [2, 1] }, rank: (r, t) => r.search(t, 100) },
];

async function main() {
  const names = (process.argv[2]?.split(',') ?? DEFAULT_COLLECTIONS) as CollectionName[];
  const table: VariantTable = new Map();
  for (const name of names) {
    const collection = await loadCollection(DEFAULT_DATA_DIR, name);
    for (const variant of VARIANTS) {
      const ranker = openBm25Ranker(collection.docs, variant.index);
      const runs = new Map(collection.queries.map((q) => [q.id, variant.rank(ranker, q.text)] as const));
      ranker.close();
      record(table, variant.name, name, meanScores(runs, collection.qrels));
    }
  }
  printVariants(table, names, table.get(VARIANTS[0]!.name)!);
}

await main();
