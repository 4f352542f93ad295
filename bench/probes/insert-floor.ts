/**
 * Bare FTS5 insert rate of a corpus: title, summary and body into a fresh FTS5 table with the
 * engine's tokenizer, hash size and batch size (and, as asked, its prefix indexes), nothing of
 * ours around it. What the indexer cannot beat (`npm run bench:index-floor`, and the bench's
 * bound for a missed indexing rate).
 */
import Database from 'better-sqlite3';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

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

/** Inserts up to `limit` articles of `path` into a fresh table in a temp folder; the rate includes reading and parsing. */
export async function measureInsertFloor(
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
