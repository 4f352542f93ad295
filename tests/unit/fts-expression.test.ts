import { describe, expect, it } from 'vitest';
import { parseFtsExpression } from '../../src/search/engines/sqlite/fts-expression.js';
import { intersect, subtract, union } from '../../src/search/engines/sqlite/id-list.js';
import { decodeDocList, encodeDocList } from '../../src/search/engines/sqlite/term-lists.js';
import { allTerms, anyOf, inColumns, someTerms, without } from '../../src/search/engines/sqlite/fts-query.js';

const ids = (...xs: number[]) => Int32Array.from(xs);

describe('parseFtsExpression', () => {
  it('when the engine writes words, typos and exclusions, then the tree names each word and keeps each part as FTS5 text', () => {
    const expression = without(
      allTerms([
        anyOf([{ kind: 'word', text: 'ga' }]),
        anyOf([
          { kind: 'word', text: 'ron' },
          { kind: 'prefix', text: 'ro' },
        ]),
      ]),
      [anyOf([{ kind: 'phrase', words: ['a', 'b'] }])],
    );
    expect(expression).toBe('("ga" AND ("ron" OR "ro"*)) NOT "a b"');
    expect(parseFtsExpression(expression)).toEqual({
      kind: 'op',
      op: 'NOT',
      text: expression,
      children: [
        {
          kind: 'op',
          op: 'AND',
          text: '"ga" AND ("ron" OR "ro"*)',
          children: [
            { kind: 'word', text: '"ga"', word: 'ga' },
            {
              kind: 'op',
              op: 'OR',
              text: '"ron" OR "ro"*',
              children: [
                { kind: 'word', text: '"ron"', word: 'ron' },
                { kind: 'opaque', text: '"ro"*' },
              ],
            },
          ],
        },
        { kind: 'opaque', text: '"a b"' },
      ],
    });
  });

  it('when an exclusion holds every stem form and a phrase, then the excluded groups are one OR under NOT, each word named', () => {
    const forms = ['missiles', 'missile', 'missiled'].map((text) => ({ kind: 'word' as const, text }));
    const expression = without(allTerms([anyOf([{ kind: 'word', text: 'korea' }])]), [
      anyOf(forms),
      anyOf([{ kind: 'phrase', words: ['united', 'states'] }]),
    ]);
    expect(expression).toBe('"korea" NOT (("missiles" OR "missile" OR "missiled") OR "united states")');
    expect(parseFtsExpression(expression)).toEqual({
      kind: 'op',
      op: 'NOT',
      text: expression,
      children: [
        { kind: 'word', text: '"korea"', word: 'korea' },
        {
          kind: 'op',
          op: 'OR',
          text: '("missiles" OR "missile" OR "missiled") OR "united states"',
          children: [
            {
              kind: 'op',
              op: 'OR',
              text: '"missiles" OR "missile" OR "missiled"',
              children: forms.map(({ text }) => ({ kind: 'word', text: `"${text}"`, word: text })),
            },
            { kind: 'opaque', text: '"united states"' },
          ],
        },
      ],
    });
  });

  it('when a term has synonyms, an acronym or a split word as phrase alternatives, then the words are named and the phrases left to FTS5', () => {
    const us = anyOf([
      { kind: 'phrase', words: ['u', 's'] },
      { kind: 'word', text: 'us' },
      { kind: 'phrase', words: ['united', 'states'] },
    ]);
    const split = anyOf([
      { kind: 'word', text: 'northkorea' },
      { kind: 'phrase', words: ['north', 'korea'] },
    ]);
    const expression = allTerms([us, split, anyOf([{ kind: 'prefix', text: 'offic' }])]);
    expect(expression).toBe('("u s" OR "us" OR "united states") AND ("northkorea" OR "north korea") AND "offic"*');
    expect(parseFtsExpression(expression)).toEqual({
      kind: 'op',
      op: 'AND',
      text: expression,
      children: [
        {
          kind: 'op',
          op: 'OR',
          text: '"u s" OR "us" OR "united states"',
          children: [
            { kind: 'opaque', text: '"u s"' },
            { kind: 'word', text: '"us"', word: 'us' },
            { kind: 'opaque', text: '"united states"' },
          ],
        },
        {
          kind: 'op',
          op: 'OR',
          text: '"northkorea" OR "north korea"',
          children: [
            { kind: 'word', text: '"northkorea"', word: 'northkorea' },
            { kind: 'opaque', text: '"north korea"' },
          ],
        },
        { kind: 'opaque', text: '"offic"*' },
      ],
    });
  });

  it('when operators are mixed without parentheses or a column filter is used, then that part stays opaque for FTS5', () => {
    expect(parseFtsExpression('"a" OR "b" AND "c"')).toEqual({ kind: 'opaque', text: '"a" OR "b" AND "c"' });
    const column = inColumns(['summary'], someTerms(['"a"', '"b"']));
    expect(parseFtsExpression(column)).toEqual({ kind: 'opaque', text: column });
  });

  it('when a quoted word holds a doubled quote or the text is not of the grammar, then nothing is guessed', () => {
    expect(parseFtsExpression('"say ""hi"""')).toEqual({ kind: 'opaque', text: '"say ""hi"""' });
    expect(parseFtsExpression('"unclosed')).toBeUndefined();
    expect(parseFtsExpression('word')).toBeUndefined();
    expect(parseFtsExpression('("a"')).toBeUndefined();
  });
});

describe('doc list set operations', () => {
  it('when lists are intersected, merged or subtracted, then the result is sorted and exact', () => {
    const long = Int32Array.from({ length: 1000 }, (_, i) => i * 3);
    expect(Array.from(intersect(ids(3, 4, 300, 2997, 5000), long))).toEqual([3, 300, 2997]);
    expect(Array.from(union(ids(1, 5, 9), ids(2, 5, 10)))).toEqual([1, 2, 5, 9, 10]);
    expect(Array.from(subtract(ids(1, 2, 3, 4), ids(2, 4, 8)))).toEqual([1, 3]);
    expect(Array.from(intersect(ids(), long))).toEqual([]);
  });
});

describe('saved doc lists', () => {
  it('when a list is sparse or dense, then it round-trips through its bytes, dense ones as one bit per doc', () => {
    const sparse = ids(5, 1000, 70_000);
    const dense = Int32Array.from({ length: 5000 }, (_, i) => i * 2 + 1);
    expect(Array.from(decodeDocList(encodeDocList(sparse)))).toEqual(Array.from(sparse));
    expect(Array.from(decodeDocList(encodeDocList(dense)))).toEqual(Array.from(dense));
    expect(encodeDocList(dense).byteLength).toBeLessThan(dense.byteLength / 8);
    expect(Array.from(decodeDocList(encodeDocList(ids())))).toEqual([]);
  });
});
