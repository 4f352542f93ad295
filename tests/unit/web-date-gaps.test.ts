import { describe, expect, it } from 'vitest';
import { fillDateGaps } from '../../src/web/date-gaps.js';

const bucket = (value: string, from: string, to: string, count: number) => ({ value, from, to, count });

describe('web fillDateGaps', () => {
  it('when months are missing, then empty buckets with their day range fill the gap', () => {
    const filled = fillDateGaps(
      [bucket('2023-12', '2023-12-01', '2023-12-31', 2), bucket('2024-03', '2024-03-01', '2024-03-31', 1)],
      'month',
    );
    expect(filled).toEqual([
      bucket('2023-12', '2023-12-01', '2023-12-31', 2),
      bucket('2024-01', '2024-01-01', '2024-01-31', 0),
      bucket('2024-02', '2024-02-01', '2024-02-29', 0),
      bucket('2024-03', '2024-03-01', '2024-03-31', 1),
    ]);
  });

  it('when days or years are missing, then they are filled too', () => {
    expect(
      fillDateGaps(
        [bucket('2024-02-28', '2024-02-28', '2024-02-28', 1), bucket('2024-03-01', '2024-03-01', '2024-03-01', 1)],
        'day',
      ).map((b) => b.value),
    ).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(
      fillDateGaps(
        [bucket('2020', '2020-01-01', '2020-12-31', 1), bucket('2022', '2022-01-01', '2022-12-31', 1)],
        undefined,
      )[1],
    ).toEqual(bucket('2021', '2021-01-01', '2021-12-31', 0));
  });

  it('when there is nothing to fill, then the buckets come back as they were', () => {
    expect(fillDateGaps([], 'month')).toEqual([]);
    const one = [bucket('2024-03', '2024-03-01', '2024-03-31', 4)];
    expect(fillDateGaps(one, 'month')).toEqual(one);
  });

  it('when the span is too wide to draw, then the gaps are left unfilled', () => {
    const wide = [
      bucket('2000-01-01', '2000-01-01', '2000-01-01', 1),
      bucket('2010-01-01', '2010-01-01', '2010-01-01', 1),
    ];
    expect(fillDateGaps(wide, 'day')).toEqual(wide);
  });
});
