import { describe, expect, it } from 'vitest';
import {
  allTerms,
  anyOf,
  ftsString,
  inColumns,
  toFtsAlternative,
  without,
} from '../../src/search/engines/sqlite/fts-query.js';

describe('FTS5 query building', () => {
  it('when a token holds a double quote, then it is doubled inside an FTS5 string', () => {
    expect(ftsString('say "hi"')).toBe('"say ""hi"""');
  });

  it('when alternatives are given, then each is a quoted string, prefixes starred outside the quotes', () => {
    expect(toFtsAlternative({ kind: 'word', text: 'near' })).toBe('"near"');
    expect(toFtsAlternative({ kind: 'prefix', text: 'secur' })).toBe('"secur"*');
    expect(toFtsAlternative({ kind: 'phrase', words: ['north', 'korea'] })).toBe('"north korea"');
  });

  it('when a term has several forms, then they are ORed in one group, duplicates dropped', () => {
    expect(
      anyOf([
        { kind: 'word', text: 'a' },
        { kind: 'word', text: 'b' },
        { kind: 'word', text: 'a' },
      ]),
    ).toBe('("a" OR "b")');
    expect(anyOf([{ kind: 'word', text: 'a' }])).toBe('"a"');
  });

  it('when terms are combined, then every group is parenthesised or a bare string', () => {
    expect(allTerms(['"a"', '("b" OR "c")', '"d"*'])).toBe('"a" AND ("b" OR "c") AND "d"*');
    expect(without('"a" AND "b"', ['"x"', '"y z"'])).toBe('("a" AND "b") NOT ("x" OR "y z")');
  });

  it('when several excluded words each have several forms, then NOT takes them all as one group', () => {
    // "(x) OR (y)" starts and ends with a parenthesis without being one group: NOT would bind to (x) alone.
    expect(without('"a"', ['("x" OR "xs")', '("y" OR "ys")'])).toBe('"a" NOT (("x" OR "xs") OR ("y" OR "ys"))');
    expect(without('("a)" OR "b")', [])).toBe('("a)" OR "b")');
    expect(inColumns(['summary'], '"a" OR "b"')).toBe('{summary} : ("a" OR "b")');
  });

  it('when a term has no form, then building fails loudly instead of matching everything', () => {
    expect(() => anyOf([])).toThrow();
  });
});

describe('parseIdList', async () => {
  const { parseIdList } = await import('../../src/search/engines/sqlite/id-list.js');
  it('when FTS5 returns a comma list, then it becomes ascending ids; null is empty', () => {
    expect(Array.from(parseIdList('3,17,42'))).toEqual([3, 17, 42]);
    expect(Array.from(parseIdList('42,3,17'))).toEqual([3, 17, 42]);
    expect(Array.from(parseIdList('7'))).toEqual([7]);
    expect(parseIdList(null)).toHaveLength(0);
  });
});

describe('topK', async () => {
  const { topK } = await import('../../src/search/engines/sqlite/top-k.js');
  it('when a few best of many are asked for, then they equal the head of a full sort', () => {
    const items = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5003);
    const byValue = (a: number, b: number) => a - b;
    expect(topK(items, 20, byValue)).toEqual([...items].sort(byValue).slice(0, 20));
    expect(topK(items, 0, byValue)).toEqual([]);
    expect(topK([3, 1, 2], 5, byValue)).toEqual([1, 2, 3]);
  });
});
