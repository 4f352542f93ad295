import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const CountedSchema = z.object({ value: z.string(), count: z.number().int().nonnegative() });

/**
 * What the query picker needs to know about a corpus, persisted next to its NDJSON:
 * words by frequency rank with their document frequency, the facet values, the date span
 * and a sample of titles for the as-you-type prefixes.
 */
export const CorpusStatsSchema = z.object({
  corpus: z.enum(['synthetic', 'reuters']),
  n: z.number().int().positive(),
  seed: z.number().int(),
  bodyWords: z.number().int().nullable(),
  /** `[word, documentFrequency]`, index 0 = rank 1. Synthetic: the generator's Zipf rank. */
  words: z.array(z.tuple([z.string(), z.number().int().nonnegative()])),
  sections: z.array(CountedSchema),
  tags: z.array(CountedSchema),
  authors: z.array(CountedSchema),
  minDate: z.string(),
  maxDate: z.string(),
  titles: z.array(z.string()),
});
export type CorpusStats = z.output<typeof CorpusStatsSchema>;

/** A corpus ready to index: its NDJSON file and its statistics. */
export interface Corpus {
  name: string;
  ndjsonPath: string;
  stats: CorpusStats;
}

/** Reads and validates a stats file; throws naming the file when it is not one. */
export function readCorpusStats(path: string): CorpusStats {
  const parsed = CorpusStatsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path} is not a corpus stats file: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Writes atomically (tmp + rename), so an interrupted run never leaves a half-written cache entry. */
export function writeCorpusStats(path: string, stats: CorpusStats): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(stats));
  renameSync(`${path}.tmp`, path);
}

/** Turns a count map into values by count desc, then value asc. */
export function toCounted(counts: ReadonlyMap<string, number>): { value: string; count: number }[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Keeps about `count` evenly spaced items, so the sample covers the whole corpus. */
export function evenSample<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]!);
}
