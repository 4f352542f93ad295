import type { CollectionName } from '../collections.js';
import type { Scores } from '../metrics.js';

/** Variant name -> collection -> scores, in insertion order; the first variant is the reference. */
export type VariantTable = Map<string, Map<CollectionName, Scores>>;

/** Records one variant's scores on one collection. */
export function record(table: VariantTable, variant: string, collection: CollectionName, scores: Scores): void {
  const row = table.get(variant) ?? new Map<CollectionName, Scores>();
  row.set(collection, scores);
  table.set(variant, row);
}

/** Prints nDCG@10 (ratio to `reference`), MAP@100 and P@10 per collection, and the mean nDCG@10. */
export function printVariants(
  table: VariantTable,
  names: readonly CollectionName[],
  reference: Map<CollectionName, Scores>,
): void {
  const meanOf = (row: Map<CollectionName, Scores>) =>
    names.reduce((s, n) => s + (row.get(n)?.ndcg10 ?? 0), 0) / names.length;
  console.log('nDCG@10 (ratio to the BM25 baseline) MAP@100 P@10 per collection; last column: mean nDCG@10');
  console.log(`${'variant'.padEnd(52)}${names.map((n) => n.padStart(28)).join('')}${'mean'.padStart(16)}`);
  for (const [variant, row] of table) {
    const cells = names.map((n) => {
      const s = row.get(n);
      const ref = reference.get(n);
      if (!s || !ref) return '-'.padStart(28);
      return `${s.ndcg10.toFixed(3)} (${(s.ndcg10 / ref.ndcg10).toFixed(2)}x) ${s.map100.toFixed(3)} ${s.p10.toFixed(3)}`.padStart(
        28,
      );
    });
    const mean = meanOf(row);
    console.log(
      `${variant.padEnd(52)}${cells.join('')}${`${mean.toFixed(3)} (${(mean / meanOf(reference)).toFixed(2)}x)`.padStart(16)}`,
    );
  }
}
