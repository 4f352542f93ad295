import type { DateInterval, Facets } from '../api/types.js';

/** One bucket of the date facet. */
export type DateBucket = NonNullable<Facets['date']>[number];

/** Above this many buckets the gaps are left unfilled (a histogram that wide is unreadable anyway). */
const MAX_FILLED = 400;

/**
 * Adds the empty buckets between the first and the last: the API lists non-empty buckets
 * only, and a histogram without its empty months would squeeze time.
 * @example fillDateGaps([{ value: "2023-01", ... count: 2 }, { value: "2023-03", ... count: 1 }], "month")
 *   -> 2023-01 (2), 2023-02 (0, from 2023-02-01 to 2023-02-28), 2023-03 (1)
 */
export function fillDateGaps(buckets: readonly DateBucket[], interval: DateInterval | undefined): DateBucket[] {
  const first = buckets[0];
  const last = buckets.at(-1);
  const unit = interval ?? unitOf(first?.value);
  if (!first || !last || !unit) return [...buckets];
  const byValue = new Map(buckets.map((b) => [b.value, b]));
  const filled: DateBucket[] = [];
  for (let start = parseStart(first.value); start !== undefined; start = next(start, unit)) {
    const bucket = describe(start, unit);
    filled.push(byValue.get(bucket.value) ?? bucket);
    if (bucket.value >= last.value) return filled;
    if (filled.length > MAX_FILLED) break;
  }
  return [...buckets];
}

function unitOf(value: string | undefined): DateInterval | undefined {
  const parts = value?.split('-').length;
  return parts === 1 ? 'year' : parts === 2 ? 'month' : parts === 3 ? 'day' : undefined;
}

function parseStart(value: string): Date | undefined {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? NaN, (m ?? 1) - 1, d ?? 1));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function next(date: Date, unit: DateInterval): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  if (unit === 'year') return new Date(Date.UTC(y + 1, 0, 1));
  if (unit === 'month') return new Date(Date.UTC(y, m + 1, 1));
  return new Date(Date.UTC(y, m, date.getUTCDate() + 1));
}

function describe(start: Date, unit: DateInterval): DateBucket {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const end = new Date(next(start, unit).getTime() - 86_400_000);
  const value = unit === 'year' ? day(start).slice(0, 4) : unit === 'month' ? day(start).slice(0, 7) : day(start);
  return { value, from: day(start), to: day(end), count: 0 };
}
