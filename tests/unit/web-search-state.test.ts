import { describe, expect, it } from 'vitest';
import {
  EMPTY_STATE,
  MAX_PAGE,
  parseSearchState,
  toHref,
  toQueryString,
  type SearchState,
} from '../../src/web/search-state.js';

const state = (over: Partial<SearchState>): SearchState => ({ ...EMPTY_STATE, ...over });

describe('web search state <-> URL', () => {
  it.each<[string, SearchState]>([
    ['empty', EMPTY_STATE],
    ['query only', state({ q: 'north korea' })],
    [
      'every field',
      state({
        q: 'ai',
        sections: ['Technology', 'North Korea'],
        tags: ['ai', 'education'],
        authors: ['Priya Raman'],
        from: '2023-01-01',
        to: '2023-03-31',
        sort: 'oldest',
        page: 3,
      }),
    ],
    [
      'article view over a search',
      state({ q: 'missile', tags: ['defense'], page: 2, article: 'u-EHeQhpD-2Q2u5dS0y7bzeT' }),
    ],
    [
      'characters that need escaping',
      state({ q: 'a&b = "c" +d %20 ü/?#', sections: ['Arts & Culture'], authors: ['Zoë O’Brien'] }),
    ],
    ['only dates', state({ from: '2024-02-29' })],
  ])('when the state is %s, then it survives a round trip through the query string', (_name, original) => {
    expect(parseSearchState(`?${toQueryString(original)}`)).toEqual(original);
  });

  it('when the state is the default, then the URL has no query string', () => {
    expect(toQueryString(EMPTY_STATE)).toBe('');
    expect(toHref(EMPTY_STATE)).toBe('./');
  });

  it('when defaults are set, then they are left out and q comes first', () => {
    expect(toQueryString(state({ q: 'north korea', sections: ['World'], page: 1 }))).toBe(
      'q=north+korea&section=World',
    );
    expect(toHref(state({ tags: ['ai'], page: 2 }))).toBe('?tag=ai&page=2');
  });

  it('when list values repeat or are comma-separated, then each value is read once', () => {
    expect(parseSearchState('?tag=ai,education&tag=AI&tag=%20&section=World').tags).toEqual(['ai', 'education']);
    expect(parseSearchState('?section=World').sections).toEqual(['World']);
  });

  it.each([
    ['page=0', 1],
    ['page=-2', 1],
    ['page=abc', 1],
    ['page=2.5', 1],
    ['page=7', 7],
    ['page=99999', MAX_PAGE],
  ])('when the link holds %s, then the page is %d', (query, page) => {
    expect(parseSearchState(`?${query}`).page).toBe(page);
  });

  it('when values are malformed, then they are dropped rather than failing the page', () => {
    const parsed = parseSearchState('?from=2023-02-30&to=yesterday&sort=best&article=../etc&unknown=1');
    expect(parsed).toEqual(EMPTY_STATE);
  });

  it('when the link holds valid dates and sort, then they are kept', () => {
    expect(parseSearchState('?from=2023-01-01&to=2023-12-31&sort=newest')).toEqual(
      state({ from: '2023-01-01', to: '2023-12-31', sort: 'newest' }),
    );
  });
});
