import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseFileError, openDatabase } from '../../src/search/engines/sqlite/database.js';
import { SCHEMA_VERSION } from '../../src/search/engines/sqlite/schema.js';

const dirs: string[] = [];
const tempPath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'schema-'));
  dirs.push(dir);
  return join(dir, 'articles.db');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

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
