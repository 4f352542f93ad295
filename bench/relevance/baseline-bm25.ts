import Database from 'better-sqlite3';
import type { EvalDoc } from './collections.js';
import { toBm25Match } from './query-text.js';

/** How the baseline indexes and ranks; the defaults are the baseline. */
export interface Bm25Options {
  /** FTS5 tokenizer; the baseline uses no stemming. */
  tokenize?: string;
  /** bm25() column weights for (title, body). */
  weights?: readonly [number, number];
  /** Stop list applied to query words; the default is `ENGLISH_STOP_WORDS`. */
  stopWords?: ReadonlySet<string>;
}

/** A plain FTS5 BM25 ranker over one collection, in memory. */
export interface Bm25Ranker {
  /** Doc ids of the top `k` by bm25(), best first (ties by doc order). */
  search(text: string, k: number): string[];
  /** Doc ids of the top `k` for a ready-made FTS5 MATCH expression (for experiments). */
  rankMatch(match: string, k: number): string[];
  close(): void;
}

/** Same folding and word splitting as the service (unicode61, diacritics removed). */
export const BASELINE_TOKENIZER = 'unicode61 remove_diacritics 2';

/**
 * Indexes `docs` into an in-memory `fts5(title, body)` table and ranks by `bm25()`, with an
 * OR of the query's non-stop words. A baseline, not the product: no all-words rule, no term
 * limit, no typo tolerance.
 */
export function openBm25Ranker(docs: readonly EvalDoc[], options: Bm25Options = {}): Bm25Ranker {
  const db = new Database(':memory:');
  const tokenizer = (options.tokenize ?? BASELINE_TOKENIZER).replace(/'/g, "''");
  db.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='${tokenizer}')`);
  const ids: string[] = [];
  const insert = db.prepare('INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)');
  db.transaction(() => {
    docs.forEach((doc, i) => {
      ids.push(doc.id);
      insert.run(i + 1, doc.title, doc.text);
    });
  })();
  const [wTitle, wBody] = options.weights ?? [1, 1];
  const query = db.prepare(
    `SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, ${Number(wTitle)}, ${Number(wBody)}), rowid LIMIT ?`,
  );
  const rankMatch = (match: string, k: number) =>
    (query.all(match, k) as { rowid: number }[]).map((r) => ids[r.rowid - 1] ?? '');
  return {
    search(text, k) {
      const match = toBm25Match(text, options.stopWords);
      return match === undefined ? [] : rankMatch(match, k);
    },
    rankMatch,
    close: () => db.close(),
  };
}
