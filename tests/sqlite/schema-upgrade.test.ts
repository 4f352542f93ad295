import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseFileError, openDatabase } from '../../src/search/engines/sqlite/database.js';
import { SCHEMA_VERSION } from '../../src/search/engines/sqlite/schema.js';
import type { Article } from '../../src/articles/article.schema.js';
import { silentLogger } from '../../src/logger.js';
import { readCacheState } from '../../src/search/engines/sqlite/column-loader.js';
import { FtsReader } from '../../src/search/engines/sqlite/fts-reader.js';
import { openSqliteEngine } from '../../src/search/engines/sqlite/index.js';
import { saveTermLists } from '../../src/search/engines/sqlite/term-lists.js';
import { SearchParamsSchema } from '../../src/search/search.schema.js';
import { loadSeedArticles } from '../support/seed-articles.js';
import { createSqliteEngine } from '../support/sqlite-engine.js';

const dirs: string[] = [];
const tempPath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'schema-'));
  dirs.push(dir);
  return join(dir, 'articles.db');
};
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('database file', () => {
  it('when a file from schema 1 is opened, then it is migrated in place and keeps its rows', () => {
    const path = tempPath();
    const old = new Database(path);
    old.exec(`CREATE TABLE articles (doc INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, section TEXT NOT NULL,
      published_at INTEGER NOT NULL, tags TEXT NOT NULL, authors TEXT NOT NULL, url TEXT, updated_at TEXT, language TEXT NOT NULL,
      source TEXT, seq INTEGER NOT NULL); INSERT INTO articles(id, section, published_at, tags, authors, language, seq)
      VALUES ('a', 'World', 0, '[]', '[]', 'en', 1); PRAGMA user_version = 1;`);
    old.close();
    const db = openDatabase({ path });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT id, title_words FROM articles').all()).toEqual([{ id: 'a', title_words: 0 }]);
    db.close();
  });

  it('when a file is not a database, then the error names the file and says so', () => {
    const path = tempPath();
    writeFileSync(path, 'this is not sqlite '.repeat(100));
    expect(() => openDatabase({ path })).toThrow(DatabaseFileError);
    expect(() => openDatabase({ path })).toThrow(
      new RegExp(`${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*not a valid SQLite database`),
    );
  });

  it('when a file comes from a newer schema, then it is refused', () => {
    const path = tempPath();
    const newer = new Database(path);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    expect(() => openDatabase({ path })).toThrow(/newer version/);
  });
});

describe('schema 4: author names searchable', () => {
  it('when a file from schema 2 is opened, then its author names are copied to the text, the full-text index finds them and they are known words', () => {
    const path = tempPath();
    const old = new Database(path);
    old.exec(`CREATE TABLE articles (doc INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, section TEXT NOT NULL,
      published_at INTEGER NOT NULL, title_words INTEGER NOT NULL DEFAULT 0, tags TEXT NOT NULL, authors TEXT NOT NULL, url TEXT,
      updated_at TEXT, language TEXT NOT NULL, source TEXT, seq INTEGER NOT NULL);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE vocab (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE article_text (doc INTEGER PRIMARY KEY, title TEXT NOT NULL, summary TEXT, body TEXT NOT NULL);
      CREATE VIRTUAL TABLE article_fts USING fts5(title, summary, body, content = 'article_text', content_rowid = 'doc',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      CREATE VIRTUAL TABLE article_fts_vocab USING fts5vocab(article_fts, 'row');
      INSERT INTO articles(id, section, published_at, tags, authors, language, seq)
        VALUES ('a', 'World', 0, '[]', '["Daniel Okafor","Mireille Dubois"]', 'en', 1);
      INSERT INTO article_text(doc, title, summary, body) VALUES (1, 'Harbour reopens', NULL, 'Ships return.');
      INSERT INTO article_fts(article_fts) VALUES('rebuild');
      INSERT INTO vocab(term, docs) SELECT term, doc FROM article_fts_vocab;
      PRAGMA user_version = 2;`);
    old.close();
    const db = openDatabase({ path });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT authors FROM article_text').pluck().get()).toBe('Daniel Okafor; Mireille Dubois');
    expect(db.prepare("SELECT rowid FROM article_fts WHERE article_fts MATCH 'okafor'").pluck().all()).toEqual([1]);
    expect(db.prepare("SELECT rowid FROM article_fts WHERE article_fts MATCH 'harbour'").pluck().all()).toEqual([1]);
    expect(db.prepare("SELECT docs FROM vocab WHERE term = 'okafor'").pluck().get()).toBe(1);
    db.close();
  });

  it('when a file from schema 3 with saved match lists is opened, then the lists (which lack the names) no longer answer and a search finds the article by its author', async () => {
    const [a, b] = loadSeedArticles() as [Article, Article];
    // "quillfeather" is in A's body and is B's author: a list saved before the names were indexed holds A only.
    const articles = [
      { ...a, body: `${a.body} Quillfeather said so.` },
      { ...b, authors: ['Zed Quillfeather'] },
    ];
    const created = await createSqliteEngine(articles);
    await created.engine.close();
    cleanups.push(created.cleanup);
    const old = new Database(created.path);
    // Back to schema 3 as it was written: no authors column, lists saved from that index.
    old.exec(`DROP TABLE article_fts_vocab; DROP TABLE article_fts; ALTER TABLE article_text DROP COLUMN authors;
      CREATE VIRTUAL TABLE article_fts USING fts5(title, summary, body, content = 'article_text', content_rowid = 'doc',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      CREATE VIRTUAL TABLE article_fts_vocab USING fts5vocab(article_fts, 'row');
      INSERT INTO article_fts(article_fts) VALUES('rebuild');
      DELETE FROM vocab; INSERT INTO vocab(term, docs) SELECT term, doc FROM article_fts_vocab;
      PRAGMA user_version = 3;`);
    saveTermLists(old, readCacheState(old), { minDocs: 1 });
    expect(
      old.prepare("SELECT docs FROM term_docs WHERE scope = 'body' AND term = 'quillfeather'").get(),
    ).toBeDefined();
    old.close();

    openDatabase({ path: created.path }).close();
    const db = new Database(created.path, { readonly: true });
    const reader = new FtsReader(db);
    reader.forget(readCacheState(db));
    expect(reader.docs('"quillfeather"')).toHaveLength(2);
    expect(db.prepare("SELECT docs FROM vocab WHERE term = 'zed'").pluck().get()).toBe(1);
    db.close();
    const engine = await openSqliteEngine({ path: created.path, logger: silentLogger() });
    const found = await engine.search(SearchParamsSchema.parse({ q: 'quillfeather ' }));
    await engine.close();
    expect(found.hits.map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('when a file already has the authors column (an earlier build of schema 3), then it is upgraded in place and its index still finds names', async () => {
    const created = await createSqliteEngine(loadSeedArticles().slice(0, 3));
    await created.engine.close();
    cleanups.push(created.cleanup);
    const old = new Database(created.path);
    old.exec('DROP TABLE term_docs; DROP TABLE column_snapshot; PRAGMA user_version = 3;');
    old.close();
    const db = openDatabase({ path: created.path });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) FROM term_docs').pluck().get()).toBe(0);
    const author = loadSeedArticles()[0]!.authors[0]!.split(' ').at(-1)!;
    expect(
      db.prepare('SELECT count(*) FROM article_fts WHERE article_fts MATCH ?').pluck().get(`"${author}"`),
    ).toBeGreaterThan(0);
    db.close();
  });
});
