import { DAY_MS } from '../../../articles/dates.js';
import { Dictionary } from './dictionary.js';

const EMPTY = new Int32Array(0);

/** One row of `articles` as the column store needs it. */
export interface ColumnRow {
  doc: number;
  section: string;
  publishedAt: number;
  titleWords: number;
  tags: string[];
  authors: string[];
}

/** The store's content as plain arrays: what a snapshot saves (`column-snapshot.ts`). */
export interface ColumnParts {
  sections: readonly string[];
  tags: readonly string[];
  authors: readonly string[];
  alive: Uint8Array<ArrayBuffer>;
  section: Int32Array<ArrayBuffer>;
  published: Float64Array<ArrayBuffer>;
  titleWords: Uint8Array<ArrayBuffer>;
  tagStart: Uint32Array<ArrayBuffer>;
  tagIds: Int32Array<ArrayBuffer>;
  authorStart: Uint32Array<ArrayBuffer>;
  authorIds: Int32Array<ArrayBuffer>;
  /** Live docs newest first, as `byDateDesc()`. */
  byDateDesc: Int32Array<ArrayBuffer>;
}

/**
 * Filter and facet data of every article, in typed arrays indexed by doc, so that filters,
 * facet counts and date sorting cost a few nanoseconds per matched article instead of a SQL
 * GROUP BY. Tags and authors are CSR-encoded; later updates go to a small override map until
 * the next compaction.
 */
export class ColumnStore {
  readonly sections: Dictionary;
  readonly tags: Dictionary;
  readonly authors: Dictionary;
  alive = new Uint8Array(0);
  section = new Int32Array(0);
  published = new Float64Array(0);
  /** Days since 1970-01-01 UTC. */
  day = new Int32Array(0);
  /** Words in the title, capped at 255. */
  titleWords = new Uint8Array(0);
  /** CSR tags: ids of doc d are #tagIds[#tagStart[d] .. #tagStart[d+1]). */
  #tagStart = new Uint32Array(1);
  #tagIds = EMPTY;
  #authorStart = new Uint32Array(1);
  #authorIds = EMPTY;
  #csrDocs = 0;
  /** Tags and authors of docs changed since the last full load. */
  readonly #overrides = new Map<number, { tags: Int32Array; authors: Int32Array }>();
  #count = 0;
  #byDateDesc: Int32Array | undefined;
  #minDay = Infinity;
  #version = 0;
  #maxDay = -Infinity;

  constructor(dictionaries = { sections: new Dictionary(), tags: new Dictionary(), authors: new Dictionary() }) {
    this.sections = dictionaries.sections;
    this.tags = dictionaries.tags;
    this.authors = dictionaries.authors;
  }

  /** Number of live articles. */
  get count(): number {
    return this.#count;
  }

  /** One past the largest doc id. */
  get capacity(): number {
    return this.alive.length;
  }

  /** Builds the store from rows sorted by doc (a full load). */
  static build(rows: Iterable<ColumnRow>, maxDoc: number): ColumnStore {
    const store = new ColumnStore();
    store.#grow(maxDoc + 1);
    const tagStart = new Uint32Array(maxDoc + 2);
    const authorStart = new Uint32Array(maxDoc + 2);
    const tagIds: number[] = [];
    const authorIds: number[] = [];
    let next = 0;
    for (const row of rows) {
      for (; next <= row.doc; next++) {
        tagStart[next] = tagIds.length;
        authorStart[next] = authorIds.length;
      }
      store.#setScalar(row);
      for (const t of row.tags) tagIds.push(store.tags.add(t));
      for (const a of row.authors) authorIds.push(store.authors.add(a));
    }
    for (; next <= maxDoc + 1; next++) {
      tagStart[next] = tagIds.length;
      authorStart[next] = authorIds.length;
    }
    store.#tagStart = tagStart;
    store.#authorStart = authorStart;
    store.#tagIds = Int32Array.from(tagIds);
    store.#authorIds = Int32Array.from(authorIds);
    store.#csrDocs = maxDoc + 1;
    return store;
  }

  /** The store as plain arrays, overrides folded into the CSR lists. */
  toParts(): ColumnParts {
    const capacity = this.capacity;
    const csr = (of: (doc: number) => Int32Array) => {
      const start = new Uint32Array(capacity + 1);
      const ids: number[] = [];
      for (let d = 0; d < capacity; d++) {
        start[d] = ids.length;
        if (this.alive[d] === 1) for (const id of of(d)) ids.push(id);
      }
      start[capacity] = ids.length;
      return { start, ids: Int32Array.from(ids) };
    };
    const tags = this.#overrides.size > 0 ? csr((d) => this.tagsOf(d)) : { start: this.#tagStart, ids: this.#tagIds };
    const authors =
      this.#overrides.size > 0 ? csr((d) => this.authorsOf(d)) : { start: this.#authorStart, ids: this.#authorIds };
    return {
      sections: this.sections.names(),
      tags: this.tags.names(),
      authors: this.authors.names(),
      alive: this.alive,
      section: this.section,
      published: this.published,
      titleWords: this.titleWords,
      tagStart: tags.start.subarray(0, capacity + 1),
      tagIds: tags.ids,
      authorStart: authors.start.subarray(0, capacity + 1),
      authorIds: authors.ids,
      byDateDesc: this.byDateDesc() as Int32Array<ArrayBuffer>,
    };
  }

  /** A store from `toParts()`'s arrays, taken over without copying. */
  static fromParts(parts: ColumnParts): ColumnStore {
    const store = new ColumnStore({
      sections: Dictionary.fromNames(parts.sections),
      tags: Dictionary.fromNames(parts.tags),
      authors: Dictionary.fromNames(parts.authors),
    });
    const capacity = parts.alive.length;
    store.alive = parts.alive;
    store.section = parts.section;
    store.published = parts.published;
    store.titleWords = parts.titleWords;
    store.day = new Int32Array(capacity);
    for (let d = 0; d < capacity; d++) {
      const day = Math.floor(parts.published[d]! / DAY_MS);
      store.day[d] = day;
      if (parts.alive[d] !== 1) continue;
      store.#count++;
      if (day < store.#minDay) store.#minDay = day;
      if (day > store.#maxDay) store.#maxDay = day;
    }
    store.#tagStart = parts.tagStart;
    store.#tagIds = parts.tagIds;
    store.#authorStart = parts.authorStart;
    store.#authorIds = parts.authorIds;
    store.#csrDocs = capacity;
    store.#byDateDesc = parts.byDateDesc.length === store.#count ? parts.byDateDesc : undefined;
    return store;
  }

  /** Applies an inserted or updated article. */
  upsert(row: ColumnRow): void {
    if (row.doc >= this.capacity) this.#grow(Math.max(row.doc + 1, Math.ceil(this.capacity * 1.5)));
    this.#setScalar(row);
    this.#overrides.set(row.doc, {
      tags: Int32Array.from(row.tags, (t) => this.tags.add(t)),
      authors: Int32Array.from(row.authors, (a) => this.authors.add(a)),
    });
  }

  /** Applies a deletion. */
  remove(doc: number): void {
    if (doc < this.capacity && this.alive[doc] === 1) {
      this.alive[doc] = 0;
      this.#count--;
      this.#byDateDesc = undefined;
      this.#version++;
    }
  }

  /** Tag ids of a doc. */
  tagsOf(doc: number): Int32Array {
    const o = this.#overrides.size > 0 ? this.#overrides.get(doc) : undefined;
    if (o) return o.tags;
    if (doc >= this.#csrDocs) return EMPTY;
    return this.#tagIds.subarray(this.#tagStart[doc]!, this.#tagStart[doc + 1]!);
  }

  /** Author ids of a doc. */
  authorsOf(doc: number): Int32Array {
    const o = this.#overrides.size > 0 ? this.#overrides.get(doc) : undefined;
    if (o) return o.authors;
    if (doc >= this.#csrDocs) return EMPTY;
    return this.#authorIds.subarray(this.#authorStart[doc]!, this.#authorStart[doc + 1]!);
  }

  /** Adds 1 to `counts[tag]` for each tag of a doc (the facet hot loop: no allocation). */
  countTags(doc: number, counts: Int32Array): void {
    this.#countOne(doc, counts, 'tags', this.#tagStart, this.#tagIds);
  }

  /** Adds 1 to `counts[author]` for each author of a doc. */
  countAuthors(doc: number, counts: Int32Array): void {
    this.#countOne(doc, counts, 'authors', this.#authorStart, this.#authorIds);
  }

  /** `countTags` for every doc of `docs`, in one loop while nothing is overridden. */
  countTagsOfAll(docs: Int32Array, counts: Int32Array): void {
    this.#countAll(docs, counts, 'tags', this.#tagStart, this.#tagIds);
  }

  /** `countAuthors` for every doc of `docs`. */
  countAuthorsOfAll(docs: Int32Array, counts: Int32Array): void {
    this.#countAll(docs, counts, 'authors', this.#authorStart, this.#authorIds);
  }

  #countOne(doc: number, counts: Int32Array, field: 'tags' | 'authors', start: Uint32Array, ids: Int32Array): void {
    const o = this.#overrides.size > 0 ? this.#overrides.get(doc) : undefined;
    if (o) {
      const list = o[field];
      for (let i = 0; i < list.length; i++) counts[list[i]!]!++;
    } else if (doc < this.#csrDocs) {
      const end = start[doc + 1]!;
      for (let i = start[doc]!; i < end; i++) counts[ids[i]!]!++;
    }
  }

  /**
   * At 1M articles a large match is ~600k docs and millions of increments: with no override,
   * the CSR arrays are read in one loop instead of a call per doc.
   */
  #countAll(
    docs: Int32Array,
    counts: Int32Array,
    field: 'tags' | 'authors',
    start: Uint32Array,
    ids: Int32Array,
  ): void {
    if (this.#overrides.size > 0) {
      for (let i = 0; i < docs.length; i++) this.#countOne(docs[i]!, counts, field, start, ids);
      return;
    }
    const csrDocs = this.#csrDocs;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      if (doc >= csrDocs) continue;
      for (let j = start[doc]!, end = start[doc + 1]!; j < end; j++) counts[ids[j]!]!++;
    }
  }

  /** Earliest and latest publication day of any article ever loaded (bounds day-count arrays). */
  get dayRange(): { min: number; max: number } {
    return { min: this.#minDay, max: this.#maxDay };
  }

  /** Bumped on every change; caches derived from the store compare it. */
  get version(): number {
    return this.#version;
  }

  /**
   * The first `limit` of `docs` by date (newest first, or oldest). Small sets are sorted;
   * large ones are picked by walking the cached date order: a scan, never a sort of every match.
   */
  pickByDate(docs: Int32Array, limit: number, oldest = false): Int32Array {
    const order = this.byDateDesc();
    const published = this.published;
    if (docs.length <= 2_000) {
      const sign = oldest ? -1 : 1;
      return Int32Array.from(docs)
        .sort((a, b) => sign * (published[b]! - published[a]! || b - a))
        .subarray(0, limit);
    }
    const member = new Uint8Array(this.capacity);
    for (let i = 0; i < docs.length; i++) member[docs[i]!] = 1;
    const out = new Int32Array(Math.min(limit, docs.length));
    let n = 0;
    for (let i = 0; i < order.length && n < out.length; i++) {
      const d = order[oldest ? order.length - 1 - i : i]!;
      if (member[d] === 1) out[n++] = d;
    }
    return out;
  }

  /** Live docs, newest first (ties: higher doc first); cached until the next change. */
  byDateDesc(): Int32Array {
    if (!this.#byDateDesc) {
      const docs = new Int32Array(this.#count);
      let n = 0;
      for (let d = 0; d < this.capacity; d++) if (this.alive[d] === 1) docs[n++] = d;
      const published = this.published;
      docs.sort((a, b) => published[b]! - published[a]! || b - a);
      this.#byDateDesc = docs;
    }
    return this.#byDateDesc;
  }

  #setScalar(row: ColumnRow): void {
    if (this.alive[row.doc] !== 1) this.#count++;
    this.alive[row.doc] = 1;
    this.section[row.doc] = this.sections.add(row.section);
    this.published[row.doc] = row.publishedAt;
    this.titleWords[row.doc] = Math.min(255, row.titleWords);
    const day = Math.floor(row.publishedAt / DAY_MS);
    this.day[row.doc] = day;
    if (day < this.#minDay) this.#minDay = day;
    if (day > this.#maxDay) this.#maxDay = day;
    this.#byDateDesc = undefined;
    this.#version++;
  }

  #grow(capacity: number): void {
    const grow = <T extends Uint8Array | Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.alive = grow(this.alive, (n) => new Uint8Array(n));
    this.section = grow(this.section, (n) => new Int32Array(n));
    this.published = grow(this.published, (n) => new Float64Array(n));
    this.day = grow(this.day, (n) => new Int32Array(n));
    this.titleWords = grow(this.titleWords, (n) => new Uint8Array(n));
  }
}
