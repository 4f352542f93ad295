import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';
import { DocListCache } from './doc-list-cache.js';
import { parseFtsExpression, type FtsNode } from './fts-expression.js';
import { intersect, parseIdList, subtract, union } from './id-list.js';
import type { ColumnStore } from './column-store.js';
import { TermLists, type ListScope } from './term-lists.js';
import { readWordFacets, type WordFacetCounts } from './word-facets.js';

/**
 * Match lists kept in memory: 16M ids = 64 MiB, the lists of about 400 common words at 100k
 * articles (40 at 1M). Bounded well inside the API's 500 MiB budget.
 */
export const DOC_LIST_CACHE_IDS = 16 * 1024 * 1024;

/** Column weights of the BM25 score: a title match counts most, then the summary; author names below titles. */
export const BM25_WEIGHTS = { title: 2, summary: 2, body: 1, authors: 1 } as const;

/**
 * The FTS5 queries the engine runs, prepared once. Results come back as typed arrays of docs
 * in ascending order (FTS5's natural order), ready for the column store. Words with a saved
 * list (term-lists.ts) are read from it instead of FTS5, while it holds the index as it is.
 */
export class FtsReader {
  readonly #docs: Statement;
  readonly #scored: Statement;
  readonly #titleDocs: Statement;
  readonly #latestTitles: Statement;
  readonly #cache: DocListCache;
  readonly #lists: TermLists;
  /** Match lists that are one saved word's list, whole: their facet counts may be saved too. */
  readonly #wordOf = new WeakMap<Int32Array, string>();
  readonly #facets = new Map<string, { store: ColumnStore; version: number; counts: WordFacetCounts | undefined }>();

  constructor(db: Db, cacheIds = DOC_LIST_CACHE_IDS) {
    this.#cache = new DocListCache(cacheIds);
    this.#lists = new TermLists(db);
    const w = BM25_WEIGHTS;
    // group_concat builds the id list in C: 2-3x faster than returning one row per match.
    this.#docs = db.prepare('SELECT group_concat(rowid) FROM article_fts WHERE article_fts MATCH ?').pluck();
    this.#scored = db
      .prepare(
        `SELECT rowid, bm25(article_fts, ${w.title}, ${w.summary}, ${w.body}, ${w.authors}) FROM article_fts WHERE article_fts MATCH ?`,
      )
      .raw();
    this.#titleDocs = db.prepare('SELECT group_concat(rowid) FROM title_fts WHERE title_fts MATCH ?').pluck();
    this.#latestTitles = db.prepare('SELECT rowid FROM title_fts WHERE title_fts MATCH ? ORDER BY rowid DESC').pluck();
  }

  /** Docs matching an FTS5 expression, ascending. Shared with later callers: never write to it. */
  docs(expression: string): Int32Array {
    return this.#match(expression, 'body');
  }

  /**
   * Forgets every remembered match list: called whenever the index changed; with the index's
   * state, also checks whether the saved lists still hold it.
   */
  forget(state?: { epoch: string; seq: number }): void {
    this.#cache.clear();
    this.#facets.clear();
    if (state) this.#lists.refresh(state);
  }

  /** BM25 score (higher is better) of every matching doc. */
  scores(expression: string): Map<number, number> {
    return toScoreMap(this.#scored.all(expression) as [number, number][]);
  }

  /** Docs whose title matches, ascending. Shared like `docs`: never write to it. */
  titleDocs(expression: string): Int32Array {
    return this.#match(expression, 'title');
  }

  /** Cached; parts naming a word with a saved list are combined here, the rest asked of FTS5 whole. */
  #match(expression: string, scope: ListScope): Int32Array {
    // Same cache, own key space for titles: an expression may match differently in titles alone.
    return this.#cache.get(scope === 'title' ? `title:${expression}` : expression, () => {
      const tree = this.#lists.any() ? parseFtsExpression(expression) : undefined;
      if (!tree || !this.#usesList(tree, scope)) return this.#fetch(expression, scope);
      const docs = this.#combine(tree, scope);
      if (tree.kind === 'word' && scope === 'body') this.#wordOf.set(docs, tree.word);
      return docs;
    });
  }

  /**
   * The saved facet counts of `docs` when it is a saved word's whole list (a one-word search),
   * in `store`'s ids; undefined otherwise (the caller counts).
   */
  savedFacets(docs: Int32Array | undefined, store: ColumnStore): WordFacetCounts | undefined {
    const word = docs && this.#wordOf.get(docs);
    if (word === undefined) return undefined;
    const known = this.#facets.get(word);
    if (known && known.store === store && known.version === store.version) return known.counts;
    const saved = this.#lists.facets(word);
    const counts = saved && readWordFacets(saved.bytes, saved.names, store);
    this.#facets.set(word, { store, version: store.version, counts });
    return counts;
  }

  #fetch(expression: string, scope: ListScope): Int32Array {
    const statement = scope === 'title' ? this.#titleDocs : this.#docs;
    return parseIdList(statement.get(expression) as string | null);
  }

  #usesList(node: FtsNode, scope: ListScope): boolean {
    if (node.kind === 'word') return this.#lists.has(scope, node.word);
    return node.kind === 'op' && node.children.some((child) => this.#usesList(child, scope));
  }

  /** Evaluates a node whose subtree names at least one saved word: AND, OR, NOT as set operations. */
  #combine(node: FtsNode, scope: ListScope): Int32Array {
    if (node.kind !== 'op') {
      // Read, not cached here: the expression holding it is (a word alone is its own expression).
      if (node.kind === 'word' && this.#lists.has(scope, node.word)) return this.#lists.docs(scope, node.word);
      return this.#match(node.text, scope);
    }
    const lists = node.children.map((child) =>
      this.#usesList(child, scope) ? this.#combine(child, scope) : this.#match(child.text, scope),
    );
    if (node.op === 'OR') return lists.reduce(union);
    if (node.op === 'NOT') return lists.slice(1).reduce(subtract, lists[0]!);
    return [...lists].sort((a, b) => a.length - b.length).reduce(intersect);
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
