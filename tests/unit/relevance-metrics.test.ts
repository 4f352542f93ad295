import { describe, expect, it } from 'vitest';
import {
  averagePrecisionAt,
  meanScores,
  ndcgAt,
  precisionAt,
  ratioOf,
  scoreQuery,
} from '../../bench/relevance/metrics.js';

const judged = (...pairs: [string, number][]) => new Map(pairs);

describe('ndcgAt', () => {
  it('when the relevant docs lead the ranking, then it is 1', () => {
    expect(ndcgAt(['a', 'b', 'x'], judged(['a', 1], ['b', 1]), 10)).toBe(1);
  });

  it('when one of two relevant docs is found first, then it is 1 / (1 + 1/log2 3)', () => {
    expect(ndcgAt(['a', 'x'], judged(['a', 1], ['b', 1]), 10)).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 12);
  });

  it('when gains are graded, then the ideal ranking sorts them and a swap costs', () => {
    const j = judged(['a', 3], ['b', 1]);
    expect(ndcgAt(['a', 'b'], j, 10)).toBe(1);
    expect(ndcgAt(['b', 'a'], j, 10)).toBeCloseTo((1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)), 12);
  });

  it('when a relevant doc is past the cutoff, then it earns nothing', () => {
    expect(ndcgAt(['x', 'a'], judged(['a', 1]), 1)).toBe(0);
  });

  it('when a doc repeats, then it earns its gain once', () => {
    expect(ndcgAt(['x', 'a', 'a'], judged(['a', 1], ['b', 1]), 10)).toBeCloseTo(
      1 / Math.log2(3) / (1 + 1 / Math.log2(3)),
      12,
    );
  });

  it('when nothing is relevant or nothing is returned, then it is 0', () => {
    expect(ndcgAt(['a'], judged(['a', 0]), 10)).toBe(0);
    expect(ndcgAt([], judged(['a', 1]), 10)).toBe(0);
  });
});

describe('averagePrecisionAt', () => {
  it('when hits are at ranks 1 and 3 of three relevant docs, then AP = (1 + 2/3) / 3', () => {
    expect(averagePrecisionAt(['a', 'x', 'b'], judged(['a', 1], ['b', 1], ['c', 1]), 100)).toBeCloseTo(
      (1 + 2 / 3) / 3,
      12,
    );
  });

  it('when a relevant doc is past k, then the denominator still counts it', () => {
    expect(averagePrecisionAt(['a', 'b'], judged(['a', 1], ['b', 1]), 1)).toBe(0.5);
  });
});

describe('precisionAt', () => {
  it('when fewer than k docs are returned, then it still divides by k', () => {
    expect(precisionAt(['a', 'b'], judged(['a', 1], ['b', 2]), 10)).toBe(0.2);
  });
});

describe('meanScores', () => {
  it('when a judged query has no ranking, then it counts as zeros; unjudged queries are ignored', () => {
    const qrels = new Map([
      ['1', judged(['a', 1])],
      ['2', judged(['b', 1])],
      ['3', judged(['c', 0])],
    ]);
    const mean = meanScores(
      new Map([
        ['1', ['a']],
        ['3', ['c']],
      ]),
      qrels,
    );
    expect(mean).toEqual({ ndcg10: 0.5, map100: 0.5, p10: 0.05 });
  });

  it('when every query is scored, then each figure is the plain mean of scoreQuery', () => {
    const qrels = new Map([['1', judged(['a', 1], ['b', 1])]]);
    expect(meanScores(new Map([['1', ['b', 'x', 'a']]]), qrels)).toEqual(scoreQuery(['b', 'x', 'a'], qrels.get('1')!));
  });
});

describe('ratioOf', () => {
  it('when the baseline is 0, then 0/0 is 1 and x/0 is Infinity', () => {
    expect(ratioOf({ ndcg10: 0.5, map100: 0, p10: 1 }, { ndcg10: 0.25, map100: 0, p10: 0 })).toEqual({
      ndcg10: 2,
      map100: 1,
      p10: Infinity,
    });
  });
});
