/**
 * Recently used FTS5 match lists, bounded by the number of ids they hold, least recently used
 * forgotten first. A common word's list is tens of thousands of ids and costs more to fetch
 * (FTS5 walks its doclist, SQLite formats it, we parse it) than the rest of a search; readers
 * search the same words again and again. Lists are shared and must never be written to; the
 * owner clears the cache whenever the index changes.
 */
export class DocListCache {
  readonly #lists = new Map<string, Int32Array>();
  #ids = 0;

  /** @param maxIds ids held at most (4 bytes each); a longer list is not kept. 0 turns it off. */
  constructor(readonly maxIds: number) {}

  get size(): number {
    return this.#lists.size;
  }

  /** The cached list for `key`, or `fetch()`'s answer, kept for next time. */
  get(key: string, fetch: () => Int32Array): Int32Array {
    const hit = this.#lists.get(key);
    if (hit) {
      // Re-inserted: Map order is the recency order.
      this.#lists.delete(key);
      this.#lists.set(key, hit);
      return hit;
    }
    const list = fetch();
    if (list.length > this.maxIds) return list;
    this.#lists.set(key, list);
    this.#ids += list.length;
    for (const [oldest, old] of this.#lists) {
      if (this.#ids <= this.maxIds) break;
      this.#lists.delete(oldest);
      this.#ids -= old.length;
    }
    return list;
  }

  clear(): void {
    this.#lists.clear();
    this.#ids = 0;
  }
}
