import { describe, expect, it } from 'vitest';
import { moveActive } from '../../src/web/list-navigation.js';

describe('web moveActive (dropdown keyboard)', () => {
  it.each([
    [-1, 5, 1, 0],
    [0, 5, 1, 1],
    [4, 5, 1, 0],
    [-1, 5, -1, 4],
    [0, 5, -1, 4],
    [3, 5, -1, 2],
    [9, 5, 1, 0],
    [2, 0, 1, -1],
  ] as const)(
    'when the active option is %d of %d and the step is %d, then it becomes %d',
    (current, count, step, expected) => {
      expect(moveActive(current, count, step)).toBe(expected);
    },
  );
});
