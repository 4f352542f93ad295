import type { Article } from '../../../articles/article.schema.js';
import { parseIsoDate } from '../../../articles/dates.js';
import { tokenize } from '../../../text/normalize.js';
import type { IndexRunOptions } from '../../search-engine.js';
import { loadColumnStore, readCacheState } from './column-loader.js';
import { saveColumnSnapshot } from './column-snapshot.js';
import { saveTermLists } from './term-lists.js';
import type { Db } from './database.js';

/** In-memory postings FTS5 may hold before writing a segment. */
const FTS_HASH_BYTES = 64 * 1024 * 1024;

interface StoredText {
  title: string;
  summary: string | null;
  body: string;
  /** Author names joined by "; " (searchable). */
  authors: string;
}

/**
 * The embedded engine's writes, synchronous (better-sqlite3 is): it runs on the index's worker
 * thread, never on the thread that answers HTTP. Each `upsert` batch is one transaction (or a
 * savepoint inside the run's transaction for a rebuild), so a crash never leaves half a batch;
 * readers in other processes see a batch once it commits (WAL).
 */
export class SqliteWriter {
  readonly #db: Db;
  readonly #stmts: ReturnType<typeof prepareStatements>;
  #rebuilding = false;

  constructor(db: Db) {
    this.#db = db;
    this.#stmts = prepareStatements(db);
    // FTS5 flushes its in-memory postings every 1 MiB by default, which makes a small segment
    // every hundred articles and endless merging; a 64 MiB buffer flushes once per batch
    // (measured: about 30% less CPU per article while bulk loading). The setting is stored in
    // the file, and writing it needs the write lock: written once, not at every open.
    if (this.#stmts.hashSize.get() !== FTS_HASH_BYTES) {
      db.exec(`INSERT INTO article_fts(article_fts, rank) VALUES('hashsize', ${FTS_HASH_BYTES})`);
    }
  }

  /**
   * How long the next statement may wait for another process's write lock before it fails
   * with SQLITE_BUSY (0: not at all).
   */
  setLockWait(ms: number): void {
    this.#db.pragma(`busy_timeout = ${Math.max(0, Math.round(ms))}`);
  }

  begin(options: IndexRunOptions = {}): void {
    if (!options.rebuild || this.#rebuilding) return;
    // One transaction for the whole run: readers keep the old index until finish() commits.
    this.#db.exec('BEGIN IMMEDIATE');
    this.#rebuilding = true;
    this.#db.exec(`DELETE FROM articles; DELETE FROM article_text; DELETE FROM deletions;
      INSERT INTO article_fts(article_fts) VALUES('delete-all'); INSERT INTO title_fts(title_fts) VALUES('delete-all');
      DELETE FROM sqlite_sequence WHERE name = 'articles';`);
    // A rebuild invalidates every reader cache: a new epoch makes them reload in full.
    this.#setMeta('epoch', String(Date.now()));
  }

  upsert(batch: readonly Article[]): void {
    const apply = () => {
      let seq = this.#nextSeq(batch.length);
      for (const article of batch) this.#upsertOne(article, seq++);
    };
    if (!this.#rebuilding) {
      this.#db.transaction(apply).immediate();
      return;
    }
    this.#db.exec('SAVEPOINT batch');
    try {
      apply();
      this.#db.exec('RELEASE batch');
    } catch (error) {
      this.#db.exec('ROLLBACK TO batch; RELEASE batch');
      throw error;
    }
  }

  /** Deletes by id; returns how many existed. */
  delete(ids: readonly string[]): number {
    let deleted = 0;
    this.#db.transaction(() => {
      let seq = this.#nextSeq(ids.length);
      for (const id of ids) {
        const found = this.#stmts.findDoc.get(id) as { doc: number } | undefined;
        if (!found) continue;
        this.#unindex(found.doc, this.#stmts.getText.get(found.doc) as StoredText);
        this.#stmts.deleteText.run(found.doc);
        this.#stmts.deleteMeta.run(found.doc);
        this.#stmts.logDeletion.run(seq++, found.doc);
        deleted++;
      }
    })();
    return deleted;
  }

  /** Up to `limit` ids after the doc `after`, and the doc to continue from (paging `listIds`). */
  idsAfter(after: number, limit: number): { ids: string[]; next: number } {
    const rows = this.#stmts.pageIds.all(after, limit) as { doc: number; id: string }[];
    return { ids: rows.map((r) => r.id), next: rows.at(-1)?.doc ?? after };
  }

  /** Rebuilds the vocabularies, commits a rebuild, merges segments; returns how long it took. */
  finish(): { ms: number } {
    const started = performance.now();
    const work = () => {
      this.#db.exec(`DELETE FROM vocab; INSERT INTO vocab(term, docs) SELECT term, doc FROM article_fts_vocab;
        DELETE FROM title_vocab; INSERT INTO title_vocab(term, docs) SELECT term, doc FROM title_fts_vocab;`);
      this.#setMeta('vocab_version', String(Date.now()));
      // What readers start from: the column store as of now (built from the last snapshot when it is of this epoch).
      const state = readCacheState(this.#db);
      const mark = { epoch: state.epoch, seq: state.seq };
      const store = loadColumnStore(this.#db, state);
      saveColumnSnapshot(this.#db, store, mark);
      saveTermLists(this.#db, mark, { store });
    };
    if (this.#rebuilding) {
      work();
      this.#db.exec('COMMIT');
      this.#rebuilding = false;
    } else {
      this.#db.transaction(work).immediate();
    }
    // Merges FTS segments; readers get faster queries. Cheap when little changed, and only an
    // optimisation: when another process took the lock meanwhile, the next finish merges.
    try {
      this.#db.exec("INSERT INTO article_fts(article_fts, rank) VALUES('merge', 500)");
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
    }
    this.#db.pragma('wal_checkpoint(PASSIVE)');
    return { ms: Math.round(performance.now() - started) };
  }

  count(): number {
    return this.#stmts.count.get() as number;
  }

  close(): void {
    if (this.#rebuilding) {
      // A run that did not finish leaves the old index untouched.
      this.#db.exec('ROLLBACK');
      this.#rebuilding = false;
    }
    this.#db.close();
  }

  #upsertOne(article: Article, seq: number): void {
    const s = this.#stmts;
    const existing = s.findDoc.get(article.id) as { doc: number } | undefined;
    const meta = {
      id: article.id,
      section: article.section,
      published_at: parseIsoDate(article.publishedAt) ?? 0,
      title_words: tokenize(article.title).length,
      tags: JSON.stringify(article.tags),
      authors: JSON.stringify(article.authors),
      url: article.url ?? null,
      updated_at: article.updatedAt ?? null,
      language: article.language,
      source: article.source ?? null,
      seq,
    };
    const text = {
      title: article.title,
      summary: article.summary ?? null,
      body: article.body,
      authors: article.authors.join('; '),
    };
    if (existing) {
      this.#unindex(existing.doc, s.getText.get(existing.doc) as StoredText);
      s.updateMeta.run({ doc: existing.doc, ...meta });
      s.updateText.run({ doc: existing.doc, ...text });
      this.#index(existing.doc, text);
    } else {
      const doc = Number(s.insertMeta.run(meta).lastInsertRowid);
      s.insertText.run({ doc, ...text });
      this.#index(doc, text);
    }
  }

  #index(doc: number, text: StoredText): void {
    this.#stmts.ftsInsert.run({ doc, ...text });
    this.#stmts.titleInsert.run({ doc, title: text.title });
  }

  #unindex(doc: number, text: StoredText): void {
    this.#stmts.ftsDelete.run({ doc, ...text });
    this.#stmts.titleDelete.run({ doc, title: text.title });
  }

  /** Reserves `n` change-sequence numbers; readers refresh their caches from these. */
  #nextSeq(n: number): number {
    const row = this.#stmts.getMeta.get('seq') as { value: string } | undefined;
    const first = Number(row?.value ?? 0) + 1;
    this.#setMeta('seq', String(first + n - 1));
    return first;
  }

  #setMeta(key: string, value: string): void {
    this.#stmts.setMeta.run(key, value);
  }
}

function prepareStatements(db: Db) {
  return {
    findDoc: db.prepare('SELECT doc FROM articles WHERE id = ?'),
    getText: db.prepare('SELECT title, summary, body, authors FROM article_text WHERE doc = ?'),
    insertMeta:
      db.prepare(`INSERT INTO articles(id, section, published_at, title_words, tags, authors, url, updated_at, language, source, seq)
      VALUES (@id, @section, @published_at, @title_words, @tags, @authors, @url, @updated_at, @language, @source, @seq)`),
    updateMeta:
      db.prepare(`UPDATE articles SET section = @section, published_at = @published_at, title_words = @title_words, tags = @tags, authors = @authors,
      url = @url, updated_at = @updated_at, language = @language, source = @source, seq = @seq WHERE doc = @doc AND id = @id`),
    insertText: db.prepare(
      'INSERT INTO article_text(doc, title, summary, body, authors) VALUES (@doc, @title, @summary, @body, @authors)',
    ),
    updateText: db.prepare(
      'UPDATE article_text SET title = @title, summary = @summary, body = @body, authors = @authors WHERE doc = @doc',
    ),
    deleteText: db.prepare('DELETE FROM article_text WHERE doc = ?'),
    deleteMeta: db.prepare('DELETE FROM articles WHERE doc = ?'),
    logDeletion: db.prepare('INSERT INTO deletions(seq, doc) VALUES (?, ?)'),
    ftsInsert: db.prepare(
      'INSERT INTO article_fts(rowid, title, summary, body, authors) VALUES (@doc, @title, @summary, @body, @authors)',
    ),
    ftsDelete: db.prepare(
      "INSERT INTO article_fts(article_fts, rowid, title, summary, body, authors) VALUES ('delete', @doc, @title, @summary, @body, @authors)",
    ),
    titleInsert: db.prepare('INSERT INTO title_fts(rowid, title) VALUES (@doc, @title)'),
    titleDelete: db.prepare("INSERT INTO title_fts(title_fts, rowid, title) VALUES ('delete', @doc, @title)"),
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare(
      'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
    pageIds: db.prepare('SELECT doc, id FROM articles WHERE doc > ? ORDER BY doc LIMIT ?'),
    count: db.prepare('SELECT count(*) FROM articles').pluck(),
    hashSize: db.prepare("SELECT v FROM article_fts_config WHERE k = 'hashsize'").pluck(),
  };
}
