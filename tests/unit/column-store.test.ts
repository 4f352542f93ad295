import { describe, expect, it } from 'vitest';
import { ColumnStore, type ColumnRow } from '../../src/search/engines/sqlite/column-store.js';

/** The embedded engine's in-memory columns: what filters, facets and date sorting read. */
const DAY = 86_400_000;
const row = (doc: number, day: number, extra: Partial<ColumnRow> = {}): ColumnRow => ({
  doc,
  section: 'World',
  publishedAt: Date.UTC(2024, 0, 1) + day * DAY,
  titleWords: 4,
  tags: [],
  authors: [],
  ...extra,
});
const names = (ids: Int32Array, dict: { name(id: number): string }) => Array.from(ids, (id) => dict.name(id));

describe('ColumnStore', () => {
  it('when built, then each doc holds its own tags and authors, and values differing only in case share one entry', () => {
    const store = ColumnStore.build(
      [row(1, 0, { tags: ['korea', 'Missiles'], authors: ['Kim'] }), row(3, 1, { tags: ['KOREA'] })],
      3,
    );
    expect(store.count).toBe(2);
    expect(names(store.tagsOf(1), store.tags)).toEqual(['korea', 'Missiles']);
    expect(names(store.tagsOf(3), store.tags)).toEqual(['korea']);
    expect(names(store.authorsOf(1), store.authors)).toEqual(['Kim']);
    expect(store.tagsOf(2)).toHaveLength(0);
    expect(store.tags.size).toBe(2);
  });

  it('when an article is updated or added after the load, then its new tags count, its old ones not', () => {
    const store = ColumnStore.build([row(0, 0, { tags: ['old'] })], 0);
    store.upsert(row(0, 0, { tags: ['new'] }));
    store.upsert(row(5, 2, { tags: ['new', 'extra'] }));
    const counts = new Int32Array(store.tags.size);
    store.countTagsOfAll(Int32Array.from([0, 5]), counts);
    expect(Object.fromEntries(Array.from(counts, (n, id) => [store.tags.name(id), n]))).toEqual({
      old: 0,
      new: 2,
      extra: 1,
    });
    expect(store.count).toBe(2);
  });

  it('when an article is deleted, then it no longer counts and leaves the date order', () => {
    const store = ColumnStore.build([row(0, 0), row(1, 5), row(2, 9)], 2);
    const before = store.version;
    store.remove(1);
    store.remove(1);
    expect(store.count).toBe(2);
    expect(Array.from(store.byDateDesc())).toEqual([2, 0]);
    expect(store.version).toBeGreaterThan(before);
  });

  it('when docs are ordered by date, then newest first (the later doc first on the same instant), or oldest first', () => {
    const store = ColumnStore.build([row(0, 3), row(1, 1), row(2, 3), row(3, 2)], 3);
    expect(Array.from(store.byDateDesc())).toEqual([2, 0, 3, 1]);
    expect(Array.from(store.pickByDate(Int32Array.from([0, 1, 3]), 2))).toEqual([0, 3]);
    expect(Array.from(store.pickByDate(Int32Array.from([0, 1, 3]), 2, true))).toEqual([1, 3]);
  });

  it('when many docs are picked by date, then the walk over the cached order gives what a sort would', () => {
    const rows = Array.from({ length: 5_000 }, (_, doc) => row(doc, (doc * 7919) % 1_000));
    const store = ColumnStore.build(rows, 4_999);
    const docs = Int32Array.from({ length: 2_500 }, (_, i) => i * 2);
    const byDate = (a: number, b: number) => store.published[b]! - store.published[a]! || b - a;
    const sorted = Array.from(docs).sort(byDate);
    expect(Array.from(store.pickByDate(docs, 20))).toEqual(sorted.slice(0, 20));
    expect(Array.from(store.pickByDate(docs, 20, true))).toEqual(sorted.reverse().slice(0, 20));
  });

  it('when publication days are read, then they are UTC days, and the range spans every article loaded', () => {
    const store = ColumnStore.build([row(0, 0), row(1, 30)], 1);
    expect(store.day[1]! - store.day[0]!).toBe(30);
    expect(store.dayRange).toEqual({ min: store.day[0], max: store.day[1] });
  });

  it('when a title is very long, then its word count is capped at 255 (shorter titles rank first among equals)', () => {
    const store = ColumnStore.build([row(0, 0, { titleWords: 1_000 }), row(1, 0, { titleWords: 3 })], 1);
    expect(Array.from(store.titleWords)).toEqual([255, 3]);
  });
});
