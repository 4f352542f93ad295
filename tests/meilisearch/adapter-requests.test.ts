import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { FacetSearchParamsSchema } from '../../src/search/facet-search.schema.js';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { SearchParamsSchema } from '../../src/search/search.schema.js';
import { createMeilisearchEngine } from '../../src/search/engines/meilisearch/index.js';
import { toMeiliDocument } from '../../src/search/engines/meilisearch/meili-document.js';
import { FACET_HITS, HIT, mainAnswer, searchResult, sectionCounts } from './canned.js';
import { toFilterKey } from '../../src/search/engines/meilisearch/meili-document.js';
import { MeiliStub, type Recorded } from './meili-stub.js';

const API_KEY = 'search-key-0123456789';
const UID = 'articles';
let stub: MeiliStub;
let engine: SearchEngine;

type Body = { queries: Record<string, unknown>[] };
const multiSearches = () => stub.requests.filter((r) => r.path === '/multi-search').map((r) => r.body as Body);
const answer = (results: (req: Recorded) => unknown[]) =>
  stub.reply('POST /multi-search', (req) => [200, { results: results(req) }]);

beforeEach(async () => {
  stub = await MeiliStub.start();
  engine = createMeilisearchEngine({ url: stub.url, apiKey: API_KEY, indexUid: UID, logger: silentLogger() });
});
afterEach(() => stub.stop());

describe('search', () => {
  it('when searching, then one multi-search is sent with the bearer key and the result is mapped', async () => {
    answer(() => [mainAnswer(UID)]);
    const result = await engine.search(SearchParamsSchema.parse({ q: 'secur', facets: 'tags,date' }));
    expect(stub.calls()).toEqual(['POST /multi-search']);
    expect(stub.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(multiSearches()[0]?.queries).toHaveLength(1);
    expect(result.totalHits).toBe(42);
    expect(result.hits[0]).toMatchObject({
      id: HIT.id,
      summary: HIT.summary,
      url: HIT.url,
      publishedAt: '2021-01-08T03:55:00Z',
    });
    expect(result.hits[0]?.highlight?.title).toBe('N. Korea-linked hackers target cyber <mark>secur</mark>ity firms');
    expect(result.facets.tags?.[0]).toEqual({ value: 'cyber', count: 30 });
    expect(result.dateInterval).toBe('day');
    expect(result.facets.date?.map((b) => b.value)).toEqual(['2021-01-08', '2021-01-09']);
  });

  it('when a section filter is active, then one extra query without it counts the sections', async () => {
    answer(() => [mainAnswer(UID), sectionCounts(UID)]);
    const result = await engine.search(
      SearchParamsSchema.parse({ q: 'secur', section: 'North Korea', facets: 'section,tags' }),
    );
    const [main, counts] = multiSearches()[0]!.queries;
    expect(main).toMatchObject({ filter: [[`sectionKey = "${toFilterKey('North Korea')}"`]], facets: ['tags'] });
    expect(counts).toMatchObject({ hitsPerPage: 0, facets: ['section'] });
    expect(counts).not.toHaveProperty('filter');
    expect(result.facets.section).toEqual([
      { value: 'North Korea', count: 42 },
      { value: 'World', count: 8 },
    ]);
  });

  it('when filter values are hostile, then only their keys reach Meilisearch, quoted', async () => {
    answer((req) => (req.body as Body).queries.map(() => searchResult(UID, {})));
    await engine.search(SearchParamsSchema.parse({ section: '" OR section = "x', tag: 'back\\slash', facets: '' }));
    expect(multiSearches()[0]?.queries[0]?.filter).toEqual([
      [`sectionKey = "${toFilterKey('" OR section = "x')}"`],
      [`tagKeys = "${toFilterKey('back\\slash')}"`],
    ]);
  });

  it('when fewer than 20 articles hold every word, then one federated search brings the articles holding any word', async () => {
    stub.reply('POST /multi-search', (req) => {
      const body = req.body as Body & { federation?: unknown };
      if (body.federation) {
        const facetsByIndex = { [UID]: { distribution: { tags: { cyber: 30 } }, stats: {} } };
        return [200, { hits: mainAnswer(UID).hits, totalHits: 35, facetsByIndex }];
      }
      // The all-words search, then the index size and each term alone (the widening weights).
      return [200, { results: [mainAnswer(UID, 3), ...[200, 40, 6].map((n) => searchResult(UID, { totalHits: n }))] }];
    });
    const result = await engine.search(SearchParamsSchema.parse({ q: 'cyber bureau', facets: 'tags' }));
    const [first, federated] = stub.requests.filter((r) => r.path === '/multi-search').map((r) => r.body as Body);
    expect(first?.queries.map((q) => q.q)).toEqual(['cyber bureau', '', 'cyber ', 'bureau']);
    expect(federated?.queries.map((q) => [q.q, q.matchingStrategy])).toEqual([
      ['cyber bureau', 'frequency'],
      ['cyber ', 'all'],
      ['bureau', 'all'],
    ]);
    expect(result).toMatchObject({ totalHits: 35, fullMatches: 3, facets: { tags: [{ value: 'cyber', count: 30 }] } });
  });

  it('when 20 or more articles hold every word, then there is no second request', async () => {
    answer(() => [mainAnswer(UID, 20)]);
    await engine.search(SearchParamsSchema.parse({ q: 'cyber bureau' }));
    expect(multiSearches()).toHaveLength(1);
  });

  it('when the index does not exist yet, then the result is empty', async () => {
    const result = await engine.search(SearchParamsSchema.parse({ q: 'secur', facets: 'section' }));
    expect(result).toEqual({ hits: [], totalHits: 0, fullMatches: 0, facets: { section: [] } });
  });
});

describe('searchFacetValues', () => {
  it('when searching facet values, then facet-search gets the prefix, the text and the other filters', async () => {
    stub.reply('POST /indexes/:uid/facet-search', () => [200, FACET_HITS]);
    const query = {
      facet: 'authors' as const,
      ...FacetSearchParamsSchema.parse({ q: 'kim', query: 'cyber', author: 'Lee', section: 'World' }),
    };
    const values = await engine.searchFacetValues(query);
    const request = stub.requests.find((r) => r.path === `/indexes/${UID}/facet-search`);
    expect(request?.body).toEqual({
      facetName: 'authors',
      facetQuery: 'kim',
      q: 'cyber',
      filter: [[`sectionKey = "${toFilterKey('World')}"`]],
      matchingStrategy: 'all',
      exhaustiveFacetCount: true,
    });
    expect(values).toEqual([
      { value: 'Kim Soo-yeon', count: 30, highlight: '<mark>Kim</mark> Soo-yeon' },
      { value: 'Kim Jong-un', count: 12, highlight: '<mark>Kim</mark> Jong-un' },
    ]);
  });
});

describe('getArticle, ready', () => {
  const article = {
    id: 'yonhap-cyber-1',
    title: 'T',
    body: 'B',
    section: 'S',
    tags: [],
    authors: [],
    publishedAt: '2021-01-08T03:55:00Z',
    language: 'en',
  };

  it('when an article exists, then it is read by id and mapped back', async () => {
    stub.indexes.set(UID, { settings: {}, docs: new Map([[article.id, toMeiliDocument(article)]]) });
    expect(await engine.getArticle(article.id)).toEqual(article);
    expect(stub.calls()).toEqual([`GET /indexes/${UID}/documents/${article.id}`]);
  });

  it('when it does not exist (404), then undefined; a malformed id never reaches Meilisearch', async () => {
    stub.indexes.set(UID, { settings: {}, docs: new Map() });
    expect(await engine.getArticle('nope')).toBeUndefined();
    expect(await engine.getArticle('../../keys')).toBeUndefined();
    expect(stub.calls()).toEqual([`GET /indexes/${UID}/documents/nope`]);
  });

  it('when asked if ready, then health and the index stats are read', async () => {
    stub.indexes.set(UID, { settings: {}, docs: new Map([[article.id, toMeiliDocument(article)]]) });
    expect(await engine.ready()).toEqual({ articleCount: 1 });
    expect(stub.calls()).toEqual(['GET /health', `GET /indexes/${UID}/stats`]);
  });

  it('when the index does not exist yet, then ready counts 0 articles', async () => {
    expect(await engine.ready()).toEqual({ articleCount: 0 });
  });
});
