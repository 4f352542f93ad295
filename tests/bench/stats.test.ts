import { describe, expect, it } from 'vitest';
import {
  median,
  medianOf,
  medianOfRuns,
  percentile,
  percentileOfSorted,
  ratio,
  summarize,
} from '../../bench/lib/stats.js';

describe('percentiles (linear interpolation, Hyndman-Fan type 7)', () => {
  it('when the rank falls between two samples, then the value is interpolated', () => {
    expect(percentileOfSorted([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentileOfSorted([10, 20, 30, 40, 50], 95)).toBeCloseTo(48);
    expect(percentile([40, 10, 30, 20], 25)).toBeCloseTo(17.5);
  });

  it('when p is 0 or 100, then the minimum or the maximum is returned', () => {
    expect(percentile([5, 1, 9], 0)).toBe(1);
    expect(percentile([5, 1, 9], 100)).toBe(9);
  });

  it('when there is one sample, then every percentile is that sample', () => {
    expect(percentile([7], 99)).toBe(7);
  });

  it('when there are no samples, then the result is NaN', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it('when p is outside 0..100, then it throws', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('when values are given unsorted, then they are sorted numerically (not as strings)', () => {
    expect(median([100, 9, 20])).toBe(20);
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });

  it('when 100 samples 1..100 are summarised, then p50, p95 and p99 follow the stated method', () => {
    const s = summarize(Array.from({ length: 100 }, (_, i) => 100 - i));
    expect(s).toMatchObject({ count: 100, p50: 50.5, max: 100, mean: 50.5 });
    expect(s.p95).toBeCloseTo(95.05);
    expect(s.p99).toBeCloseTo(99.01);
  });
});

describe('medians of runs', () => {
  it('when three runs are combined, then each field is the median and counts add up', () => {
    const run = (p50: number, p95: number) => ({ count: 10, p50, p95, p99: p95, mean: p50, max: p95 });
    const combined = medianOfRuns([run(1, 10), run(3, 30), run(2, 100)]);
    expect(combined).toMatchObject({ count: 30, p50: 2, p95: 30 });
  });

  it('when some runs lack a value, then medianOf ignores them', () => {
    expect(medianOf([{ v: 1 }, { v: undefined }, { v: 5 }], (r) => r.v)).toBe(3);
    expect(medianOf([{ v: undefined }], (r) => r.v)).toBeUndefined();
  });

  it('when the divisor is missing or zero, then ratio is undefined', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(1, 0)).toBeUndefined();
    expect(ratio(undefined, 2)).toBeUndefined();
  });
});
