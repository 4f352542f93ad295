/**
 * The `k` best items of a list by `compare` (negative = a first), in order, without sorting
 * the whole list: a page of 20 out of 60,000 matches costs one pass, not a sort.
 * @example topK([5, 1, 4, 2], 2, (a, b) => a - b) -> [1, 2]
 */
export function topK(items: ArrayLike<number>, k: number, compare: (a: number, b: number) => number): number[] {
  const n = items.length;
  if (k <= 0 || n === 0) return [];
  if (n <= 4 * k + 64) return Array.from(items).sort(compare).slice(0, k);
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    if (best.length === k && compare(item, best[k - 1]!) >= 0) continue;
    // Binary search for the insertion point keeps `best` sorted; k is small.
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(best[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}
