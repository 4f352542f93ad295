import { describe, expect, it } from 'vitest';
import type { SearchFilters } from '../../src/search/search.schema.js';
import { toFilterKey } from '../../src/search/engines/meilisearch/meili-document.js';
import {
  MAX_FILTER_VALUE_BYTES,
  quoteFilterValue,
  toMeiliFilter,
  truncateUtf8,
} from '../../src/search/engines/meilisearch/to-meili-filter.js';

const none: SearchFilters = { sections: [], tags: [], authors: [] };
const key = (value: string) => `"${toFilterKey(value)}"`;
const bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * Reads `attr = "<literal>"` the way Meilisearch's filter parser does (filter-parser value.rs):
 * a backslash consumes the next character, the first bare `"` closes the literal; then `\"`
 * becomes `"` and the remaining backslash escapes are undone. Fails when anything follows the
 * literal, i.e. when a value could have injected syntax.
 */
function readCondition(condition: string): { attribute: string; value: string } {
  const match = /^(\w+) = "/.exec(condition);
  if (!match) throw new Error(`not a quoted equality: ${condition}`);
  const start = match[0].length;
  let i = start;
  let escapedQuote = false;
  while (i < condition.length && condition[i] !== '"') {
    if (condition[i] === '\\') escapedQuote ||= condition[i + 1] === '"';
    i += condition[i] === '\\' ? 2 : 1;
  }
  if (i !== condition.length - 1) throw new Error(`text after the literal: ${condition.slice(i)}`);
  let raw = condition.slice(start, i);
  if (escapedQuote) raw = raw.replace(/\\"/g, '"');
  const value = raw.replace(/\\(.)/gsu, (_, c: string) => {
    if (c !== '\\') throw new Error(`unexpected escape \\${c}`);
    return c;
  });
  return { attribute: match[1]!, value };
}

const HOSTILE = [
  'say "hi"',
  'back\\slash',
  'trailing\\',
  '\\"',
  '" OR section = "x',
  '") OR (section = "x',
  'line\nbreak\r\ttab',
  'AND',
  'OR',
  'TO',
  'EXISTS',
  'IS NOT NULL',
  'NOT IN [a, b]',
  '_geoRadius(1, 2, 3)',
  'Zürich 東京 🦀',
  '',
  "it's",
  '\\u{41}\\n',
];

describe('toMeiliFilter', () => {
  it('when no filter is set, then the filter is empty', () => {
    expect(toMeiliFilter(none)).toEqual([]);
  });

  it('when sections, tags and authors are set, then sections and authors are OR groups and each tag is its own AND group', () => {
    expect(toMeiliFilter({ sections: ['World', 'Tech'], tags: ['ai', 'eu'], authors: ['Ann', 'Bo'] })).toEqual([
      [`sectionKey = ${key('World')}`, `sectionKey = ${key('Tech')}`],
      [`tagKeys = ${key('ai')}`],
      [`tagKeys = ${key('eu')}`],
      [`authorKeys = ${key('Ann')}`, `authorKeys = ${key('Bo')}`],
    ]);
  });

  it('when from and to are set, then they compare publishedAt in epoch seconds, inclusive', () => {
    const filters = { ...none, from: Date.UTC(2021, 0, 1), to: Date.UTC(2021, 0, 8, 23, 59, 59, 999) };
    expect(toMeiliFilter(filters)).toEqual([['publishedAt >= 1609459200'], ['publishedAt <= 1610150399.999']]);
  });

  it('when a facet is omitted, then only its own filter is dropped', () => {
    const filters = { sections: ['World'], tags: ['ai'], authors: ['Ann'], from: 0, to: 1000 };
    expect(toMeiliFilter(filters, 'section').flat()).not.toContain(`sectionKey = ${key('World')}`);
    expect(toMeiliFilter(filters, 'authors').flat()).not.toContain(`authorKeys = ${key('Ann')}`);
    expect(toMeiliFilter(filters, 'date').flat()).toEqual([
      `sectionKey = ${key('World')}`,
      `tagKeys = ${key('ai')}`,
      `authorKeys = ${key('Ann')}`,
    ]);
    expect(toMeiliFilter(filters, 'date')).toHaveLength(3);
  });

  it('when a date bound is not a finite number, then it throws a TypeError', () => {
    expect(() => toMeiliFilter({ ...none, from: Number.NaN })).toThrow(TypeError);
    expect(() => toMeiliFilter({ ...none, to: Number.POSITIVE_INFINITY })).toThrow(TypeError);
  });

  it.each(HOSTILE)(
    'when a value is hostile (%j), then only its key reaches the filter, one quoted literal of [A-Za-z0-9_-]',
    (value) => {
      const filter = toMeiliFilter({ sections: [value], tags: [value], authors: [value] });
      const conditions = filter.flat().map(readCondition);
      expect(conditions.map((c) => c.attribute)).toEqual(['sectionKey', 'tagKeys', 'authorKeys']);
      for (const condition of conditions) {
        expect(condition.value).toBe(toFilterKey(value));
        expect(condition.value).toMatch(/^[A-Za-z0-9_-]{27}$/);
      }
    },
  );

  it('when values differ only in case or accents, then they share a key; other values do not', () => {
    expect(toFilterKey('Zürich')).toBe(toFilterKey('ZURICH'));
    expect(toFilterKey('North Korea')).toBe(toFilterKey('north korea'));
    expect(new Set(HOSTILE.map(toFilterKey)).size).toBe(HOSTILE.length);
  });
});

describe('quoteFilterValue', () => {
  it('when a value holds backslashes and quotes, then backslashes are escaped before quotes', () => {
    expect(quoteFilterValue('a\\"b')).toBe('"a\\\\\\"b"');
  });

  it('when a value is longer than 468 UTF-8 bytes, then the stored prefix is sent', () => {
    const long = 'x'.repeat(500);
    expect(readCondition(`tags = ${quoteFilterValue(long)}`).value).toBe('x'.repeat(MAX_FILTER_VALUE_BYTES));
  });
});

describe('truncateUtf8', () => {
  it('when text fits, then it is unchanged', () => {
    expect(truncateUtf8('東京', 6)).toBe('東京');
  });

  it('when text is cut, then no code point is split and the result fits the limit', () => {
    const cjk = truncateUtf8('東'.repeat(200));
    expect(bytes(cjk)).toBe(468);
    expect(cjk).toBe('東'.repeat(156));
    const emoji = truncateUtf8(`a${'🦀'.repeat(200)}`);
    expect(bytes(emoji)).toBe(465);
    expect([...emoji].at(-1)).toBe('🦀');
  });
});
