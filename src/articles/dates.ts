/** Milliseconds in a UTC day (no leap seconds in epoch time). */
export const DAY_MS = 86_400_000;

/**
 * ISO 8601 dates and datetimes -> UTC. A datetime without a zone is read as UTC.
 * @example toUtcIso("2021-01-08T03:55:00+09:00") -> "2021-01-07T18:55:00Z"
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch milliseconds of an ISO 8601 date or datetime, or `undefined` when it is not one. */
export function parseIsoDate(text: string): number | undefined {
  const value = text.trim();
  const date = ISO_DATE.exec(value);
  if (date) return validUtc(Number(date[1]), Number(date[2]), Number(date[3]), 0, 0, 0, 0);
  const dt = ISO_DATETIME.exec(value);
  if (!dt) return undefined;
  const ms = Number(((dt[7] ?? '') + '000').slice(0, 3));
  const utc = validUtc(
    Number(dt[1]),
    Number(dt[2]),
    Number(dt[3]),
    Number(dt[4]),
    Number(dt[5]),
    Number(dt[6] ?? 0),
    ms,
  );
  if (utc === undefined) return undefined;
  return utc - zoneOffsetMinutes(dt[8]) * 60_000;
}

function validUtc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | undefined {
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(t);
  // Rejects 2021-02-30 and the like, which Date.UTC silently rolls over.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t;
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

/** Canonical stored form: UTC, second precision unless milliseconds are set. */
export function formatUtc(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

/** End of the UTC day that `epochMs` falls in, inclusive (23:59:59.999). */
export function endOfUtcDay(epochMs: number): number {
  const d = new Date(epochMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 23, 59, 59, 999);
}

/**
 * Whether the text is written as an ISO 8601 date or datetime but names no real moment, so
 * that a message can say "does not exist" rather than "wrong format".
 * @example isNonexistentDate("2024-02-30") -> true; isNonexistentDate("2024-02-29") -> false; isNonexistentDate("soon") -> false
 */
export function isNonexistentDate(text: string): boolean {
  const value = text.trim();
  return (ISO_DATE.test(value) || ISO_DATETIME.test(value)) && parseIsoDate(value) === undefined;
}

/** Whether the text is a bare date (YYYY-MM-DD), which as an upper bound means the whole day. */
export function isBareDate(text: string): boolean {
  return ISO_DATE.test(text.trim());
}
