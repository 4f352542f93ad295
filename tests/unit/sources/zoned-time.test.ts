import { describe, expect, it } from 'vitest';
import { isValidTimeZone, zonedTimeToUtc, zoneOffsetMinutes } from '../../../src/ingest/sources/zoned-time.js';

describe('zoned time', () => {
  it('when the zone is UTC, then the wall time is the instant', () => {
    expect(zonedTimeToUtc({ year: 2021, month: 1, day: 8, hour: 3, minute: 55 }, 'UTC')).toBe(
      Date.UTC(2021, 0, 8, 3, 55),
    );
  });

  it('when the zone is east of UTC, then the instant is earlier', () => {
    expect(zonedTimeToUtc({ year: 2021, month: 1, day: 8, hour: 3, minute: 55 }, 'Asia/Seoul')).toBe(
      Date.UTC(2021, 0, 7, 18, 55),
    );
  });

  it('when the zone observes daylight saving, then summer and winter offsets differ', () => {
    expect(zoneOffsetMinutes('Europe/Berlin', Date.UTC(2024, 0, 15))).toBe(60);
    expect(zoneOffsetMinutes('Europe/Berlin', Date.UTC(2024, 6, 15))).toBe(120);
    expect(zonedTimeToUtc({ year: 2024, month: 7, day: 15, hour: 12, minute: 0 }, 'Europe/Berlin')).toBe(
      Date.UTC(2024, 6, 15, 10, 0),
    );
  });

  it('when the time falls on either side of a daylight-saving change, then each gets its own offset', () => {
    // Berlin moved from +1 to +2 at 2024-03-31 01:00 UTC.
    expect(zonedTimeToUtc({ year: 2024, month: 3, day: 31, hour: 1, minute: 30 }, 'Europe/Berlin')).toBe(
      Date.UTC(2024, 2, 31, 0, 30),
    );
    expect(zonedTimeToUtc({ year: 2024, month: 3, day: 31, hour: 3, minute: 30 }, 'Europe/Berlin')).toBe(
      Date.UTC(2024, 2, 31, 1, 30),
    );
  });

  it('when the zone name is unknown, then it is not valid', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
