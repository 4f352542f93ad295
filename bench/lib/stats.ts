/**
 * Summary statistics of latency samples. Pure, so the method is unit-tested and stated once.
 *
 * @remarks Percentiles use linear interpolation between the closest ranks (Hyndman & Fan
 * type 7, NumPy's and R's default): for sorted samples x[0..n-1], the p-th percentile sits at
 * position h = (n - 1) * p / 100 and is x[floor(h)] + (h - floor(h)) * (x[floor(h)+1] - x[floor(h)]).
 * With 100 samples, p99 lies between the two largest.
 */

/** Percentile method, printed next to the tables. */
export const PERCENTILE_METHOD = 'linear interpolation between closest ranks (Hyndman-Fan type 7)';

/**
 * The p-th percentile (0..100) of already sorted values.
 * @example percentileOfSorted([1, 2, 3, 4], 50) -> 2.5
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const h = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The p-th percentile of values in any order. */
export function percentile(values: readonly number[], p: number): number {
  return percentileOfSorted(Float64Array.from(values).sort(), p);
}

/**
 * The median; the mean of the two middle values for an even count.
 * @example median([3, 1, 2, 10]) -> 2.5
 */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** What a latency series is reduced to: no raw arrays are kept in results. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Summarises one run's samples (milliseconds). */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const s of sorted) sum += s;
  return {
    count: sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

/**
 * Combines runs field by field with the median, so one noisy run (a shared machine) does
 * not move the figure. Counts are summed.
 * @example medianOfRuns([{ p50: 1, ... }, { p50: 3, ... }, { p50: 2, ... }]).p50 -> 2
 */
export function medianOfRuns(runs: readonly LatencySummary[]): LatencySummary {
  const field = (key: keyof LatencySummary) => median(runs.map((r) => r[key]));
  return {
    count: runs.reduce((n, r) => n + r.count, 0),
    p50: field('p50'),
    p95: field('p95'),
    p99: field('p99'),
    mean: field('mean'),
    max: field('max'),
  };
}

/** The median of one numeric field across runs, ignoring runs that lack it. */
export function medianOf<T>(runs: readonly T[], value: (run: T) => number | undefined): number | undefined {
  const values = runs.map(value).filter((v): v is number => v !== undefined && Number.isFinite(v));
  return values.length > 0 ? median(values) : undefined;
}

/** a / b, or undefined when either is missing or b is 0. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}
