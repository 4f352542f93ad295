/**
 * `npx tsx bench/relevance/experiments/api-query-variants.ts [cran,med,...]`
 *
 * The real engine through the real API, with the query text changed on the client side, to
 * measure what the engine would gain from doing the same internally: dropping stop words
 * before the 10-term cap, or not treating the last word as a typed prefix.
 */
import { openApiRanker } from '../api-ranker.js';
import { DEFAULT_COLLECTIONS, DEFAULT_DATA_DIR, loadCollection, type CollectionName } from '../collections.js';
import { meanScores } from '../metrics.js';
import { toApiQuery, toBm25Match } from '../query-text.js';
import { openBm25Ranker } from '../baseline-bm25.js';
import { printVariants, record, type VariantTable } from './variant-table.js';

/** The query's words without stop words, in order, as plain text. */
function withoutStopWords(text: string): string {
  return (toBm25Match(text) ?? '').replace(/"/g, '').split(' OR ').join(' ');
}

const VARIANTS: { name: string; toQ: (text: string) => string }[] = [
  { name: 'as the eval sends it (last word a prefix)', toQ: (t) => toApiQuery(t).q },
  { name: 'trailing space (no prefix)', toQ: (t) => `${toApiQuery(t, 511).q} ` },
  { name: 'stop words removed (last word a prefix)', toQ: (t) => toApiQuery(withoutStopWords(t)).q },
  { name: 'stop words removed, trailing space', toQ: (t) => `${toApiQuery(withoutStopWords(t), 511).q} ` },
];

async function main() {
  const names = (process.argv[2]?.split(',') ?? DEFAULT_COLLECTIONS) as CollectionName[];
  const table: VariantTable = new Map();
  for (const name of names) {
    const collection = await loadCollection(DEFAULT_DATA_DIR, name);
    const baseline = openBm25Ranker(collection.docs);
    record(
      table,
      'BM25 baseline',
      name,
      meanScores(new Map(collection.queries.map((q) => [q.id, baseline.search(q.text, 100)])), collection.qrels),
    );
    baseline.close();
    const api = await openApiRanker(collection.docs);
    try {
      for (const variant of VARIANTS) {
        const runs = new Map<string, string[]>();
        for (const query of collection.queries) runs.set(query.id, (await api.search(variant.toQ(query.text))).ids);
        record(table, variant.name, name, meanScores(runs, collection.qrels));
      }
    } finally {
      await api.close();
    }
  }
  printVariants(table, names, table.get('BM25 baseline')!);
}

await main();
