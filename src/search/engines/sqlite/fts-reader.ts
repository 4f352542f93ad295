import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';
import { DocListCache } from './doc-list-cache.js';

/**
 * Match lists kept in memory: 16M ids = 64 MiB, the lists of about 400 common words at 100k
 * articles (40 at 1M). Bounded well inside the API's 500 MiB budget.
 */
export const DOC_LIST_CACHE_IDS = 16 * 1024 * 1024;

/** Column weights of the BM25 score: a title match counts most, then the summary. */
export const BM25_WEIGHTS = { title: 2, summary: 2, body: 1 } as const;

/**
 * The FTS5 queries the engine runs, prepared once. Results come back as typed arrays of docs
 * in ascending order (FTS5's natural order), ready for the column store.
 */
export class FtsReader {
  readonly #docs: Statement;
  readonly #scored: Statement;
  readonly #titleDocs: Statement;
  readonly #latestTitles: Statement;
  readonly #cache: DocListCache;

  constructor(db: Db, cacheIds = DOC_LIST_CACHE_IDS) {
    this.#cache = new DocListCache(cacheIds);
    const w = BM25_WEIGHTS;
    // group_concat builds the id list in C: 2-3x faster than returning one row per match.
    this.#docs = db.prepare('SELECT group_concat(rowid) FROM article_fts WHERE article_fts MATCH ?').pluck();
    this.#scored = db
      .prepare(
        `SELECT rowid, bm25(article_fts, ${w.title}, ${w.summary}, ${w.body}) FROM article_fts WHERE article_fts MATCH ?`,
      )
      .raw();
    this.#titleDocs = db.prepare('SELECT group_concat(rowid) FROM title_fts WHERE title_fts MATCH ?').pluck();
    this.#latestTitles = db.prepare('SELECT rowid FROM title_fts WHERE title_fts MATCH ? ORDER BY rowid DESC').pluck();
  }

  /** Docs matching an FTS5 expression, ascending. Shared with later callers: never write to it. */
  docs(expression: string): Int32Array {
    return this.#cache.get(expression, () => parseIdList(this.#docs.get(expression) as string | null));
  }

  /** Forgets every remembered match list: called whenever the index changed. */
  forget(): void {
    this.#cache.clear();
  }

  /** BM25 score (higher is better) of every matching doc. */
  scores(expression: string): Map<number, number> {
    return toScoreMap(this.#scored.all(expression) as [number, number][]);
  }

  /** Docs whose title matches, ascending. Shared like `docs`: never write to it. */
  titleDocs(expression: string): Int32Array {
    // Same cache, own key space: an expression may match differently in titles alone.
    return this.#cache.get(`title:${expression}`, () => parseIdList(this.#titleDocs.get(expression) as string | null));
  }

  /**
   * Up to `limit` matching titles that pass `keep`, last indexed first. FTS5 walks its doclists
   * backwards and stops early, so a match of half the corpus costs no more than a narrow one.
   */
  latestTitleDocs(expression: string, limit: number, keep: (doc: number) => boolean): number[] {
    const out: number[] = [];
    const rows = this.#latestTitles.iterate(expression) as IterableIterator<number>;
    for (const doc of rows) {
      if (keep(doc)) out.push(doc);
      if (out.length >= limit) {
        rows.return?.();
        break;
      }
    }
    return out;
  }
}

/** FTS5's bm25() is negative (lower is better); we keep positive scores. */
function toScoreMap(rows: [number, number][]): Map<number, number> {
  const scores = new Map<number, number>();
  for (const [doc, score] of rows) scores.set(doc, -score);
  return scores;
}

/**
 * "3,17,42" -> Int32Array [3, 17, 42], sorted ascending (FTS5 yields rowid order; sorted
 * anyway if it ever did not).
 */
export function parseIdList(list: string | null): Int32Array {
  if (!list) return new Int32Array(0);
  const out = new Int32Array((list.length >> 1) + 1);
  let n = 0;
  let value = 0;
  let sorted = true;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) {
      if (n > 0 && value < out[n - 1]!) sorted = false;
      out[n++] = value;
      value = 0;
    } else {
      value = value * 10 + (c - 48);
    }
  }
  if (n > 0 && value < out[n - 1]!) sorted = false;
  out[n++] = value;
  const ids = out.slice(0, n);
  return sorted ? ids : ids.sort();
}
