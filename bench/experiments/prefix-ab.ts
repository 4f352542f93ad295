/**
 * Issue 16: can the vocabulary serve as-you-type prefixes, so that FTS5's prefix indexes
 * (`prefix = '2 3'`, which halve the bare insert rate) can go? Builds two bare FTS5 tables of
 * the same articles, with and without the prefix indexes (timing each build), then for 2- and
 * 3-letter prefixes of real words counts the matches three ways, interleaved per prefix so load
 * hits all alike: (a) `"ab"*` with the prefix index, (b) `"ab"*` without it (FTS5 merges every
 * term of the range), (c) without it, the OR of the prefix's completions from the vocabulary.
 * Prints insert rates and, per prefix length, median milliseconds and completions.
 *
 *   npx tsx bench/experiments/prefix-ab.ts <corpus.ndjson> [--limit 100000] [--prefixes 60]
 */
import Database from 'better-sqlite3';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string' }, prefixes: { type: 'string' } },
});
const [corpus] = positionals;
if (!corpus) throw new Error('usage: prefix-ab.ts <corpus.ndjson> [--limit N] [--prefixes N]');
const limit = Number(values.limit ?? 100_000);
const perLength = Number(values.prefixes ?? 60);
const dir = mkdtempSync(join(tmpdir(), 'prefix-ab-'));

async function build(prefix: boolean): Promise<{ db: Database.Database; rate: number }> {
  const db = new Database(join(dir, prefix ? 'with.db' : 'without.db'));
  db.pragma('journal_mode = WAL');
  db.exec(
    `CREATE VIRTUAL TABLE fts USING fts5(title, summary, body, tokenize = 'unicode61 remove_diacritics 2'${prefix ? ", prefix = '2 3'" : ''})`,
  );
  db.exec("INSERT INTO fts(fts, rank) VALUES('hashsize', 67108864)");
  const insert = db.prepare('INSERT INTO fts(title, summary, body) VALUES (?, ?, ?)');
  const flush = db.transaction((rows: [string, string | null, string][]) => rows.forEach((r) => insert.run(...r)));
  const started = performance.now();
  let batch: [string, string | null, string][] = [];
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(corpus!) })) {
    if (!line.trim() || n >= limit) continue;
    const a = JSON.parse(line) as { title: string; summary?: string; body: string };
    batch.push([a.title, a.summary ?? null, a.body]);
    n++;
    if (batch.length === 5_000) {
      flush(batch);
      batch = [];
    }
  }
  flush(batch);
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { db, rate: n / ((performance.now() - started) / 1000) };
}

try {
  const withIndex = await build(true);
  const without = await build(false);
  console.log(
    `insert rate: with prefix indexes ${withIndex.rate.toFixed(0)}/s, without ${without.rate.toFixed(0)}/s (${limit} articles)`,
  );
  without.db.exec("CREATE VIRTUAL TABLE vocab USING fts5vocab(fts, 'row')");
  const vocab = without.db.prepare('SELECT term FROM vocab').pluck().all() as string[];
  const count = (db: Database.Database) => db.prepare('SELECT count(*) FROM fts WHERE fts MATCH ?').pluck();
  const [a, b] = [count(withIndex.db), count(without.db)];
  const time = (run: () => unknown) => {
    const started = performance.now();
    run();
    return performance.now() - started;
  };
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
  for (const length of [2, 3]) {
    const prefixes = [
      ...new Set(vocab.filter((t) => /^[a-z]+$/.test(t) && t.length > length).map((t) => t.slice(0, length))),
    ];
    const picked = prefixes.filter((_, i) => i % Math.max(1, Math.floor(prefixes.length / perLength)) === 0);
    const ms = { a: [] as number[], b: [] as number[], c: [] as number[] };
    const completions: number[] = [];
    for (const p of picked) {
      const words = vocab.filter((t) => t.startsWith(p));
      completions.push(words.length);
      const or = words.map((w) => `"${w}"`).join(' OR ');
      for (let rep = 0; rep < 3; rep++) {
        ms.a.push(time(() => a.get(`"${p}"*`)));
        ms.b.push(time(() => b.get(`"${p}"*`)));
        ms.c.push(time(() => b.get(or)));
      }
    }
    console.log(
      `${length}-letter prefixes (${picked.length}): with prefix index p50 ${median(ms.a).toFixed(2)} ms (max ${Math.max(...ms.a).toFixed(1)}); ` +
        `without, FTS5 "p"* p50 ${median(ms.b).toFixed(2)} ms (max ${Math.max(...ms.b).toFixed(1)}); ` +
        `without, vocabulary OR p50 ${median(ms.c).toFixed(2)} ms (max ${Math.max(...ms.c).toFixed(1)}); completions p50 ${median(completions)}, max ${Math.max(...completions)}`,
    );
  }
  withIndex.db.close();
  without.db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
