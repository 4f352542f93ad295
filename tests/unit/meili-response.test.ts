import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/search/query/parse-query.js';
import { SearchParamsSchema } from '../../src/search/search.schema.js';
import { MARK_CLOSE as C, MARK_OPEN as O } from '../../src/text/normalize.js';
import { fromFacetHits } from '../../src/search/engines/meilisearch/facet-value-search.js';
import {
  chooseSnippet,
  emptySearchResult,
  fromMeiliResults,
  toFacetValues,
  toSearchHit,
} from '../../src/search/engines/meilisearch/from-meili-response.js';
import { toDateFacet } from '../../src/search/engines/meilisearch/date-facet.js';
import { toMeiliSearchPlan } from '../../src/search/engines/meilisearch/to-meili-search.js';

const hit = {
  id: 'yonhap-1',
  url: 'https://example.org/a?x=1&y=2',
  title: 'Cyber security <bureau>',
  section: 'North Korea',
  tags: ['cyber', 'police'],
  authors: ['Kim Soo-yeon'],
  publishedAtIso: '2021-01-08T03:55:00Z',
  _formatted: {
    title: `Cyber ${O}secur${C}ity <bureau>`,
    summary: 'Police open a bureau…',
    body: `…the new cyber ${O}secur${C}ity bureau\n\nwill "watch" & report…`,
  },
};

describe('toSearchHit', () => {
  it('when a hit is mapped, then it has the shape of the embedded engine, highlight escaped', () => {
    expect(toSearchHit(hit, true)).toEqual({
      id: 'yonhap-1',
      title: 'Cyber security <bureau>',
      summary: null,
      section: 'North Korea',
      tags: ['cyber', 'police'],
      authors: ['Kim Soo-yeon'],
      publishedAt: '2021-01-08T03:55:00Z',
      url: 'https://example.org/a?x=1&y=2',
      highlight: {
        title: 'Cyber <mark>secur</mark>ity &lt;bureau&gt;',
        snippet: '…the new cyber <mark>secur</mark>ity bureau will &quot;watch&quot; &amp; report…',
      },
    });
  });

  it('when highlight is off, then there is no highlight field', () => {
    expect(toSearchHit({ ...hit, summary: 'S' }, false)).not.toHaveProperty('highlight');
  });

  it('when the hit is not one of our documents, then it throws', () => {
    expect(() => toSearchHit({ id: 1 }, false)).toThrow();
  });
});

describe('chooseSnippet', () => {
  it('when the summary holds a match, then it is the snippet', () => {
    expect(chooseSnippet({ summary: `a ${O}b${C}`, body: `${O}c${C}` })).toBe(`a ${O}b${C}`);
  });

  it('when only the body holds a match, then the body is the snippet', () => {
    expect(chooseSnippet({ summary: 'a b', body: `x ${O}c${C}…` })).toBe(`x ${O}c${C}…`);
  });

  it('when nothing matched, then the start of the summary, else of the body', () => {
    expect(chooseSnippet({ summary: 'first words…', body: 'body…' })).toBe('first words…');
    expect(chooseSnippet({ body: 'body  start\n…' })).toBe('body start …');
    expect(chooseSnippet({})).toBe('');
  });
});

describe('toFacetValues', () => {
  it('when values are counted, then count desc, value asc (code units), zero dropped, cut to the limit', () => {
    expect(toFacetValues({ world: 2, World: 2, Arts: 5, Zero: 0, Tech: 2 }, 3)).toEqual([
      { value: 'Arts', count: 5 },
      { value: 'Tech', count: 2 },
      { value: 'World', count: 2 },
    ]);
  });
});

describe('toDateFacet', () => {
  const stats = (min: string, max: string) => ({
    publishedAt: { min: Date.parse(min) / 1000, max: Date.parse(max) / 1000 },
  });
  const distribution = {
    day: { '2021-01-08': 2, '2021-02-01': 1 },
    month: { '2021-02': 1, '2021-01': 2 },
    year: { '2021': 3 },
  };

  it('when the matching dates span under 60 days, then auto gives day buckets', () => {
    expect(toDateFacet(distribution, stats('2021-01-08T03:55:00Z', '2021-02-01T00:00:00Z'), 'auto')).toEqual({
      interval: 'day',
      buckets: [
        { value: '2021-01-08', from: '2021-01-08', to: '2021-01-08', count: 2 },
        { value: '2021-02-01', from: '2021-02-01', to: '2021-02-01', count: 1 },
      ],
    });
  });

  it('when the span is longer, then auto gives month buckets, chronological', () => {
    const facet = toDateFacet(distribution, stats('2021-01-08T00:00:00Z', '2021-04-01T00:00:00Z'), 'auto');
    expect(facet.interval).toBe('month');
    expect(facet.buckets.map((b) => [b.value, b.from, b.to, b.count])).toEqual([
      ['2021-01', '2021-01-01', '2021-01-31', 2],
      ['2021-02', '2021-02-01', '2021-02-28', 1],
    ]);
  });

  it('when an explicit day interval would need more than 1,000 buckets, then it is coarsened', () => {
    expect(toDateFacet(distribution, stats('2015-01-01T00:00:00Z', '2021-02-01T00:00:00Z'), 'day').interval).toBe(
      'month',
    );
  });

  it('when nothing matched (no stats), then there are no buckets and no interval', () => {
    expect(toDateFacet({}, undefined, 'auto')).toEqual({ buckets: [] });
  });
});

describe('fromMeiliResults', () => {
  it('when a disjunctive facet has its own query, then its counts come from that query', () => {
    const query = SearchParamsSchema.parse({ q: 'cyber', section: 'World', facets: 'section,tags,date' });
    const plan = toMeiliSearchPlan(query, parseQuery(query.q), 'articles', 'all');
    const result = fromMeiliResults(query, plan, [
      {
        hits: [{ ...hit, _formatted: undefined }],
        totalHits: 1,
        facetDistribution: {
          tags: { cyber: 1 },
          year: { '2021': 1 },
          day: { '2021-01-08': 1 },
          month: { '2021-01': 1 },
        },
        facetStats: { publishedAt: { min: 1610078100, max: 1610078100 } },
      },
      { hits: [], totalHits: 7, facetDistribution: { section: { World: 1, Tech: 6 } } },
    ]);
    expect(result.totalHits).toBe(1);
    expect(result.fullMatches).toBe(1);
    expect(result.hits.map((h) => h.highlight?.title)).toEqual(['Cyber security &lt;bureau&gt;']);
    expect(result.facets).toEqual({
      section: [
        { value: 'Tech', count: 6 },
        { value: 'World', count: 1 },
      ],
      tags: [{ value: 'cyber', count: 1 }],
      date: [{ value: '2021-01-08', from: '2021-01-08', to: '2021-01-08', count: 1 }],
    });
    expect(result.dateInterval).toBe('day');
  });

  it('when the index does not exist, then the result is empty in the usual shape', () => {
    const query = SearchParamsSchema.parse({ facets: 'section,date' });
    expect(emptySearchResult(query)).toEqual({
      hits: [],
      totalHits: 0,
      fullMatches: 0,
      facets: { section: [], date: [] },
    });
  });
});

describe('fromFacetHits', () => {
  it('when facet hits come back, then they are ordered, cut and the typed prefix is marked as one span', () => {
    const hits = [
      { value: 'Jones', count: 3 },
      { value: 'Jonas', count: 9 },
      { value: 'North Korea', count: 1 },
    ];
    expect(fromFacetHits(hits, { q: 'jon', limit: 2 })).toEqual([
      { value: 'Jonas', count: 9, highlight: '<mark>Jon</mark>as' },
      { value: 'Jones', count: 3, highlight: '<mark>Jon</mark>es' },
    ]);
    expect(fromFacetHits(hits, { q: 'north ko', limit: 5 })).toEqual([
      { value: 'North Korea', count: 1, highlight: '<mark>North Ko</mark>rea' },
    ]);
  });

  it('when a candidate does not start with what was typed, then it is dropped, as on the embedded engine', () => {
    const hits = [{ value: 'Kim <Jong-un>', count: 3 }];
    expect(fromFacetHits(hits, { q: 'jong', limit: 5 })).toEqual([]);
    expect(fromFacetHits(hits, { q: 'kim <jo', limit: 5 })).toEqual([
      { value: 'Kim <Jong-un>', count: 3, highlight: '<mark>Kim &lt;Jo</mark>ng-un&gt;' },
    ]);
  });
});
