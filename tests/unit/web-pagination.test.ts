import { describe, expect, it } from 'vitest';
import { pageWindow } from '../../src/web/pagination.js';

describe('web pageWindow', () => {
  it.each([
    [1, 0, []],
    [1, 1, [1]],
    [1, 5, [1, 2, 'gap', 5]],
    [3, 5, [1, 2, 3, 4, 5]],
    [3, 20, [1, 2, 3, 4, 'gap', 20]],
    [7, 20, [1, 'gap', 6, 7, 8, 'gap', 20]],
    [20, 20, [1, 'gap', 19, 20]],
    [50, 20, [1, 'gap', 19, 20]],
  ] as const)('when on page %d of %d, then the pager shows %j', (current, total, expected) => {
    expect(pageWindow(current, total)).toEqual(expected);
  });

  it('when a gap would hide one page, then that page is shown instead', () => {
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, 'gap', 10]);
  });
});
