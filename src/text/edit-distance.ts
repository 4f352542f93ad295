/**
 * Typo distances with Meilisearch's rules: Damerau-Levenshtein (a swap of two neighbours is
 * one typo) where a typo on the first letter costs 2.
 */

/** Typos allowed for a word of this many characters: 0 below 5, 1 below 9, else 2. */
export function allowedTypos(length: number): 0 | 1 | 2 {
  return length < 5 ? 0 : length < 9 ? 1 : 2;
}

/**
 * Distance between `a` and `b`, or `max + 1` once it exceeds `max` (early exit).
 * @example typoDistance("goverment", "government", 2) -> 1
 * @example typoDistance("xovernment", "government", 2) -> 2 (first letter)
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const firstPenalty = a.length > 0 && b.length > 0 && a[0] !== b[0] ? 1 : 0;
  const d = damerau(a, b, max);
  return Math.min(max + 1, d + firstPenalty);
}

/**
 * Smallest distance between `typed` and any prefix of `word` (for as-you-type matching).
 * @example prefixTypoDistance("semocon", "semiconductor", 1) -> 1
 */
export function prefixTypoDistance(typed: string, word: string, max: number): number {
  let best = max + 1;
  for (let len = Math.max(1, typed.length - max); len <= Math.min(word.length, typed.length + max); len++) {
    best = Math.min(best, typoDistance(typed, word.slice(0, len), max));
    if (best === 0) break;
  }
  return best;
}

/** Optimal-string-alignment distance with a band cut-off. */
function damerau(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}
