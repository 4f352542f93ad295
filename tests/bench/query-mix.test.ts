import { describe, expect, it } from 'vitest';
import type { CorpusStats } from '../../bench/corpus/corpus-stats.js';
import { mulberry32 } from '../../bench/lib/random.js';
import { buildQueryMix, QUERY_TYPES, toSearchPath } from '../../bench/queries/query-mix.js';
import { keystrokePrefixes } from '../../bench/queries/suggest-prefixes.js';
import { makeTypo, typoCandidates } from '../../bench/queries/typo.js';
import { SearchParamsSchema } from '../../src/search/search.schema.js';
import { typoDistance } from '../../src/text/edit-distance.js';

/** A corpus whose word at rank r is "w<letters of r>", with df falling like Zipf. */
function fakeStats(): CorpusStats {
  const letters = (r: number) =>
    r
      .toString(26)
      .split('')
      .map((d) => String.fromCharCode(97 + parseInt(d, 26)))
      .join('');
  const words = Array.from(
    { length: 41_000 },
    (_, i) => [`wq${letters(i + 1)}x`, Math.max(1, Math.round(1_000 / (i + 1)))] as [string, number],
  );
  return {
    corpus: 'synthetic',
    n: 1_000,
    seed: 1,
    bodyWords: 350,
    words,
    sections: [
      { value: 'World', count: 600 },
      { value: 'Business', count: 400 },
    ],
    tags: [],
    authors: [],
    minDate: '2015-01-01T00:00:00.000Z',
    maxDate: '2024-12-31T23:59:59.000Z',
    titles: ['North Korea fires missiles'],
  };
}

describe('buildQueryMix', () => {
  const stats = fakeStats();
  const rank = new Map(stats.words.map(([w], i) => [w, i + 1]));
  const mix = buildQueryMix(stats, { seed: 4, perType: 20, warmup: 2 });
  const ofType = (type: string) => mix.measured.filter((q) => q.type === type);

  it('when built, then every type has perType measured and warmup extra queries', () => {
    for (const type of QUERY_TYPES) expect(ofType(type)).toHaveLength(20);
    expect(mix.warmup).toHaveLength(QUERY_TYPES.length * 2);
  });

  it('when built twice with the same seed, then the queries are identical', () => {
    expect(buildQueryMix(stats, { seed: 4, perType: 20, warmup: 2 })).toEqual(mix);
  });

  it('when drawing words, then they come from the intended frequency ranks', () => {
    for (const q of ofType('common')) expect(rank.get(q.params.q!.trim())).toBeLessThanOrEqual(200);
    for (const q of ofType('rare')) expect(rank.get(q.params.q!.trim())).toBeGreaterThanOrEqual(10_000);
    for (const q of ofType('two-words'))
      for (const w of q.params.q!.trim().split(' ')) expect(rank.get(w)).toBeGreaterThanOrEqual(50);
  });

  it('when a query is complete, then it ends with a space; as-you-type ends with a 3-letter prefix', () => {
    for (const q of mix.measured.filter((x) => x.params.q !== undefined && x.type !== 'prefix'))
      expect(q.params.q).toMatch(/ $/);
    for (const q of ofType('prefix')) expect(q.params.q).toMatch(/^\S+ \S{3}$/);
  });

  it('when a query has a typo, then it is one edit from the intended word, keeps the first letter and is not a word', () => {
    for (const q of ofType('typo')) {
      const typed = q.params.q!.trim();
      expect(typed.length).toBeGreaterThanOrEqual(5);
      expect(typed[0]).toBe(q.intended![0]);
      expect(typoDistance(typed, q.intended!, 2)).toBe(1);
      expect(rank.has(typed)).toBe(false);
    }
  });

  it('when facets are asked for, then only the facet and browse types ask, and every query parses as the API would', () => {
    for (const q of mix.measured) {
      const parsed = SearchParamsSchema.parse(q.params);
      expect(parsed.facets.length > 0).toBe(q.type === 'facets-large' || q.type === 'browse');
    }
    for (const q of ofType('browse')) expect(q.params.q).toBeUndefined();
  });

  it('when turned into a path, then the parameters are URL-encoded', () => {
    expect(toSearchPath({ q: 'a b ', facets: '' })).toBe('/api/search?q=a+b+&facets=');
  });
});

describe('typos', () => {
  it('when no edit avoids the vocabulary, then makeTypo gives up', () => {
    expect(makeTypo(mulberry32(1), 'abcde', new Set(['abcde']))).toBeTypeOf('string');
    const everything = { has: () => true } as unknown as Set<string>;
    expect(makeTypo(mulberry32(1), 'abcde', everything)).toBeUndefined();
  });

  it('when a word is short, then it has no typo candidates; when long, then every word within budget', () => {
    expect(typoCandidates('abcd', ['abce', 'abcd'])).toEqual(['abcd']);
    expect(typoCandidates('sanctoon', ['sanction', 'sanctions', 'xanctoon', 'other'])).toEqual([
      'sanctoon',
      'sanction',
    ]);
  });
});

describe('keystrokePrefixes', () => {
  it('when a title is typed, then every keystroke of its first two words is a prefix, never ending in a space', () => {
    expect(keystrokePrefixes(['North Korea fires'], 100)).toEqual([
      'n',
      'no',
      'nor',
      'nort',
      'north',
      'north k',
      'north ko',
      'north kor',
      'north kore',
      'north korea',
    ]);
  });

  it('when enough prefixes are collected, then it stops at the count', () => {
    expect(keystrokePrefixes(['Alpha beta', 'Gamma delta'], 7)).toHaveLength(7);
  });
});
