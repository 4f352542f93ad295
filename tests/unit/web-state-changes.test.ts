import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, type SearchState } from '../../src/web/search-state.js';
import {
  activeFilters,
  addFilter,
  bucketInRange,
  clearFilters,
  effectiveSort,
  stateAfterPick,
  toggleFilter,
  withDates,
  withPage,
  withQuery,
  withSort,
} from '../../src/web/state-changes.js';

const base: SearchState = { ...EMPTY_STATE, q: 'korea', sections: ['World'], page: 4, article: 'abc' };

describe('web state changes', () => {
  it('when the query changes, then filters stay and the page and article view reset', () => {
    expect(withQuery(base, '  missile ')).toEqual({ ...EMPTY_STATE, q: 'missile', sections: ['World'], page: 1 });
  });

  it('when a filter value is toggled, then it is added or removed case-insensitively', () => {
    const added = toggleFilter(base, 'sections', 'Politics');
    expect(added.sections).toEqual(['World', 'Politics']);
    expect(added.page).toBe(1);
    expect(toggleFilter(added, 'sections', 'world').sections).toEqual(['Politics']);
  });

  it('when a filter is added from a link, then an already chosen value is not removed', () => {
    expect(addFilter(base, 'sections', 'WORLD').sections).toEqual(['World']);
    expect(addFilter(base, 'tags', 'ai').tags).toEqual(['ai']);
  });

  it('when dates are set and cleared, then only from/to change', () => {
    const dated = withDates(base, '2023-03-01', '2023-03-31');
    expect(dated).toMatchObject({ from: '2023-03-01', to: '2023-03-31', page: 1 });
    expect(withDates(dated)).toEqual({ ...EMPTY_STATE, q: 'korea', sections: ['World'] });
  });

  it('when filters are cleared, then the query and sort stay', () => {
    const busy: SearchState = { ...base, tags: ['a'], authors: ['b'], from: '2023-01-01', sort: 'oldest' };
    expect(clearFilters(busy)).toEqual({ ...EMPTY_STATE, q: 'korea', sort: 'oldest' });
  });

  it("when the chosen sort is the server's default for the query, then it is not stored", () => {
    expect(withSort(base, 'relevance').sort).toBeUndefined();
    expect(withSort(base, 'newest').sort).toBe('newest');
    expect(withSort({ ...EMPTY_STATE }, 'newest').sort).toBeUndefined();
    expect(effectiveSort(EMPTY_STATE)).toBe('newest');
    expect(effectiveSort(base)).toBe('relevance');
  });

  it('when the page changes, then it stays within 1..MAX_PAGE and leaves the article view', () => {
    expect(withPage(base, 2)).toEqual({ ...base, page: 2, article: undefined });
    expect(withPage(base, 0).page).toBe(1);
  });

  it('when filters are active, then they are listed in display order', () => {
    expect(activeFilters({ ...EMPTY_STATE, tags: ['ai'], sections: ['World'], to: '2023-01-31' })).toEqual([
      { kind: 'sections', value: 'World' },
      { kind: 'tags', value: 'ai' },
      { kind: 'dates', to: '2023-01-31' },
    ]);
  });

  it.each([
    [{ from: '2023-03-01', to: '2023-03-31' }, '2023-03-01', '2023-03-31', true],
    [{ from: '2023-03-01', to: '2023-03-31' }, '2023-03-15', undefined, true],
    [{ from: '2023-03-01', to: '2023-03-31' }, '2023-04-01', undefined, false],
    [{ from: '2023-03-01', to: '2023-03-31' }, undefined, '2023-02-28', false],
    [{ from: '2023-03-01', to: '2023-03-31' }, undefined, undefined, false],
  ])('when the bucket is %o and the range %s..%s, then it is chosen: %s', (bucket, from, to, expected) => {
    expect(bucketInRange(bucket, from, to)).toBe(expected);
  });

  describe('when a suggestion is picked', () => {
    it('then a query suggestion is searched', () => {
      expect(stateAfterPick(base, { type: 'query', text: 'north korea', highlight: '' })).toMatchObject({
        q: 'north korea',
        page: 1,
        sections: ['World'],
      });
    });
    it('then an article suggestion opens the article over the current search', () => {
      expect(
        stateAfterPick(base, {
          type: 'article',
          id: 'x1',
          text: 't',
          highlight: '',
          section: 'S',
          publishedAt: '2024-01-01T00:00:00Z',
        }),
      ).toEqual({ ...base, article: 'x1' });
    });
    it('then a tag or section suggestion applies the filter instead of the typed text', () => {
      expect(stateAfterPick(base, { type: 'tag', text: 'north-korea', count: 3, highlight: '' })).toEqual({
        ...EMPTY_STATE,
        sections: ['World'],
        tags: ['north-korea'],
      });
      expect(stateAfterPick(base, { type: 'section', text: 'North Korea', count: 3, highlight: '' }).sections).toEqual([
        'World',
        'North Korea',
      ]);
    });
  });
});
