/**
 * Seeded randomness for the benchmark: the same seed gives the same corpus and the same
 * queries on every machine, so runs and commits stay comparable.
 */

/** A function returning floats in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: tiny, fast and good enough for test data (not for cryptography).
 * @example const r = mulberry32(42); r() -> 0.6011037519201636
 */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max], both inclusive. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('pick: empty list');
  return item;
}

/** Zipf weights 1/r^s for ranks 1..n (index 0 is rank 1). */
export function zipfWeights(n: number, s = 1): Float64Array {
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = 1 / Math.pow(i + 1, s);
  return weights;
}

/**
 * Walker's alias method: O(1) draws from a fixed discrete distribution. The corpus draws
 * tens of millions of words, so a binary search over the CDF per draw would dominate.
 * @returns a sampler giving an index in [0, weights.length)
 */
export function aliasSampler(weights: ArrayLike<number>, random: Random): () => number {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const prob = new Float64Array(n);
  const alias = new Uint32Array(n);
  const scaled = Float64Array.from({ length: n }, (_, i) => (weights[i]! * n) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  // Leftovers are 1 up to rounding error.
  for (const i of [...small, ...large]) prob[i] = 1;
  return () => {
    const column = Math.floor(random() * n);
    return random() < prob[column]! ? column : alias[column]!;
  };
}
