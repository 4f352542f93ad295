import { describe, expect, it } from 'vitest';
import { bucketCount, bucketRange, chooseDateInterval, toDateBuckets } from '../../src/search/date-buckets.js';

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

describe('date facet buckets', () => {
  it('when the span fits in 60 days, then auto picks days', () => {
    expect(chooseDateInterval('auto', utc(2021, 1, 1), utc(2021, 3, 1))).toBe('day'); // 60 days
  });

  it('when the span needs more than 60 days but at most 60 months, then auto picks months', () => {
    expect(chooseDateInterval('auto', utc(2021, 1, 1), utc(2021, 3, 2))).toBe('month');
    expect(chooseDateInterval('auto', utc(2020, 1, 1), utc(2024, 12, 31))).toBe('month');
  });

  it('when the span needs more than 60 months, then auto picks years', () => {
    expect(chooseDateInterval('auto', utc(2015, 1, 1), utc(2025, 1, 1))).toBe('year');
  });

  it('when an explicit interval would need more than 1,000 buckets, then it is coarsened', () => {
    expect(chooseDateInterval('day', utc(2015, 1, 1), utc(2025, 1, 1))).toBe('month');
    expect(chooseDateInterval('day', utc(2021, 1, 1), utc(2021, 12, 31))).toBe('day');
  });

  it('when counting buckets, then calendar months and years are used, in UTC', () => {
    expect(bucketCount('month', utc(2020, 12, 31), utc(2021, 1, 1))).toBe(2);
    expect(bucketCount('year', utc(2020, 12, 31), utc(2021, 1, 1))).toBe(2);
  });

  it('when a bucket is described, then from and to are its first and last day, leap years included', () => {
    expect(bucketRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(bucketRange('2021')).toEqual({ from: '2021-01-01', to: '2021-12-31' });
    expect(bucketRange('2021-01-08')).toEqual({ from: '2021-01-08', to: '2021-01-08' });
  });

  it('when days are grouped, then buckets are chronological and empty ones are dropped', () => {
    expect(
      toDateBuckets(
        [
          ['2021-02-03', 2],
          ['2021-01-31', 1],
          ['2021-02-28', 1],
          ['2020-05-01', 0],
        ],
        'month',
      ),
    ).toEqual([
      { value: '2021-01', from: '2021-01-01', to: '2021-01-31', count: 1 },
      { value: '2021-02', from: '2021-02-01', to: '2021-02-28', count: 3 },
    ]);
  });
});
