import { chooseDateInterval, toDateBuckets } from '../../date-buckets.js';
import type { DateInterval, FacetName, Facets } from '../../search.schema.js';
import type { ColumnStore } from './column-store.js';
import type { Dictionary } from './dictionary.js';
import { filterBits, PASS, type CompiledFilters } from './filters.js';

const DAY_MS = 86_400_000;

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
): FilteredMatches {
  const want = new Set(request.facets);
  const sectionCounts = want.has('section') ? new Int32Array(store.sections.size) : null;
  const tagCounts = want.has('tags') ? new Int32Array(store.tags.size) : null;
  const authorCounts = want.has('authors') ? new Int32Array(store.authors.size) : null;
  const dayCounts = want.has('date') ? new Map<number, number>() : null;
  const out = new Int32Array(matches ? matches.length : store.count);
  let n = 0;

  const visit = (doc: number) => {
    const bits = filterBits(filters, store, doc);
    if (bits === PASS.all) {
      out[n++] = doc;
      if (tagCounts) for (const t of store.tagsOf(doc)) tagCounts[t]!++;
    }
    if (sectionCounts && (bits | PASS.section) === PASS.all) sectionCounts[store.section[doc]!]!++;
    if (authorCounts && (bits | PASS.authors) === PASS.all) for (const a of store.authorsOf(doc)) authorCounts[a]!++;
    if (dayCounts && (bits | PASS.date) === PASS.all) {
      const day = store.day[doc]!;
      dayCounts.set(day, (dayCounts.get(day) ?? 0) + 1);
    }
  };
  if (matches) for (let i = 0; i < matches.length; i++) visit(matches[i]!);
  else for (let d = 0; d < store.capacity; d++) if (store.alive[d] === 1) visit(d);

  const facets: Facets = {};
  if (sectionCounts) facets.section = topValues(sectionCounts, store.sections, request.facetLimit);
  if (tagCounts) facets.tags = topValues(tagCounts, store.tags, request.facetLimit);
  if (authorCounts) facets.authors = topValues(authorCounts, store.authors, request.facetLimit);
  const result: FilteredMatches = { docs: out.subarray(0, n), facets };
  if (dayCounts) {
    const { buckets, interval } = dateFacet(dayCounts, request.dateInterval);
    facets.date = buckets;
    if (interval) result.dateInterval = interval;
  }
  return result;
}

/** The `limit` most frequent values, count desc then value asc; zero counts omitted. */
export function topValues(counts: Int32Array, dict: Dictionary, limit: number): { value: string; count: number }[] {
  const ids: number[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) ids.push(id);
  const byRank = (a: number, b: number) => counts[b]! - counts[a]! || compareText(dict.name(a), dict.name(b));
  return selectTop(ids, limit, byRank).map((id) => ({ value: dict.name(id), count: counts[id]! }));
}

/** Code-unit order, the same on every engine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function selectTop(ids: number[], limit: number, compare: (a: number, b: number) => number): number[] {
  return ids.sort(compare).slice(0, limit);
}

function dateFacet(dayCounts: Map<number, number>, requested: DateInterval | 'auto') {
  if (dayCounts.size === 0) return { buckets: [], interval: undefined };
  let min = Infinity;
  let max = -Infinity;
  for (const day of dayCounts.keys()) {
    if (day < min) min = day;
    if (day > max) max = day;
  }
  const interval = chooseDateInterval(requested, min * DAY_MS, max * DAY_MS);
  const days = Array.from(dayCounts, ([day, count]): [string, number] => [new Date(day * DAY_MS).toISOString().slice(0, 10), count]);
  return { buckets: toDateBuckets(days, interval), interval };
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
  const counts = new Int32Array(facetDictionary(store, facet).size);
  const own = facet === 'section' ? PASS.section : facet === 'authors' ? PASS.authors : 0;
  const visit = (doc: number) => {
    if ((filterBits(filters, store, doc) | own) !== PASS.all) return;
    if (facet === 'section') counts[store.section[doc]!]!++;
    else for (const id of facet === 'tags' ? store.tagsOf(doc) : store.authorsOf(doc)) counts[id]!++;
  };
  if (matches) for (let i = 0; i < matches.length; i++) visit(matches[i]!);
  else for (let d = 0; d < store.capacity; d++) if (store.alive[d] === 1) visit(d);
  return counts;
}
