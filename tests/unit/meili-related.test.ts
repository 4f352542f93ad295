import { describe, expect, it } from 'vitest';
import {
  fromCandidateResults,
  fromTermCounts,
  MEILI_RELATED_POOL,
  MEILI_SINGLE_WORD_POOL,
  toCandidateQueries,
  toTermCountQueries,
} from '../../src/search/engines/meilisearch/to-meili-related.js';

const NO_FILTERS = { sections: [], tags: [], authors: [] };
const term = (t: string) => ({ term: t, docs: 5, weight: 1 });

describe('toTermCountQueries / fromTermCounts', () => {
  it('when words are counted, then one count of the index leads and each word is an exact phrase over the text', () => {
    expect(toTermCountQueries(['cocoa', 'bahia'], 'articles')).toEqual([
      { indexUid: 'articles', q: '', hitsPerPage: 0 },
      { indexUid: 'articles', q: '"cocoa"', attributesToSearchOn: ['title', 'summary', 'body'], hitsPerPage: 0 },
      { indexUid: 'articles', q: '"bahia"', attributesToSearchOn: ['title', 'summary', 'body'], hitsPerPage: 0 },
    ]);
  });

  it('when the counts come back, then each word gets its total and a missing answer counts as unknown', () => {
    const stats = fromTermCounts(['cocoa', 'bahia'], [{ totalHits: 1000 }, { totalHits: 40 }]);
    expect(stats.total).toBe(1000);
    expect([stats.docs('cocoa'), stats.docs('bahia'), stats.docs('other')]).toEqual([40, 0, 0]);
  });
});

describe('toCandidateQueries', () => {
  it('when the query has one word, then one search is enough', () => {
    expect(toCandidateQueries([term('cocoa')], NO_FILTERS, 'articles')).toEqual([
      {
        indexUid: 'articles',
        q: 'cocoa ',
        attributesToSearchOn: ['title', 'summary', 'body'],
        attributesToRetrieve: ['id', 'url', 'title', 'summary', 'section', 'tags', 'authors', 'publishedAtIso', 'body'],
        limit: MEILI_RELATED_POOL,
      },
    ]);
  });

  it('when the query has more than 10 words, then the word searches send 10, and the 6 best are searched alone', () => {
    const words = Array.from({ length: 12 }, (_, i) => term(`w${i}`));
    const queries = toCandidateQueries(words, { ...NO_FILTERS, from: 1609459200000 }, 'a');
    expect(queries.map((q) => [q.q, q.matchingStrategy, q.limit])).toEqual([
      ['w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 ', 'last', MEILI_RELATED_POOL],
      ['w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 ', 'frequency', MEILI_RELATED_POOL],
      ...['w0', 'w1', 'w2', 'w3', 'w4', 'w5'].map((w) => [`${w} `, undefined, MEILI_SINGLE_WORD_POOL]),
    ]);
    for (const q of queries) expect(q.filter).toEqual([['publishedAt >= 1609459200']]);
  });

  it('when no word was chosen, then nothing is searched', () => {
    expect(toCandidateQueries([], NO_FILTERS, 'a')).toEqual([]);
  });
});

describe('fromCandidateResults', () => {
  it('when hits come back, then each becomes a candidate with its hit, and a foreign document is an error', () => {
    const raw = {
      id: 'a-1',
      title: 'T',
      body: 'B',
      section: 'S',
      tags: ['t'],
      authors: [],
      publishedAtIso: '2021-01-08T03:55:00Z',
    };
    const [candidate] = fromCandidateResults([{ hits: [raw] }]);
    expect(candidate).toMatchObject({ id: 'a-1', body: 'B', publishedAtMs: Date.UTC(2021, 0, 8, 3, 55) });
    expect(candidate?.hit).toEqual({
      id: 'a-1',
      title: 'T',
      summary: null,
      section: 'S',
      tags: ['t'],
      authors: [],
      publishedAt: '2021-01-08T03:55:00Z',
      url: null,
    });
    expect(() => fromCandidateResults([{ hits: [{ id: 'x' }] }])).toThrow();
  });
});
