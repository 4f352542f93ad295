import { describe, expect, it } from 'vitest';
import { formatBucket, formatCount, formatDate, formatNames, formatRange, plural } from '../../src/web/format.js';
import { matchNote, pagePosition, resultsHeading } from '../../src/web/render-results.js';

describe('web display formats', () => {
  it('when a datetime is shown, then it is the UTC day', () => {
    expect(formatDate('2023-01-10T13:25:00Z')).toBe('10 Jan 2023');
    expect(formatDate('2025-01-06T23:30:00Z')).toBe('6 Jan 2025');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it.each([
    ['2023', false, '2023'],
    ['2023-03', false, 'Mar 2023'],
    ['2023-03', true, 'March 2023'],
    ['2023-03-05', false, '5 Mar 2023'],
    ['2023-03-05', true, '5 March 2023'],
  ])('when the bucket is %s (long: %s), then it reads %s', (value, long, expected) => {
    expect(formatBucket(value, long)).toBe(expected);
  });

  it('when a range is shown, then open ends read "from" / "until"', () => {
    expect(formatRange('2023-03-01', '2023-03-31')).toBe('1 Mar 2023 – 31 Mar 2023');
    expect(formatRange('2023-03-01', undefined)).toBe('from 1 Mar 2023');
    expect(formatRange(undefined, '2023-03-31')).toBe('until 31 Mar 2023');
    expect(formatRange('2023-03-01', '2023-03-01')).toBe('1 Mar 2023');
  });

  it('when counts and names are shown, then they read naturally', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(plural(1, 'article')).toBe('1 article');
    expect(plural(2, 'article')).toBe('2 articles');
    expect(formatNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('when results arrive, then the heading names the count and the query', () => {
    expect(resultsHeading(186, '')).toBe('186 articles');
    expect(resultsHeading(1, ' north korea ')).toBe('1 result for “north korea”');
    expect(pagePosition({ page: 2, totalPages: 19 }, 1000)).toBe('Page 2 of 19');
    expect(pagePosition({ page: 1, totalPages: 1 }, 1000)).toBe('');
    expect(pagePosition({ page: 3, totalPages: 5000 }, 1000)).toBe('Page 3 of 1,000');
  });

  it('when some results hold only some words, then the note says how many hold all of them', () => {
    expect(matchNote(106, 6, 'kim jong un')).toBe('6 results with all your words, then 100 with some');
    expect(matchNote(2, 1, 'a b')).toBe('1 result with all your words, then 1 with some');
    expect(matchNote(40, 0, 'kim jong un')).toBe('No result has all your words; 40 have some');
    expect(matchNote(40, 40, 'korea')).toBe('');
    expect(matchNote(186, 186, '')).toBe('');
  });
});
