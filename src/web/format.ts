/** Display formats: English, UTC (the facets bucket by UTC day, so the page dates do too). */

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const MONTH_LONG = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY_LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const NUMBER = new Intl.NumberFormat('en-GB');
const NAMES = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/** @example formatDate("2023-01-10T13:25:00Z") -> "10 Jan 2023" */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DAY.format(date);
}

/**
 * A date bucket's label, short or long (for screen readers).
 * @example formatBucket("2023-03") -> "Mar 2023"; formatBucket("2023-03", true) -> "March 2023"
 */
export function formatBucket(value: string, long = false): string {
  const [year, month, day] = value.split('-');
  if (!month) return value;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
  if (Number.isNaN(date.getTime())) return value;
  if (day) return (long ? DAY_LONG : DAY).format(date);
  return (long ? MONTH_LONG : MONTH).format(date);
}

/**
 * A chosen date range.
 * @example formatRange("2023-03-01", "2023-03-31") -> "1 Mar 2023 – 31 Mar 2023"
 */
export function formatRange(from: string | undefined, to: string | undefined): string {
  if (from && to) return from === to ? formatBucket(from) : `${formatBucket(from)} – ${formatBucket(to)}`;
  if (from) return `from ${formatBucket(from)}`;
  return to ? `until ${formatBucket(to)}` : '';
}

/** @example formatCount(1234) -> "1,234" */
export function formatCount(n: number): string {
  return NUMBER.format(n);
}

/** @example formatNames(["A", "B", "C"]) -> "A, B and C" */
export function formatNames(names: readonly string[]): string {
  return NAMES.format(names);
}

/** @example plural(1, "article") -> "1 article"; plural(2, "article") -> "2 articles" */
export function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}
