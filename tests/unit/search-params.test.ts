import { describe, expect, it } from 'vitest';
import { SearchParamsSchema } from '../../src/search/search.schema.js';
import { parseRequest } from '../../src/http/validate.js';
import { ValidationError } from '../../src/errors.js';

const parse = (params: Record<string, string | string[]>) => parseRequest(SearchParamsSchema, params);
const issues = (params: Record<string, string | string[]>) => {
  try {
    parse(params);
  } catch (error) {
    if (error instanceof ValidationError) return { code: error.code, paths: error.errors!.map((e) => e.path) };
    throw error;
  }
  return undefined;
};

describe('SearchParamsSchema', () => {
  it('when nothing is given, then defaults apply: newest first, 20 per page, section/tags/date facets', () => {
    expect(parse({})).toMatchObject({
      q: '',
      sort: 'newest',
      page: 1,
      pageSize: 20,
      facets: ['section', 'tags', 'date'],
      facetLimit: 10,
      dateInterval: 'auto',
      highlight: true,
    });
  });

  it('when q is given, then relevance is the default sort', () => {
    expect(parse({ q: 'korea' }).sort).toBe('relevance');
  });

  it('when a filter is given once, then commas separate values; repeated, each value is kept whole', () => {
    expect(parse({ section: 'World,Politics', tag: 'ai' }).filters).toMatchObject({
      sections: ['World', 'Politics'],
      tags: ['ai'],
    });
    expect(parse({ author: ['Smith, Jr.', 'Kwon Tae-min'] }).filters.authors).toEqual(['Smith, Jr.', 'Kwon Tae-min']);
  });

  it('when to is a bare date, then it covers that whole UTC day', () => {
    const { filters } = parse({ from: '2021-01-08', to: '2021-01-08' });
    expect(filters.from).toBe(Date.UTC(2021, 0, 8));
    expect(filters.to).toBe(Date.UTC(2021, 0, 8, 23, 59, 59, 999));
  });

  it('when facets is empty, then no facet is computed', () => {
    expect(parse({ facets: '' }).facets).toEqual([]);
  });

  it.each([
    [{ sort: 'best' }, 'sort'],
    [{ page: '0' }, 'page'],
    [{ pageSize: '101' }, 'pageSize'],
    [{ pageSize: 'ten' }, 'pageSize'],
    [{ from: '2021-02-01', to: '2021-01-01' }, 'to'],
    [{ from: 'yesterday' }, 'from'],
    [{ q: 'x'.repeat(513) }, 'q'],
    [{ facets: 'section,colour' }, 'facets'],
    [{ facetLimit: '0' }, 'facetLimit'],
    [{ dateInterval: 'week' }, 'dateInterval'],
    [{ highlight: 'maybe' }, 'highlight'],
    [{ page: '101', pageSize: '100' }, 'page'],
    [{ page: ['1', '2'] }, 'page'],
  ])('when given %o, then the parameter %s is reported as invalid', (params, path) => {
    expect(issues(params)).toEqual({ code: 'invalid_parameter', paths: [path] });
  });

  it('when an unknown parameter is given, then it is reported with its own code', () => {
    expect(issues({ pagesize: '10' })).toEqual({ code: 'unknown_parameter', paths: ['pagesize'] });
  });
});
