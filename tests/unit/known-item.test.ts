import { describe, expect, it } from 'vitest';
import { knownItemScores, rankOf } from '../../bench/relevance/known-item/known-item-eval.js';
import {
  buildKnownItemQueries,
  knownItemQueries,
  titleWords,
  withTypo,
} from '../../bench/relevance/known-item/known-item-queries.js';
import { mulberry32 } from '../../bench/lib/random.js';

const doc = {
  id: 'a1',
  title: 'North Korea fires hypersonic missile as new year begins',
  body: 'Analysts said the launch was a test. Researcher Ha Eun-seo at the Korea Strategy Forum said sanctions failed.',
  authors: ['Kwon Tae-min'],
};

describe('known-item queries', () => {
  it('when queries are built for an article, then each kind is typed the way a reader types it', () => {
    const queries = knownItemQueries(
      doc,
      mulberry32(1),
      () => 1,
      () => 1,
    );
    const byKind = new Map(queries.map((q) => [q.kind, q.q]));
    expect([...byKind.keys()]).toEqual(expect.arrayContaining(['author', 'body', 'name', 'words']));
    const words = byKind.get('words')!.split(' ');
    expect(words.length).toBe(3);
    const titleWordsInOrder = doc.title.toLowerCase().split(' ');
    const at = words.map((w) => titleWordsInOrder.indexOf(w));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    const prefix = byKind.get('prefix');
    if (prefix) expect(prefix.split(' ').at(-1)!.length).toBeLessThanOrEqual(5);
    const typo = byKind.get('typo');
    if (typo) expect(typo).not.toBe(byKind.get('words'));
    expect(byKind.get('author')!.startsWith('min ')).toBe(true);
    expect(queries.every((q) => q.target === 'a1')).toBe(true);
  });

  it('when a typo is made, then the first letter stays and the word differs by one edit', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 50; i++) {
      const typo = withTypo('missile', random);
      expect(typo[0]).toBe('m');
      expect(typo).not.toBe('missile');
      expect(Math.abs(typo.length - 7)).toBeLessThanOrEqual(1);
    }
  });

  it('when a title has fewer than two memorable words, then it gives no title query', () => {
    expect(titleWords('The end', mulberry32(1))).toBeUndefined();
  });

  it('when the same seed is used, then the same queries come out', () => {
    const docs = [doc, { ...doc, id: 'a2', title: 'Harbour cranes idle as strike spreads' }];
    expect(buildKnownItemQueries(docs, 10, 13)).toEqual(buildKnownItemQueries(docs, 10, 13));
  });
});

describe('known-item scores', () => {
  it('when targets land at ranks 1, 3 and nowhere, then success@1, success@10 and MRR follow', () => {
    expect(rankOf(['x', 'y', 'a1'], 'a1')).toBe(3);
    expect(knownItemScores([1, 3, 0])).toEqual({ queries: 3, success1: 1 / 3, success10: 2 / 3, mrr: (1 + 1 / 3) / 3 });
  });
});
