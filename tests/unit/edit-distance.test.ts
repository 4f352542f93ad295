import { describe, expect, it } from 'vitest';
import { allowedTypos, prefixTypoDistance, typoDistance } from '../../src/text/edit-distance.js';

describe('typo rules (Meilisearch)', () => {
  it('when a word is short, then fewer typos are allowed: 0 below 5 letters, 1 below 9, else 2', () => {
    expect([4, 5, 8, 9, 20].map(allowedTypos)).toEqual([0, 1, 1, 2, 2]);
  });

  it('when one letter is missing, added, replaced or two are swapped, then it is one typo', () => {
    expect(typoDistance('goverment', 'government', 2)).toBe(1);
    expect(typoDistance('governmentt', 'government', 2)).toBe(1);
    expect(typoDistance('govarnment', 'government', 2)).toBe(1);
    expect(typoDistance('govenrment', 'government', 2)).toBe(1);
  });

  it('when the first letter is wrong, then it costs two typos', () => {
    expect(typoDistance('xovernment', 'government', 2)).toBe(2);
    expect(typoDistance('xecurity', 'security', 1)).toBe(2);
  });

  it('when the distance exceeds the budget, then the result is budget + 1', () => {
    expect(typoDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });

  it('when matching what is being typed, then a prefix of the word within budget counts', () => {
    expect(prefixTypoDistance('semocon', 'semiconductor', 1)).toBe(1);
    expect(prefixTypoDistance('secur', 'security', 1)).toBe(0);
    expect(prefixTypoDistance('sxxxr', 'security', 1)).toBe(2);
  });
});
