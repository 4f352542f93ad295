import type { Settings } from 'meilisearch';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_INDEX_SETTINGS,
  settingsPatch,
  TERMS_INDEX_SETTINGS,
} from '../../src/search/engines/meilisearch/meili-settings.js';

/** What GET /indexes/:uid/settings answers for an index that already has our settings. */
const current: Settings = {
  displayedAttributes: ['*'],
  searchableAttributes: ['title', 'summary', 'body', 'tags', 'section', 'authors'],
  filterableAttributes: [
    'authorKeys',
    'authors',
    'day',
    'month',
    'publishedAt',
    'section',
    'sectionKey',
    'tagKeys',
    'tags',
    'year',
  ],
  sortableAttributes: ['publishedAt'],
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  // Meilisearch returns the stop words as a set, in its own order.
  stopWords: [...ARTICLE_INDEX_SETTINGS.stopWords].reverse(),
  separatorTokens: [...ARTICLE_INDEX_SETTINGS.separatorTokens].reverse(),
  nonSeparatorTokens: [],
  synonyms: {},
  distinctAttribute: null,
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    disableOnWords: [],
    disableOnAttributes: [],
  },
  faceting: {
    maxValuesPerFacet: 1000,
    sortFacetValuesBy: { '*': 'alpha', authors: 'count', section: 'count', tags: 'count' },
  },
  pagination: { maxTotalHits: 1_000_000 },
  facetSearch: true,
  prefixSearch: 'indexingTime',
};

describe('settingsPatch', () => {
  it('when the index already holds our settings (sets in another order, extra keys), then nothing is patched', () => {
    expect(settingsPatch(current)).toBeUndefined();
  });

  it('when a fresh index has the defaults, then every setting we manage is patched', () => {
    const defaults: Settings = {
      searchableAttributes: ['*'],
      filterableAttributes: [],
      sortableAttributes: [],
      pagination: { maxTotalHits: 1000 },
    };
    expect(settingsPatch(defaults)).toEqual(ARTICLE_INDEX_SETTINGS);
  });

  it('when one setting differs, then only that one is patched', () => {
    expect(settingsPatch({ ...current, faceting: { maxValuesPerFacet: 100 } })).toEqual({
      faceting: ARTICLE_INDEX_SETTINGS.faceting,
    });
  });

  it('when the searchable order differs, then it is patched (order is ranking)', () => {
    const reordered = { ...current, searchableAttributes: ['body', 'title', 'summary', 'tags', 'section', 'authors'] };
    expect(settingsPatch(reordered)).toEqual({ searchableAttributes: ARTICLE_INDEX_SETTINGS.searchableAttributes });
  });
});

describe('TERMS_INDEX_SETTINGS', () => {
  it('when the vocabulary index is new, then all its settings are patched: one typo from 4 letters, never two, sort after typo', () => {
    const patch = settingsPatch(
      { searchableAttributes: ['*'], filterableAttributes: [], sortableAttributes: [] },
      TERMS_INDEX_SETTINGS,
    );
    expect(patch).toEqual(TERMS_INDEX_SETTINGS);
    expect(TERMS_INDEX_SETTINGS.typoTolerance.minWordSizeForTypos).toEqual({ oneTypo: 4, twoTypos: 255 });
    expect(TERMS_INDEX_SETTINGS.rankingRules).toEqual(['words', 'typo', 'sort', 'exactness']);
  });

  it('when the vocabulary index already has them (sets in another order), then nothing is patched', () => {
    const current: Settings = {
      ...structuredClone(TERMS_INDEX_SETTINGS),
      sortableAttributes: ['term', 'docs'],
      displayedAttributes: ['*'],
    };
    expect(settingsPatch(current, TERMS_INDEX_SETTINGS)).toBeUndefined();
  });
});
