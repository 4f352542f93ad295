/**
 * Finds the words of a sorted list within an edit budget of a typed word, walking the list
 * like a trie: the dynamic-programming rows of a shared prefix are reused from one word to
 * the next, and a whole range of words is skipped as soon as its prefix is out of budget.
 * Damerau-Levenshtein (a swap of neighbours is one edit). Typically a few hundred row
 * computations instead of a full distance per vocabulary word.
 */

/** One hit: the index in the list and the distance (for `prefix`, to the closest prefix of the word). */
export interface FuzzyHit {
  index: number;
  distance: number;
}

/**
 * Scans `sorted[lo..hi)` for words within `max` edits of `typed`; with `prefix`, a word matches
 * when one of its prefixes does (as-you-type).
 * @example fuzzyScan(["government", "governments", "gown"], "goverment", 2) -> hits 0 (1), 1 (2)
 */
export function fuzzyScan(
  sorted: readonly string[],
  typed: string,
  max: number,
  options: { prefix?: boolean; lo?: number; hi?: number } = {},
): FuzzyHit[] {
  const n = typed.length;
  const hits: FuzzyHit[] = [];
  // rows[d] is the DP row after d letters of the current word; rows above `valid` are stale
  // buffers kept for reuse (no allocation per word).
  const rows: Int32Array[] = [Int32Array.from({ length: n + 1 }, (_, j) => j)];
  let valid = 0;
  // best[d]: in prefix mode, the closest any prefix of length <= d came to the typed word.
  const best: number[] = [n];
  const hi = options.hi ?? sorted.length;
  let previous = '';
  let i = options.lo ?? 0;
  while (i < hi) {
    const word = sorted[i]!;
    let depth = commonPrefix(word, previous, valid);
    let pruned = -1;
    for (; depth < word.length; depth++) {
      const row = nextRow(rows, depth + 1, word, typed);
      best[depth + 1] = Math.min(best[depth]!, row[n]!);
      if (minOf(row) > max) {
        pruned = depth + 1;
        break;
      }
    }
    if (pruned > 0) {
      // Every word sharing this prefix is out of budget too, unless (prefix mode) a shorter
      // prefix already matched: then every one of them matches at that distance.
      const end = skipPrefix(sorted, i, hi, word.slice(0, pruned));
      if (options.prefix && best[pruned - 1]! <= max)
        for (let k = i; k < end; k++) hits.push({ index: k, distance: best[pruned - 1]! });
      i = end;
      previous = word.slice(0, pruned - 1);
      valid = pruned - 1;
      continue;
    }
    valid = word.length;
    const distance = options.prefix ? best[word.length]! : rows[word.length]![n]!;
    if (distance <= max) hits.push({ index: i, distance });
    previous = word;
    i++;
  }
  return hits;
}

function nextRow(rows: Int32Array[], depth: number, word: string, typed: string): Int32Array {
  const prev = rows[depth - 1]!;
  const prev2 = depth >= 2 ? rows[depth - 2] : undefined;
  const row = rows[depth] ?? new Int32Array(typed.length + 1);
  rows[depth] = row;
  const c = word[depth - 1];
  row[0] = depth;
  for (let j = 1; j <= typed.length; j++) {
    const cost = typed[j - 1] === c ? 0 : 1;
    let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
    if (prev2 && j > 1 && typed[j - 1] === word[depth - 2] && typed[j - 2] === c) v = Math.min(v, prev2[j - 2]! + 1);
    row[j] = v;
  }
  return row;
}

function minOf(row: Int32Array): number {
  let m = row[0]!;
  for (let j = 1; j < row.length; j++) if (row[j]! < m) m = row[j]!;
  return m;
}

function commonPrefix(a: string, b: string, limit: number): number {
  let k = 0;
  while (k < limit && k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

/** First index at or after `from` whose word does not start with `prefix`. */
function skipPrefix(sorted: readonly string[], from: number, hi: number, prefix: string): number {
  let lo = from + 1;
  let top = hi;
  while (lo < top) {
    const mid = (lo + top) >>> 1;
    if (sorted[mid]!.startsWith(prefix)) lo = mid + 1;
    else top = mid;
  }
  return lo;
}
