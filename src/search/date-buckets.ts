import { DAY_MS } from '../articles/dates.js';
import { compareText } from './count-order.js';
import { SEARCH_LIMITS, type DateInterval } from './search.schema.js';

/**
 * Date facet arithmetic shared by every engine (pure, UTC).
 * @example chooseDateInterval('auto', Date.UTC(2021,0,1), Date.UTC(2021,2,5)) -> 'day' (64 days > 60) -> 'month'
 */
const INTERVALS_FINEST_FIRST: readonly DateInterval[] = ['day', 'month', 'year'];

/** Number of buckets an interval needs to cover [minMs, maxMs]. */
export function bucketCount(interval: DateInterval, minMs: number, maxMs: number): number {
  const a = new Date(minMs);
  const b = new Date(maxMs);
  if (interval === 'year') return b.getUTCFullYear() - a.getUTCFullYear() + 1;
  if (interval === 'month')
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  return Math.floor(maxMs / DAY_MS) - Math.floor(minMs / DAY_MS) + 1;
}

/**
 * The interval to use: `auto` is the finest that needs at most 60 buckets; an explicit one is
 * kept unless it needs more than 1,000 buckets, then coarsened.
 */
export function chooseDateInterval(requested: DateInterval | 'auto', minMs: number, maxMs: number): DateInterval {
  const cap = requested === 'auto' ? SEARCH_LIMITS.autoDateBuckets : SEARCH_LIMITS.maxDateBuckets;
  const start = requested === 'auto' ? 0 : INTERVALS_FINEST_FIRST.indexOf(requested);
  for (const interval of INTERVALS_FINEST_FIRST.slice(start)) {
    if (bucketCount(interval, minMs, maxMs) <= cap) return interval;
  }
  return 'year';
}

/** The bucket key of a timestamp: "2021", "2021-01" or "2021-01-08". */
export function bucketKey(interval: DateInterval, epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return interval === 'year' ? iso.slice(0, 4) : interval === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
}

/** First and last day (YYYY-MM-DD, inclusive) of a bucket key. */
export function bucketRange(key: string): { from: string; to: string } {
  if (key.length === 4) return { from: `${key}-01-01`, to: `${key}-12-31` };
  if (key.length === 7) {
    const [y, m] = key.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { from: `${key}-01`, to: `${key}-${String(last).padStart(2, '0')}` };
  }
  return { from: key, to: key };
}

/** Per-day counts -> chronological, non-empty buckets of the chosen interval. */
export function toDateBuckets(
  dayCounts: Iterable<[dayKey: string, count: number]>,
  interval: DateInterval,
): { value: string; from: string; to: string; count: number }[] {
  const merged = new Map<string, number>();
  for (const [day, count] of dayCounts) {
    if (count <= 0) continue;
    const key = interval === 'year' ? day.slice(0, 4) : interval === 'month' ? day.slice(0, 7) : day;
    merged.set(key, (merged.get(key) ?? 0) + count);
  }
  return [...merged.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([value, count]) => ({ value, ...bucketRange(value), count }));
}
