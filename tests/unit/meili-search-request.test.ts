import { describe, expect, it } from 'vitest';
import { FacetSearchParamsSchema, type FacetSearchQuery } from '../../src/search/facet-search.schema.js';
import { parseQuery } from '../../src/search/query/parse-query.js';
import { SearchParamsSchema } from '../../src/search/search.schema.js';
import { MARK_CLOSE, MARK_OPEN } from '../../src/text/normalize.js';
import { toFacetSearchParams } from '../../src/search/engines/meilisearch/facet-value-search.js';
import { toFilterKey } from '../../src/search/engines/meilisearch/meili-document.js';
import {
  needsPartialMatches,
  toMeiliQueryText,
  toMeiliSearchPlan,
  toMeiliSort,
} from '../../src/search/engines/meilisearch/to-meili-search.js';

const searchQuery = (params: Record<string, string>) => SearchParamsSchema.parse(params);
const plan = (params: Record<string, string>, strategy: 'all' | 'last' | 'frequency' = 'all') => {
  const query = searchQuery(params);
  return toMeiliSearchPlan(query, parseQuery(query.q), 'articles', strategy);
};

describe('toMeiliQueryText', () => {
  it('when the last word is being typed, then it stays last with nothing after it (a prefix)', () => {
    expect(toMeiliQueryText(parseQuery('Cyber secur'))).toBe('cyber secur');
  });

  it('when the query ends with a space, then a trailing space turns prefix matching off', () => {
    expect(toMeiliQueryText(parseQuery('cyber security '))).toBe('cyber security ');
  });

  it('when words are joined by punctuation, then they are sent as our tokens, folded', () => {
    expect(toMeiliQueryText(parseQuery('Zürich,CYBER-security'))).toBe('zurich cyber security');
  });

  it('when a query has phrases and exclusions, then exclusions come first and phrases stay quoted', () => {
    expect(toMeiliQueryText(parseQuery('"North Korea" -spam -"fake news" secur'))).toBe(
      '-spam -spams -"fake news" "north korea" secur',
    );
  });

  it('when a word is excluded, then every form sharing its stem is excluded (Meilisearch matches negative words exactly)', () => {
    expect(toMeiliQueryText(parseQuery('korea -Missiles'))).toBe(
      '-missiles -missil -missils -missile -missiled -missiling korea ',
    );
  });

  it('when the query has no words, then q is empty (a placeholder search)', () => {
    expect(toMeiliQueryText(parseQuery('  "" - '))).toBe('');
  });
});

describe('toMeiliSort', () => {
  it('when sorting, then newest and oldest sort by publishedAt and relevance leaves it to the ranking rules', () => {
    const words = parseQuery('cyber');
    expect(toMeiliSort('newest', words)).toEqual(['publishedAt:desc']);
    expect(toMeiliSort('oldest', words)).toEqual(['publishedAt:asc']);
    expect(toMeiliSort('relevance', words)).toBeUndefined();
  });

  it('when relevance is asked without any word to rank by, then the newest come first', () => {
    expect(toMeiliSort('relevance', parseQuery('-spam'))).toEqual(['publishedAt:desc']);
  });
});

describe('toMeiliSearchPlan', () => {
  it('when no facet filter is active, then one query carries hits, page mode and every facet', () => {
    const { queries, facetSource } = plan({
      q: 'cyber',
      page: '2',
      pageSize: '10',
      facets: 'section,tags,authors,date',
    });
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatchObject({
      indexUid: 'articles',
      q: 'cyber',
      page: 2,
      hitsPerPage: 10,
      matchingStrategy: 'all',
      facets: ['section', 'tags', 'authors', 'day', 'month', 'year', 'publishedAt'],
      highlightPreTag: MARK_OPEN,
      highlightPostTag: MARK_CLOSE,
      attributesToCrop: ['summary', 'body'],
      cropLength: 30,
      cropMarker: '…',
    });
    expect(queries[0]).not.toHaveProperty('filter');
    expect(queries[0]).not.toHaveProperty('sort');
    expect(facetSource).toEqual({ section: 0, tags: 0, authors: 0, date: 0 });
  });

  it('when a section filter is active, then one extra count-only query without it counts sections', () => {
    const { queries, facetSource } = plan({ q: 'cyber', section: 'World', tag: 'ai', facets: 'section,tags' });
    expect(queries).toHaveLength(2);
    expect(queries[0]).toMatchObject({
      filter: [[`sectionKey = "${toFilterKey('World')}"`], [`tagKeys = "${toFilterKey('ai')}"`]],
      facets: ['tags'],
    });
    expect(queries[1]).toEqual({
      indexUid: 'articles',
      q: 'cyber',
      filter: [[`tagKeys = "${toFilterKey('ai')}"`]],
      hitsPerPage: 0,
      matchingStrategy: 'all',
      facets: ['section'],
    });
    expect(facetSource).toEqual({ section: 1, tags: 0 });
  });

  it('when the date filter is active, then the date counts and stats come from a query without it', () => {
    const { queries, facetSource } = plan({
      from: '2021-01-01',
      to: '2021-01-31',
      facets: 'date',
      dateInterval: 'month',
    });
    expect(queries[0]).not.toHaveProperty('facets');
    expect(queries[1]).toEqual({
      indexUid: 'articles',
      q: '',
      hitsPerPage: 0,
      matchingStrategy: 'all',
      facets: ['month', 'year', 'publishedAt'],
    });
    expect(facetSource).toEqual({ date: 1 });
  });

  it('when a tag filter is active, then tags stay in the main query (tags respect every filter)', () => {
    expect(plan({ tag: 'ai', facets: 'tags' }).queries).toHaveLength(1);
  });

  it('when highlight is off, then no formatting is asked for', () => {
    const [main] = plan({ q: 'cyber', highlight: 'false' }).queries;
    expect(main).not.toHaveProperty('attributesToHighlight');
    expect(main).not.toHaveProperty('attributesToCrop');
  });

  it('when browsing, then the newest come first', () => {
    expect(plan({}).queries[0]).toMatchObject({ q: '', sort: ['publishedAt:desc'] });
  });

  it('when a strategy drops words, then every query uses it and one count-only query counts all-words matches', () => {
    const built = plan({ q: 'cyber attack', section: 'World' }, 'frequency');
    expect(built.queries.map((q) => q.matchingStrategy)).toEqual(['frequency', 'frequency', 'all']);
    expect(built.fullMatchesSource).toBe(2);
    expect(built.queries[2]).toMatchObject({ hitsPerPage: 0, filter: built.queries[0]!.filter });
  });

  it('when the default asks for term counts, then the index size and each term alone ride along, unfiltered', () => {
    const query = searchQuery({ q: 'kim -spam jong un', section: 'World' });
    const built = toMeiliSearchPlan(query, parseQuery(query.q), 'articles', 'all', { countTerms: true });
    const counts = built.queries.slice(built.termCountSource);
    expect(counts.map((q) => q.q)).toEqual(['', '-spam -spams kim ', '-spam -spams jong ', '-spam -spams un']);
    for (const q of counts) expect(q).toEqual({ indexUid: 'articles', q: q.q, hitsPerPage: 0 });
    expect(built.fullMatchesSource).toBeUndefined();
  });
});

describe('needsPartialMatches', () => {
  it('when two words match fewer than 20 articles, then partial matches are needed', () => {
    expect(needsPartialMatches(parseQuery('cyber attack'), 19)).toBe(true);
    expect(needsPartialMatches(parseQuery('cyber attack'), 20)).toBe(false);
  });

  it('when there is one word (or one phrase), then there is nothing to widen', () => {
    expect(needsPartialMatches(parseQuery('cyber'), 0)).toBe(false);
    expect(needsPartialMatches(parseQuery('"cyber attack"'), 0)).toBe(false);
  });
});

describe('toFacetSearchParams', () => {
  const facetQuery = (facet: FacetSearchQuery['facet'], params: Record<string, string>): FacetSearchQuery => ({
    facet,
    ...FacetSearchParamsSchema.parse(params),
  });

  it('when searching a disjunctive facet, then its own filter is dropped and the others kept', () => {
    expect(
      toFacetSearchParams(facetQuery('section', { q: 'wor', query: 'cyber ', section: 'Tech', tag: 'ai' })),
    ).toEqual({
      facetName: 'section',
      facetQuery: 'wor',
      q: 'cyber ',
      filter: [[`tagKeys = "${toFilterKey('ai')}"`]],
      matchingStrategy: 'all',
      exhaustiveFacetCount: true,
    });
  });

  it('when searching tags, then every filter applies, tags included', () => {
    expect(toFacetSearchParams(facetQuery('tags', { q: 'a', tag: 'ai' })).filter).toEqual([
      [`tagKeys = "${toFilterKey('ai')}"`],
    ]);
  });

  it('when nothing is typed, then no facetQuery is sent', () => {
    expect(toFacetSearchParams(facetQuery('authors', {}))).not.toHaveProperty('facetQuery');
  });
});
