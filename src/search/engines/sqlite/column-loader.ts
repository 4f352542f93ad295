import { decodeStringList } from './article-rows.js';
import type { Db } from './database.js';
import { readColumnSnapshot } from './column-snapshot.js';
import { ColumnStore, type ColumnRow } from './column-store.js';

type Raw = [doc: number, section: string, publishedAt: number, titleWords: number, tags: string, authors: string];

/** The columns the store keeps, the column order of `Raw`. */
const SELECT_COLUMNS = 'SELECT doc, section, published_at, title_words, tags, authors FROM articles';

function toRow([doc, section, publishedAt, titleWords, tags, authors]: Raw): ColumnRow {
  return {
    doc,
    section,
    publishedAt,
    titleWords,
    tags: decodeStringList(tags, 'tags'),
    authors: decodeStringList(authors, 'authors'),
  };
}

/** Where a reader's caches stand relative to the database. */
export interface CacheState {
  epoch: string;
  seq: number;
  vocabVersion: string;
}

/** Reads the change markers the writer keeps in `meta`. */
export function readCacheState(db: Db): CacheState {
  const rows = db.prepare("SELECT key, value FROM meta WHERE key IN ('epoch', 'seq', 'vocab_version')").all() as {
    key: string;
    value: string;
  }[];
  const get = (k: string) => rows.find((r) => r.key === k)?.value ?? '';
  return { epoch: get('epoch'), seq: Number(get('seq') || 0), vocabVersion: get('vocab_version') };
}

/**
 * Every article's filter and facet data: the saved snapshot of the same epoch plus the changes
 * after it when there is one, else every row decoded.
 */
export function loadColumnStore(db: Db, state: CacheState = readCacheState(db)): ColumnStore {
  const saved = readColumnSnapshot(db);
  if (saved && saved.mark.epoch === state.epoch && saved.mark.seq <= state.seq) {
    if (saved.mark.seq < state.seq) applyChanges(db, saved.store, saved.mark.seq);
    return saved.store;
  }
  return decodeEveryRow(db);
}

/** Loads every article's filter and facet data, streaming rows in doc order. */
export function decodeEveryRow(db: Db): ColumnStore {
  const maxDoc = (db.prepare('SELECT coalesce(max(doc), 0) FROM articles').pluck().get() as number) ?? 0;
  const rows = db.prepare(`${SELECT_COLUMNS} ORDER BY doc`).raw().iterate() as IterableIterator<Raw>;
  function* mapped() {
    for (const raw of rows) yield toRow(raw);
  }
  return ColumnStore.build(mapped(), maxDoc);
}

/** Applies what changed after `sinceSeq`: upserts, then deletions, in sequence order. */
export function applyChanges(db: Db, store: ColumnStore, sinceSeq: number): void {
  const changed = db.prepare(`${SELECT_COLUMNS} WHERE seq > ? ORDER BY seq`).raw().all(sinceSeq) as Raw[];
  for (const raw of changed) store.upsert(toRow(raw));
  const deleted = db.prepare('SELECT doc FROM deletions WHERE seq > ? ORDER BY seq').pluck().all(sinceSeq) as number[];
  for (const doc of deleted) store.remove(doc);
}
