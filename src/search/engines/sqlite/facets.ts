import { DAY_MS } from '../../../articles/dates.js';
import { compareByCount } from '../../count-order.js';
import { bucketKey, bucketRange, chooseDateInterval } from '../../date-buckets.js';
import type { DateInterval, FacetName, Facets } from '../../search.schema.js';
import type { ColumnStore } from './column-store.js';
import type { Dictionary } from './dictionary.js';
import { filterBits, hasFilters, PASS, type CompiledFilters } from './filters.js';
import type { WordFacetCounts } from './word-facets.js';

/** What one pass over the matches produces. */
export interface FilteredMatches {
  /** Matching docs that pass every filter, in the input order. */
  docs: Int32Array;
  facets: Facets;
  dateInterval?: DateInterval;
}

interface FacetRequest {
  facets: readonly FacetName[];
  facetLimit: number;
  dateInterval: DateInterval | 'auto';
}

/**
 * Applies the filters and counts the facets in one pass over the matches. Disjunctive
 * facets (section, authors, date) count docs that pass every filter but their own.
 * `matches` = undefined means every live article (browse).
 */
export function filterAndCount(
  store: ColumnStore,
  matches: Int32Array | undefined,
  filters: CompiledFilters,
  request: FacetRequest,
  saved?: WordFacetCounts,
): FilteredMatches {
  const want = new Set(request.facets);
  const sectionCounts = want.has('section') ? new Int32Array(store.sections.size) : null;
  const tagCounts = want.has('tags') ? new Int32Array(store.tags.size) : null;
  const authorCounts = want.has('authors') ? new Int32Array(store.authors.size) : null;
  const days = want.has('date') ? new DayCounts(store) : null;
  const filtered = hasFilters(filters);
  if (matches && !filtered) {
    // Nothing to filter (most searches): the match list is the result, counted in one tight loop,
    // or not at all when it is a frequent word's whole list whose counts were saved.
    if (saved) fromSaved(saved, { sectionCounts, tagCounts, authorCounts, days });
    else countUnfiltered(store, matches, { sectionCounts, tagCounts, authorCounts, days });
    return finish(store, matches, request, { sectionCounts, tagCounts, authorCounts, days });
  }
  const out = new Int32Array(matches ? matches.length : store.count);
  const section = store.section;
  let n = 0;
  const visit = (doc: number) => {
    const bits = filtered ? filterBits(filters, store, doc) : PASS.all;
    if (bits === PASS.all) {
      out[n++] = doc;
      if (tagCounts) store.countTags(doc, tagCounts);
    }
    if (sectionCounts && (bits | PASS.section) === PASS.all) sectionCounts[section[doc]!]!++;
    if (authorCounts && (bits | PASS.authors) === PASS.all) store.countAuthors(doc, authorCounts);
    if (days && (bits | PASS.date) === PASS.all) days.add(doc);
  };
  if (matches) for (let i = 0; i < matches.length; i++) visit(matches[i]!);
  else for (let d = 0; d < store.capacity; d++) if (store.alive[d] === 1) visit(d);
  return finish(store, out.subarray(0, n), request, { sectionCounts, tagCounts, authorCounts, days });
}

interface Counters {
  sectionCounts: Int32Array | null;
  tagCounts: Int32Array | null;
  authorCounts: Int32Array | null;
  days: DayCounts | null;
}

/** Facet counts of docs that need no filtering: one loop per facet, no call per doc. */
function countUnfiltered(
  store: ColumnStore,
  docs: Int32Array,
  { sectionCounts, tagCounts, authorCounts, days }: Counters,
): void {
  if (sectionCounts) {
    const section = store.section;
    for (let i = 0; i < docs.length; i++) sectionCounts[section[docs[i]!]!]!++;
  }
  if (tagCounts) store.countTagsOfAll(docs, tagCounts);
  if (authorCounts) store.countAuthorsOfAll(docs, authorCounts);
  if (days) days.addAll(docs);
}

/** The saved counts of a word's list, into the counters the request asked for. */
function fromSaved(saved: WordFacetCounts, { sectionCounts, tagCounts, authorCounts, days }: Counters): void {
  sectionCounts?.set(saved.sections);
  tagCounts?.set(saved.tags);
  authorCounts?.set(saved.authors);
  if (days) for (const [day, count] of saved.days) days.addDay(day, count);
}

/** Counters -> the response's facets, top values first. */
function finish(
  store: ColumnStore,
  docs: Int32Array,
  request: FacetRequest,
  { sectionCounts, tagCounts, authorCounts, days }: Counters,
): FilteredMatches {
  const facets: Facets = {};
  if (sectionCounts) facets.section = topValues(sectionCounts, store.sections, request.facetLimit);
  if (tagCounts) facets.tags = topValues(tagCounts, store.tags, request.facetLimit);
  if (authorCounts) facets.authors = topValues(authorCounts, store.authors, request.facetLimit);
  const result: FilteredMatches = { docs, facets };
  if (days) {
    const { buckets, interval } = dateFacet(days, request.dateInterval);
    facets.date = buckets;
    if (interval) result.dateInterval = interval;
  }
  return result;
}

/** The `limit` most frequent values, count desc then value asc; zero counts omitted. */
export function topValues(counts: Int32Array, dict: Dictionary, limit: number): { value: string; count: number }[] {
  const ids: number[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) ids.push(id);
  const byRank = (a: number, b: number) => compareByCount(counts[a]!, dict.name(a), counts[b]!, dict.name(b));
  return selectTop(ids, limit, byRank).map((id) => ({ value: dict.name(id), count: counts[id]! }));
}

function selectTop(ids: number[], limit: number, compare: (a: number, b: number) => number): number[] {
  return ids.sort(compare).slice(0, limit);
}

/**
 * Articles per publication day, in a typed array over the store's day range (a Map beyond
 * a few centuries of range, which only garbage dates produce).
 */
class DayCounts {
  readonly min: number;
  readonly dense: Int32Array | undefined;
  readonly sparse = new Map<number, number>();
  readonly day: Int32Array;

  constructor(store: ColumnStore) {
    const { min, max } = store.dayRange;
    this.min = min;
    this.day = store.day;
    this.dense = Number.isFinite(min) && max - min < 200_000 ? new Int32Array(max - min + 1) : undefined;
  }

  add(doc: number): void {
    this.addDay(this.day[doc]!, 1);
  }

  addDay(day: number, count: number): void {
    if (this.dense) this.dense[day - this.min]! += count;
    else this.sparse.set(day, (this.sparse.get(day) ?? 0) + count);
  }

  addAll(docs: Int32Array): void {
    const { dense, day, min } = this;
    if (!dense) {
      for (let i = 0; i < docs.length; i++) this.add(docs[i]!);
      return;
    }
    for (let i = 0; i < docs.length; i++) dense[day[docs[i]!]! - min]!++;
  }

  /** [day, count] for every day with articles, ascending. */
  *entries(): IterableIterator<[number, number]> {
    if (!this.dense) {
      yield* [...this.sparse].sort((a, b) => a[0] - b[0]);
      return;
    }
    for (let i = 0; i < this.dense.length; i++) if (this.dense[i]! > 0) yield [i + this.min, this.dense[i]!];
  }
}

/** Day counts -> the date facet: interval chosen from the first and last day, then buckets. */
function dateFacet(days: DayCounts, requested: DateInterval | 'auto') {
  const entries = [...days.entries()];
  if (entries.length === 0) return { buckets: [], interval: undefined };
  const interval = chooseDateInterval(requested, entries[0]![0] * DAY_MS, entries.at(-1)![0] * DAY_MS);
  // Days arrive in order, so each bucket's key is computed once, when the bucket changes.
  const merged: [string, number][] = [];
  let bucketEnd = -Infinity;
  for (const [day, count] of entries) {
    if (day > bucketEnd) {
      const key = bucketKey(interval, day * DAY_MS);
      bucketEnd = Math.floor(Date.parse(`${bucketRange(key).to}T00:00:00Z`) / DAY_MS);
      merged.push([key, 0]);
    }
    merged.at(-1)![1] += count;
  }
  return { buckets: merged.map(([value, count]) => ({ value, ...bucketRange(value), count })), interval };
}

/** Which column store dictionary and accessor a searchable facet uses. */
export function facetDictionary(store: ColumnStore, facet: 'section' | 'tags' | 'authors'): Dictionary {
  return facet === 'section' ? store.sections : facet === 'tags' ? store.tags : store.authors;
}

/**
 * Counts of one facet's values over the matches that pass the filters; for the disjunctive
 * section and authors facets, their own filter is ignored (as in search facets).
 */
export function facetCounts(
  store: ColumnStore,
  matches: Int32Array | undefined,
  filters: CompiledFilters,
  facet: 'section' | 'tags' | 'authors',
): Int32Array {
  if (!matches && !hasFilters(filters)) return globalCounts(store, facet);
  const counts = new Int32Array(facetDictionary(store, facet).size);
  const own = facet === 'section' ? PASS.section : facet === 'authors' ? PASS.authors : 0;
  const visit = (doc: number) => {
    if ((filterBits(filters, store, doc) | own) !== PASS.all) return;
    if (facet === 'section') counts[store.section[doc]!]!++;
    else if (facet === 'tags') store.countTags(doc, counts);
    else store.countAuthors(doc, counts);
  };
  if (matches) for (let i = 0; i < matches.length; i++) visit(matches[i]!);
  else for (let d = 0; d < store.capacity; d++) if (store.alive[d] === 1) visit(d);
  return counts;
}

const globalCache = new WeakMap<ColumnStore, { version: number; counts: Map<string, Int32Array> }>();

/** Counts over every article, cached until the store changes (autocomplete asks on every keystroke). */
function globalCounts(store: ColumnStore, facet: 'section' | 'tags' | 'authors'): Int32Array {
  let cache = globalCache.get(store);
  if (!cache || cache.version !== store.version) {
    cache = { version: store.version, counts: new Map() };
    globalCache.set(store, cache);
  }
  let counts = cache.counts.get(facet);
  if (!counts) {
    const all = new Int32Array(facetDictionary(store, facet).size);
    for (let d = 0; d < store.capacity; d++) {
      if (store.alive[d] !== 1) continue;
      if (facet === 'section') all[store.section[d]!]!++;
      else if (facet === 'tags') store.countTags(d, all);
      else store.countAuthors(d, all);
    }
    counts = all;
    cache.counts.set(facet, counts);
  }
  return counts;
}
