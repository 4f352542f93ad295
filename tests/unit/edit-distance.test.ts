import { describe, expect, it } from 'vitest';
import { allowedTypos, prefixTypoDistance, typoDistance } from '../../src/text/edit-distance.js';
import { fuzzyScan } from '../../src/text/fuzzy-scan.js';
import { matchPrefix } from '../../src/text/prefix-match.js';

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
    expect(matchPrefix('semocon', 'semiconductor', 1)).toEqual({ typos: 1, length: 7 });
    expect(matchPrefix('secur', 'security', 1)).toEqual({ typos: 0, length: 5 });
    expect(matchPrefix('sxxxr', 'security', 1)).toBeUndefined();
    expect(prefixTypoDistance('semocon', 'semiconductor', 1)).toBe(1);
    expect(prefixTypoDistance('sxxxr', 'security', 1)).toBe(2);
  });
});

describe('fuzzyScan (trie walk over a sorted vocabulary)', () => {
  const vocabulary = [
    'gover',
    'govern',
    'governing',
    'government',
    'governmental',
    'governments',
    'gown',
    'grove',
    'semiconductor',
    'semiconductors',
    'semicolon',
    'seminar',
    'sector',
    'secure',
    'security',
  ].sort();
  const words = (hits: { index: number }[]) => hits.map((h) => vocabulary[h.index]).sort();

  it.each(['goverment', 'govenment', 'semiconducter', 'securty', 'sectro', 'gvernment'])(
    'when scanning for "%s", then it finds exactly the words a distance computed word by word finds',
    (typed) => {
      const max = allowedTypos(typed.length);
      const expected = vocabulary.filter((w) => typoDistance(typed, w, 2) <= max && w[0] === typed[0]).sort();
      expect(words(fuzzyScan(vocabulary, typed, max)).filter((w) => w![0] === typed[0])).toEqual(expected);
    },
  );

  it('when scanning as-you-type, then a word matches when one of its prefixes is within budget', () => {
    expect(words(fuzzyScan(vocabulary, 'semocon', 1, { prefix: true }))).toEqual(['semiconductor', 'semiconductors']);
    expect(words(fuzzyScan(vocabulary, 'govr', 0, { prefix: true }))).toEqual([]);
    expect(words(fuzzyScan(vocabulary, 'gove', 0, { prefix: true }))).toEqual([
      'gover',
      'govern',
      'governing',
      'government',
      'governmental',
      'governments',
    ]);
  });
});
