import { describe, expect, it } from 'vitest';
import { termWeights, toWidenedSearches } from '../../src/search/engines/meilisearch/to-meili-widened.js';
import { parseQuery } from '../../src/search/query/parse-query.js';
import { SearchParamsSchema } from '../../src/search/search.schema.js';

describe('termWeights', () => {
  it('when a term is a typed prefix of 1-2 letters, then it gets no query of its own', () => {
    expect(termWeights(parseQuery('kim jong un'), [3, 2, 40], 200)[2]).toBeUndefined();
  });

  it('when terms differ in rarity, then the rarest weighs 1/2 and the most frequent a tenth of its idf share', () => {
    const [kim, jong, said] = termWeights(parseQuery('kim jong said '), [3, 2, 150], 200) as number[];
    expect(jong).toBeCloseTo(0.5);
    expect(kim!).toBeLessThan(0.5);
    expect(kim!).toBeGreaterThan(0.4);
    expect(said!).toBeLessThan(0.05);
  });
});

describe('toWidenedSearches', () => {
  it('when widening, then one federated search holds the whole query at weight 1 and each strong term alone', () => {
    const query = SearchParamsSchema.parse({ q: 'kim -spam jong un', page: '2', pageSize: '10' });
    const { requests, facetSource } = toWidenedSearches(query, parseQuery(query.q), 'articles', [3, 2, 40], 200);
    expect(requests).toHaveLength(1);
    const [main] = requests;
    expect(main!.federation).toMatchObject({
      page: 2,
      hitsPerPage: 10,
      facetsByIndex: { articles: expect.any(Array) },
    });
    expect(main!.queries.map((q) => [q.q, q.matchingStrategy, q.federationOptions?.weight])).toEqual([
      ['-spam -spams kim jong un', 'frequency', undefined],
      ['-spam -spams kim ', 'all', expect.any(Number)],
      ['-spam -spams jong ', 'all', 0.5],
    ]);
    expect(facetSource).toEqual({ section: 0, tags: 0, date: 0 });
  });

  it('when the rarest term is a short prefix, then the whole query drops words from the end so the prefix never stands alone', () => {
    const query = SearchParamsSchema.parse({ q: 'economy growth xy' });
    const { requests } = toWidenedSearches(query, parseQuery(query.q), 'articles', [50, 40, 1], 200);
    expect(requests[0]!.queries[0]!.matchingStrategy).toBe('last');
  });

  it('when a disjunctive facet has its own filter, then a count-only federated search without it counts that facet', () => {
    const query = SearchParamsSchema.parse({ q: 'kim jong', section: 'World', facets: 'section,tags' });
    const { requests, facetSource } = toWidenedSearches(query, parseQuery(query.q), 'articles', [3, 2], 200);
    expect(facetSource).toEqual({ section: 1, tags: 0 });
    expect(requests[1]!.federation).toEqual({ page: 1, hitsPerPage: 0, facetsByIndex: { articles: ['section'] } });
    for (const q of requests[1]!.queries) expect(q).not.toHaveProperty('filter');
    for (const q of requests[0]!.queries) expect(q.filter).toBeDefined();
  });
});
