/**
 * The embedded engine's storage. One file, WAL mode, so the indexer writes while the API
 * reads. `articles` is narrow metadata (what filters, facets and sorting need);
 * `article_text` is the external content of the FTS5 index; `doc` is the FTS rowid.
 */
export const SCHEMA_VERSION = 4;

/** What a migration step uses of the database. */
type MigrationDb = { prepare(sql: string): { all(): unknown[] }; exec(sql: string): unknown };

/**
 * Steps that bring an older file up to date, by the version they produce. A new file gets the
 * current schema directly.
 */
export const MIGRATIONS: Record<number, (db: MigrationDb) => void> = {
  // v2: title length for the title bucket's tie-break; 0 until the article is re-indexed.
  2: (db) => {
    const columns = db.prepare('PRAGMA table_info(articles)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'title_words'))
      db.exec('ALTER TABLE articles ADD COLUMN title_words INTEGER NOT NULL DEFAULT 0');
  },
  // v3: column_snapshot and term_docs, created by SCHEMA_SQL; empty until the next finish.
  3: () => undefined,
  // v4: author names are searchable: a column of article_text and of the full-text index, which
  // is rebuilt from the stored text, once (a whole build: not timed here). A file from a branch
  // that already had the column (its own "v3") is left as it is.
  4: (db) => {
    const columns = db.prepare('PRAGMA table_info(article_text)').all() as { name: string }[];
    // No text table yet (an early file): the schema below creates it whole.
    if (columns.length === 0 || columns.some((c) => c.name === 'authors')) return;
    db.exec(`ALTER TABLE article_text ADD COLUMN authors TEXT NOT NULL DEFAULT '';
      UPDATE article_text SET authors = coalesce((SELECT group_concat(j.value, '; ')
        FROM articles a, json_each(a.authors) j WHERE a.doc = article_text.doc), '');
      DROP TABLE IF EXISTS article_fts_vocab;
      DROP TABLE IF EXISTS article_fts;
      ${ARTICLE_FTS_SQL}
      INSERT INTO article_fts(article_fts) VALUES('rebuild');`);
    forgetDerivedFromIndex(db);
  },
};

/**
 * After the full-text index was rebuilt with other columns, what a run derived from the old one
 * must not answer the new one: the word counts are taken again (a name's words become known
 * words: typo corrections, exclusions) and readers told so; the saved match lists, which lack
 * the names, are dropped until the next finish writes them again.
 */
function forgetDerivedFromIndex(db: MigrationDb): void {
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
  );
  if (tables.has('vocab')) {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS article_fts_vocab USING fts5vocab(article_fts, 'row');
      DELETE FROM vocab; INSERT INTO vocab(term, docs) SELECT term, doc FROM article_fts_vocab;`);
  }
  if (tables.has('term_docs')) db.exec('DELETE FROM term_docs;');
  if (tables.has('meta')) {
    db.exec(`DELETE FROM meta WHERE key IN ('lists_epoch', 'lists_seq', 'lists_facet_names');
      INSERT INTO meta(key, value) VALUES ('vocab_version', '${Date.now()}')
        ON CONFLICT(key) DO UPDATE SET value = excluded.value;`);
  }
}

/** The full-text index over the stored text; authors last, weighted below titles (BM25_WEIGHTS). */
const ARTICLE_FTS_SQL = `CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
  title, summary, body, authors,
  content = 'article_text',
  content_rowid = 'doc',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);`;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS articles (
  -- AUTOINCREMENT: a deleted doc number is never reused, so reader caches cannot mix two articles.
  doc INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  section TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  -- Words in the title: shorter titles rank first among equal title matches.
  title_words INTEGER NOT NULL,
  tags TEXT NOT NULL,
  authors TEXT NOT NULL,
  url TEXT,
  updated_at TEXT,
  language TEXT NOT NULL,
  source TEXT,
  seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq);

CREATE TABLE IF NOT EXISTS article_text (
  doc INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  summary TEXT,
  body TEXT NOT NULL,
  -- Author names joined by "; ", for the full-text index (the list itself is articles.authors).
  authors TEXT NOT NULL DEFAULT ''
);

${ARTICLE_FTS_SQL}

CREATE VIRTUAL TABLE IF NOT EXISTS article_fts_vocab USING fts5vocab(article_fts, 'row');

-- Titles alone: title matches rank first, and a small index answers them (and the article
-- suggestions of autocomplete) without walking the body postings.
CREATE VIRTUAL TABLE IF NOT EXISTS title_fts USING fts5(
  title,
  content = 'article_text',
  content_rowid = 'doc',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
CREATE VIRTUAL TABLE IF NOT EXISTS title_fts_vocab USING fts5vocab(title_fts, 'row');

-- Deleted docs by change sequence, so readers can drop them from their caches.
CREATE TABLE IF NOT EXISTS deletions (
  seq INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL
);

-- Every indexed word with its document frequency, rebuilt at the end of each indexing run:
-- reading fts5vocab walks the whole index, too slow for API start-up.
CREATE TABLE IF NOT EXISTS vocab (
  term TEXT PRIMARY KEY,
  docs INTEGER NOT NULL
) WITHOUT ROWID;

-- The column store as typed-array dumps with the epoch and seq they reflect (part 'mark'),
-- written at the end of each run: readers start from it instead of decoding every row.
CREATE TABLE IF NOT EXISTS column_snapshot (
  part TEXT PRIMARY KEY,
  data BLOB NOT NULL
);

-- Match lists of the most frequent words ('body': any column of article_fts; 'title':
-- title_fts), written at the end of each run: reading one is far cheaper than walking its
-- FTS5 doclist; 'body' rows also hold the facet counts of the whole list (word-facets.ts).
-- Valid while meta 'lists_seq' and 'lists_epoch' equal 'seq' and 'epoch'.
CREATE TABLE IF NOT EXISTS term_docs (
  scope TEXT NOT NULL,
  term TEXT NOT NULL,
  docs BLOB NOT NULL,
  facets BLOB,
  PRIMARY KEY (scope, term)
);

-- The same for titles: autocomplete completes words from here.
CREATE TABLE IF NOT EXISTS title_vocab (
  term TEXT PRIMARY KEY,
  docs INTEGER NOT NULL
) WITHOUT ROWID;
`;
