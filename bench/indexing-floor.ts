/**
 * The indexing floor: how fast bare FTS5 takes the corpus on this machine, with nothing of
 * ours around it (no validation, no metadata table, no title index, no vocabulary). Inserts
 * title, summary and body into a fresh FTS5 table, with the engine's tokenizer, hash size and
 * batch size, with and without the prefix indexes. What our indexer cannot beat.
 *
 *   npx tsx bench/indexing-floor.ts bench/.corpus/synthetic-100000-s42-b350.ndjson [--limit N]
 */
import Database from 'better-sqlite3';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const BATCH = 5_000;
const HASH_BYTES = 64 * 1024 * 1024;

interface Row {
  title: string;
  summary: string | null;
  body: string;
}

async function* rows(path: string, limit: number): AsyncGenerator<Row> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { title: string; summary?: string; body: string };
    yield { title: a.title, summary: a.summary ?? null, body: a.body };
    if (++n >= limit) return;
  }
}

async function run(
  path: string,
  limit: number,
  prefix: string | undefined,
): Promise<{ rate: number; articles: number; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'fts-floor-'));
  try {
    const db = new Database(join(dir, 'floor.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(
      `CREATE VIRTUAL TABLE fts USING fts5(title, summary, body, tokenize = 'unicode61 remove_diacritics 2'${prefix ? `, prefix = '${prefix}'` : ''})`,
    );
    db.exec(`INSERT INTO fts(fts, rank) VALUES('hashsize', ${HASH_BYTES})`);
    const insert = db.prepare('INSERT INTO fts(title, summary, body) VALUES (@title, @summary, @body)');
    const flush = db.transaction((batch: Row[]) => {
      for (const row of batch) insert.run(row);
    });
    const started = performance.now();
    let batch: Row[] = [];
    let articles = 0;
    for await (const row of rows(path, limit)) {
      batch.push(row);
      if (batch.length >= BATCH) {
        flush(batch);
        articles += batch.length;
        batch = [];
      }
    }
    flush(batch);
    articles += batch.length;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const seconds = (performance.now() - started) / 1000;
    return { rate: articles / seconds, articles, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { limit: { type: 'string' } } });
  const path = positionals[0];
  if (!path) throw new Error('usage: tsx bench/indexing-floor.ts <corpus.ndjson> [--limit N]');
  const limit = values.limit ? Number(values.limit) : Infinity;
  for (const [label, prefix] of [
    ['FTS5, prefix 2 3 (as the engine)', '2 3'],
    ['FTS5, no prefix indexes', undefined],
  ] as const) {
    const r = await run(path, limit, prefix);
    console.log(
      `${label.padEnd(34)} ${Math.round(r.rate).toLocaleString('en-US').padStart(7)} articles/s (${r.articles.toLocaleString('en-US')} in ${r.seconds.toFixed(1)} s, includes reading and JSON parsing)`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
