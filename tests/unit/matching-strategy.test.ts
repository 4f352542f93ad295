import { describe, expect, it } from 'vitest';
import { matchLevel, removalOrder, toLevelMasks, weakestTerm } from '../../src/search/query/matching-strategy.js';
import { parseQuery } from '../../src/search/query/parse-query.js';

const terms = (q: string) => parseQuery(q).terms;

describe('removalOrder (Meilisearch matchingStrategy)', () => {
  it('when last, then words are dropped one at a time from the end and the first stays', () => {
    expect(removalOrder(terms('kim jong un'), 'last')).toEqual([[2], [1]]);
  });

  it('when frequency, then the most frequent goes first, a word held nowhere before it, and the rarest stays', () => {
    expect(removalOrder(terms('kim jong un'), 'frequency', [3, 2, 40])).toEqual([[2], [0]]);
    expect(removalOrder(terms('kim jong un'), 'frequency', [3, 0, 40])).toEqual([[1], [2]]);
  });

  it('when two words are equally frequent, then they are dropped together', () => {
    expect(removalOrder(terms('a1 b1 c1 d1'), 'frequency', [5, 9, 9, 1])).toEqual([[1, 2], [0]]);
  });

  it('when the query holds a phrase, then the phrase is never dropped and every word may be', () => {
    expect(removalOrder(terms('"north korea" missile launch'), 'last')).toEqual([[2], [1]]);
    expect(removalOrder(terms('missile "north korea" launch'), 'last')).toEqual([[2], [0]]);
  });

  it('when all, or a single word, then nothing is dropped', () => {
    expect(removalOrder(terms('kim jong un'), 'all')).toEqual([]);
    expect(removalOrder(terms('korea'), 'last')).toEqual([]);
  });
});

describe('matchLevel', () => {
  const masks = toLevelMasks([[2], [1]], 3);

  it('when an article holds every word, then it is level 0; the later a missing word is dropped, the higher its level', () => {
    expect(masks).toEqual({ required: 0b001, groups: [0b100, 0b010] });
    expect(matchLevel(0b111, masks)).toBe(0);
    expect(matchLevel(0b011, masks)).toBe(1);
    expect(matchLevel(0b101, masks)).toBe(2);
    expect(matchLevel(0b001, masks)).toBe(2);
  });

  it('when an article lacks a word that is never dropped, then it is no result', () => {
    expect(matchLevel(0b110, masks)).toBe(-1);
  });
});

describe('weakestTerm', () => {
  it('when one word of a short query is very frequent next to the others, then it is singled out', () => {
    expect(weakestTerm([3, 150], [true, true], 2)).toBe(1);
    expect(weakestTerm([3, 2, 150], [true, true, true], 3)).toBe(2);
  });

  it('when the words are of like frequency, the query is long, or only one word may make a result, then none is', () => {
    expect(weakestTerm([30, 45], [true, true], 2)).toBe(-1);
    expect(weakestTerm([3, 1, 2, 4, 150], [true, true, true, true, true], 5)).toBe(-1);
    expect(weakestTerm([3, 150], [true, false], 2)).toBe(-1);
  });
});
