/**
 * The indexing floor: how fast bare FTS5 takes the corpus on this machine, with nothing of
 * ours around it (no validation, no metadata table, no title index, no vocabulary). Inserts
 * title, summary and body into a fresh FTS5 table, with the engine's tokenizer, hash size and
 * batch size, with and without the prefix indexes. What our indexer cannot beat.
 *
 *   npx tsx bench/indexing-floor.ts bench/.corpus/synthetic-100000-s42-b350.ndjson [--limit N]
 */
import { parseArgs } from 'node:util';
import { measureInsertFloor } from './probes/insert-floor.js';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { limit: { type: 'string' } } });
  const path = positionals[0];
  if (!path) throw new Error('usage: tsx bench/indexing-floor.ts <corpus.ndjson> [--limit N]');
  const limit = values.limit ? Number(values.limit) : Infinity;
  for (const [label, prefix] of [
    ['FTS5, prefix 2 3 (as the engine)', '2 3'],
    ['FTS5, no prefix indexes', undefined],
  ] as const) {
    const r = await measureInsertFloor(path, limit, prefix);
    console.log(
      `${label.padEnd(34)} ${Math.round(r.rate).toLocaleString('en-US').padStart(7)} articles/s (${r.articles.toLocaleString('en-US')} in ${r.seconds.toFixed(1)} s, includes reading and JSON parsing)`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
