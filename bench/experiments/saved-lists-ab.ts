/**
 * Issue 16: what a frequent word's match list costs from FTS5 (walk its doclist, group_concat,
 * parse) against reading its saved list (term-lists.ts: int32 ids or one bit per doc), for
 * words of decreasing frequency; medians of 5 reads each, same process, same index.
 *
 *   npx tsx bench/experiments/saved-lists-ab.ts <index.db> <corpus.stats.json>
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { parseIdList } from '../../src/search/engines/sqlite/id-list.js';
import { decodeDocList, encodeDocList } from '../../src/search/engines/sqlite/term-lists.js';

const [dbPath, statsPath] = process.argv.slice(2);
if (!dbPath || !statsPath) throw new Error('usage: saved-lists-ab.ts <index.db> <corpus.stats.json>');
const stats = JSON.parse(readFileSync(statsPath, 'utf8')) as { words: [string, number][] };
const db = new Database(dbPath, { readonly: true });
const fetch = db.prepare('SELECT group_concat(rowid) FROM article_fts WHERE article_fts MATCH ?').pluck();
const median = (run: () => unknown, times = 5) => {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    ms.push(performance.now() - started);
  }
  return ms.sort((a, b) => a - b)[times >> 1]!;
};
console.log('word | articles | FTS5 fetch + parse ms | saved list decode ms | saved bytes');
for (const rank of [0, 5, 20, 50, 100, 200, 400, 800]) {
  const [word, df] = stats.words[rank]!;
  const expression = `"${word}"`;
  const bytes = encodeDocList(parseIdList(fetch.get(expression) as string));
  const fts = median(() => parseIdList(fetch.get(expression) as string));
  const saved = median(() => decodeDocList(bytes));
  console.log(`${word} | ${df} | ${fts.toFixed(2)} | ${saved.toFixed(2)} | ${bytes.byteLength}`);
}
db.close();
