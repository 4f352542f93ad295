import type { Db } from './database.js';
import type { ColumnStore } from './column-store.js';
import { parseIdList } from './id-list.js';
import { countWordFacets, facetNamesOf, type FacetNames } from './word-facets.js';

/**
 * Match lists of the most frequent words, saved beside FTS5 at the end of each run. Walking a
 * common word's FTS5 doclist is the most expensive step of a search on a large index
 * (measured at 1M articles: 80 ms for a word in 55 % of them, against 1-2 ms to read and
 * decode its saved list); saved lists are only as old as the last finish, so readers use them
 * while no article changed since (meta `lists_seq`/`lists_epoch` = `seq`/`epoch`).
 */

/** Which index a list comes from: any column of `article_fts`, or `title_fts`. */
export type ListScope = 'body' | 'title';

/** A word gets a saved list from this share of the articles... */
export const LIST_MIN_SHARE = 0.02;
/**
 * ...and at least this many articles: below it FTS5 walks the list in about 1.5 ms at 1M
 * articles (bench/experiments/saved-lists-ab.ts), and saving it would only lengthen the run.
 */
export const LIST_MIN_DOCS = 10_000;
/**
 * Facet counts are saved for lists of at least this many articles: counting the four facets of a
 * shorter list at query time costs under about 2.5 ms, and counting every list at the end of a
 * run would add seconds to it (13 s at 100k articles for 1,690 lists, measured).
 */
export const FACETS_MIN_DOCS = 50_000;
/** At most this many words per scope (the most frequent first), bounding the run's extra time and disk. */
export const LIST_MAX_TERMS = 2_000;

const AS_IDS = 0;
const AS_BITS = 1;

/**
 * A sorted doc list -> bytes: a 1-byte tag, then the ids as int32 or, when smaller (more than
 * one doc in 32), one bit per doc up to the largest.
 */
export function encodeDocList(docs: Int32Array): Buffer {
  const max = docs.length > 0 ? docs[docs.length - 1]! : 0;
  const words = (max >>> 5) + 1;
  if (words * 4 < docs.length * 4) {
    const bits = new Uint32Array(words);
    for (let i = 0; i < docs.length; i++) bits[docs[i]! >>> 5]! |= 1 << (docs[i]! & 31);
    return Buffer.concat([Buffer.of(AS_BITS), Buffer.from(bits.buffer)]);
  }
  return Buffer.concat([Buffer.of(AS_IDS), Buffer.from(docs.buffer, docs.byteOffset, docs.byteLength)]);
}

/** Bytes of `encodeDocList` -> the sorted doc list. */
export function decodeDocList(bytes: Uint8Array): Int32Array {
  // Copied to an aligned buffer: a Buffer from SQLite need not be aligned for a typed view.
  const body = new Uint8Array(bytes.byteLength - 1);
  body.set(bytes.subarray(1));
  if (bytes[0] === AS_IDS) return new Int32Array(body.buffer);
  const bits = new Uint32Array(body.buffer);
  let count = 0;
  for (let i = 0; i < bits.length; i++) count += popcount(bits[i]!);
  const out = new Int32Array(count);
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    let word = bits[i]!;
    while (word !== 0) {
      const low = word & -word;
      out[n++] = (i << 5) + 31 - Math.clz32(low);
      word ^= low;
    }
  }
  return out;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Rebuilds the saved lists from the vocabularies (run inside the finish transaction, after the
 * vocabularies): words in at least LIST_MIN_SHARE of the articles, and LIST_MIN_DOCS; with the
 * run's column store, each body list also gets its facet counts.
 */
export function saveTermLists(
  db: Db,
  mark: { epoch: string; seq: number },
  options: { store?: ColumnStore; minDocs?: number; facetsMinDocs?: number } = {},
): void {
  const { store } = options;
  const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  const minDocs = options.minDocs ?? Math.max(LIST_MIN_DOCS, Math.ceil(articles * LIST_MIN_SHARE));
  const insert = db.prepare('INSERT INTO term_docs(scope, term, docs, facets) VALUES (?, ?, ?, ?)');
  db.prepare('DELETE FROM term_docs').run();
  const sources = [
    ['body', 'vocab', 'article_fts'],
    ['title', 'title_vocab', 'title_fts'],
  ] as const;
  for (const [scope, vocab, fts] of sources) {
    const terms = db
      .prepare(`SELECT term FROM ${vocab} WHERE docs >= ? ORDER BY docs DESC LIMIT ?`)
      .pluck()
      .all(minDocs, LIST_MAX_TERMS) as string[];
    const fetch = db.prepare(`SELECT group_concat(rowid) FROM ${fts} WHERE ${fts} MATCH ?`).pluck();
    for (const term of terms) {
      const docs = parseIdList(fetch.get(`"${term.replace(/"/g, '""')}"`) as string | null);
      const facets =
        store && scope === 'body' && docs.length >= (options.facetsMinDocs ?? FACETS_MIN_DOCS)
          ? countWordFacets(store, docs)
          : undefined;
      insert.run(scope, term, encodeDocList(docs), facets ? Buffer.from(facets.buffer) : null);
    }
  }
  const setMeta = db.prepare(
    'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  setMeta.run('lists_epoch', mark.epoch);
  setMeta.run('lists_seq', String(mark.seq));
  setMeta.run('lists_facet_names', store ? JSON.stringify(facetNamesOf(store)) : '');
}

/** Reads saved lists, when they hold the index as it is now. */
export class TermLists {
  readonly #get;
  readonly #mark;
  #terms: Map<ListScope, Set<string>> | undefined;

  readonly #listed;
  readonly #facets;
  #facetNames: FacetNames | undefined;

  constructor(db: Db) {
    this.#get = db.prepare('SELECT docs FROM term_docs WHERE scope = ? AND term = ?').pluck();
    this.#mark = db
      .prepare("SELECT key, value FROM meta WHERE key IN ('lists_epoch', 'lists_seq', 'lists_facet_names')")
      .raw();
    this.#facets = db.prepare("SELECT facets FROM term_docs WHERE scope = 'body' AND term = ?").pluck();
    this.#listed = db.prepare('SELECT scope, term FROM term_docs').raw();
  }

  /** Checks the lists against the index state; called whenever the index changed. */
  refresh(state: { epoch: string; seq: number }): void {
    const mark = new Map(this.#mark.all() as [string, string][]);
    const fresh = mark.get('lists_epoch') === state.epoch && Number(mark.get('lists_seq') ?? -1) === state.seq;
    if (!fresh) {
      this.#terms = undefined;
      this.#facetNames = undefined;
      return;
    }
    const names = mark.get('lists_facet_names');
    this.#facetNames = names ? (JSON.parse(names) as FacetNames) : undefined;
    const terms = new Map<ListScope, Set<string>>([
      ['body', new Set()],
      ['title', new Set()],
    ]);
    for (const [scope, term] of this.#listed.all() as [ListScope, string][]) terms.get(scope)?.add(term);
    this.#terms = terms;
  }

  /** Whether any saved list holds the index as it is now. */
  any(): boolean {
    return this.#terms !== undefined;
  }

  /** Whether `term` has a saved list that holds the index as it is now. */
  has(scope: ListScope, term: string): boolean {
    return this.#terms?.get(scope)?.has(term) ?? false;
  }

  /** The saved facet counts of a body word's list and the names they use, when saved. */
  facets(term: string): { bytes: Buffer; names: FacetNames } | undefined {
    if (!this.#facetNames || !this.has('body', term)) return undefined;
    const bytes = this.#facets.get(term) as Buffer | null | undefined;
    return bytes ? { bytes, names: this.#facetNames } : undefined;
  }

  /** The saved list of `term` (check `has` first). */
  docs(scope: ListScope, term: string): Int32Array {
    const bytes = this.#get.get(scope, term) as Buffer | undefined;
    return bytes ? decodeDocList(bytes) : new Int32Array(0);
  }
}
