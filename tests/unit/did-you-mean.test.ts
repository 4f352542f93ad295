import { describe, expect, it } from 'vitest';
import { toCorrectionQueries } from '../../src/search/engines/meilisearch/meili-did-you-mean.js';
import { correctionLookups, toSuggestedQuery } from '../../src/search/query/did-you-mean.js';
import { parseQuery } from '../../src/search/query/parse-query.js';

const KNOWN = new Set(['cyber', 'attack', 'new', 'york', 'security', 'fire', 'data', 'database', 'korea']);
const known = (w: string) => KNOWN.has(w);
const fix = (w: string) => ({ cybr: 'cyber', atack: 'attack' })[w];
const suggest = (q: string) => toSuggestedQuery(parseQuery(q), known, fix);

describe('toSuggestedQuery (did you mean)', () => {
  it('when a word of 4+ letters is unknown, then its most frequent title word within one typo replaces it', () => {
    expect(suggest('cybr atack')).toBe('cyber attack');
  });

  it('when a word is two known words run together, then it is split; two halves of one word are joined', () => {
    expect(suggest('newyork fire ')).toBe('new york fire');
    expect(suggest('cyber secur ity')).toBe('cyber security');
    expect(suggest('data base')).toBe('database');
  });

  it('when phrases and exclusions are typed, then they stay as typed', () => {
    expect(suggest('"north korea" cybr -fire')).toBe('"north korea" cyber -fire');
  });

  it('when every word is known, or an unknown one has no fix, then nothing is suggested', () => {
    expect(suggest('cyber attack')).toBeUndefined();
    expect(suggest('qqqq attack')).toBeUndefined();
    expect(suggest('the cyb')).toBeUndefined();
  });

  it('when the query is longer than 4 words, then it is not corrected (a sentence, and too many lookups)', () => {
    expect(suggest('cybr atack on the big fire station today')).toBeUndefined();
    expect(correctionLookups(parseQuery('cybr atack big fire station'))).toEqual({ words: [], typos: [] });
  });

  it('when lookups are planned, then they hold the words, their halves and their pairs joined', () => {
    const { words, typos } = correctionLookups(parseQuery('newyork fire '));
    expect(words).toEqual(expect.arrayContaining(['newyork', 'fire', 'new', 'york', 'newyorkfire']));
    expect(typos).toEqual(['newyork', 'fire']);
  });
});

describe('toCorrectionQueries (Meilisearch)', () => {
  it('when lookups go to Meilisearch, then existence is an exact one-word phrase count and typo fixes come from the vocabulary index', () => {
    const { queries, words, typos } = toCorrectionQueries(parseQuery('cybr fire'), 'articles');
    expect(queries[0]).toEqual({ indexUid: 'articles', q: '"cybr"', hitsPerPage: 0 });
    expect(queries[words.length]).toEqual({
      indexUid: 'articles_terms',
      q: 'cybr ',
      filter: ['term != "cybr"'],
      sort: ['docs:desc', 'term:asc'],
      limit: 1,
      attributesToRetrieve: ['term'],
    });
    expect(queries).toHaveLength(words.length + typos.length);
  });
});
