/**
 * Wall-clock time in an IANA zone -> UTC, with `Intl` only (no date library): the zone's
 * offset at an instant is read back from `formatToParts`.
 */

/** A local date and time as written on a page. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `Intl` knows the zone, e.g. "Asia/Seoul" or "UTC". */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Minutes the zone is ahead of UTC at an instant.
 * @example zoneOffsetMinutes("Asia/Seoul", Date.UTC(2021, 0, 1)) -> 540
 */
export function zoneOffsetMinutes(timeZone: string, epochMs: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time denotes in a zone.
 * @example zonedTimeToUtc({ year: 2021, month: 1, day: 8, hour: 3, minute: 55 }, "Asia/Seoul")
 *   -> Date.UTC(2021, 0, 7, 18, 55)
 * @remarks The offset is looked up twice because the first guess may sit on the other side
 * of a daylight-saving change; a time inside a spring-forward gap resolves to the later offset.
 */
export function zonedTimeToUtc(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = asUtc - zoneOffsetMinutes(timeZone, asUtc) * 60_000;
  return asUtc - zoneOffsetMinutes(timeZone, first) * 60_000;
}
