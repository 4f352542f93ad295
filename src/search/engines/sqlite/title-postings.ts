import { ftsString } from './fts-query.js';
import type { FtsReader } from './fts-reader.js';

/**
 * Docs whose title holds every word exactly, ascending. Autocomplete counts "north" + each
 * completion of "ko" on every keystroke; each word's title list comes from the reader's cache
 * of match lists (forgotten when the index changes), so a count is an intersection of small
 * sorted arrays instead of an FTS5 query.
 */
export function titlesHoldingAll(fts: FtsReader, words: readonly string[]): Int32Array {
  const lists = words.map((w) => fts.titleDocs(ftsString(w))).sort((a, b) => a.length - b.length);
  let result = lists[0] ?? new Int32Array(0);
  for (let i = 1; i < lists.length && result.length > 0; i++) result = intersect(result, lists[i]!);
  return result;
}

/** Intersection of two ascending lists (the first the shorter), by galloping through the second. */
export function intersect(small: Int32Array, large: Int32Array): Int32Array {
  const out = new Int32Array(small.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < small.length && j < large.length; i++) {
    const v = small[i]!;
    // Gallop: double the step until past v, then binary search in the last step.
    let step = 1;
    let hi = j;
    while (hi < large.length && large[hi]! < v) {
      j = hi;
      hi += step;
      step *= 2;
    }
    let lo = j;
    hi = Math.min(hi, large.length);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (large[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    j = lo;
    if (j < large.length && large[j] === v) out[n++] = v;
  }
  return out.subarray(0, n);
}
