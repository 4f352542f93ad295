import { describe, expect, it } from 'vitest';
import { typedSuggestionText, type SuggestInput } from '../../src/search/suggest/suggest-plan.js';
import { SuggestParamsSchema } from '../../src/search/suggest/suggest.schema.js';
import { toFacetSuggestions } from '../../src/search/engines/meilisearch/facet-suggestions.js';
import { fromTitleHits, toTerms } from '../../src/search/engines/meilisearch/from-meili-suggest.js';
import { toFilterKey } from '../../src/search/engines/meilisearch/meili-document.js';
import {
  asksVocabulary,
  termPrefixFilters,
  toCountQueries,
  toSuggestPlan,
  toTypedQueryText,
} from '../../src/search/engines/meilisearch/to-meili-suggest.js';

const END = '\u{10FFFF}';
const typed = (q: string): SuggestInput => typedSuggestionText(q)!;
const plan = (params: Record<string, string>, withTerms = true) => {
  const query = SuggestParamsSchema.parse(params);
  return toSuggestPlan(query, typed(query.q), 'articles', withTerms);
};
const noFilters = { sections: [], tags: [], authors: [] };

describe('termPrefixFilters', () => {
  it('when a prefix is typed, then its words are a string range and the others its complement', () => {
    expect(termPrefixFilters('ko')).toEqual({
      inside: ['term >= "ko"', `term < "ko${END}"`],
      outside: ['term < "ko"', `term >= "ko${END}"`],
    });
  });

  it('when the prefix has characters Meilisearch stores decomposed, then the bounds are decomposed too', () => {
    expect(termPrefixFilters('한').inside[0]).toBe(`term >= "${'한'.normalize('NFKD')}"`);
  });
});

describe('toTypedQueryText', () => {
  it('when the last word is open, then it stays a prefix; when finished, a trailing space ends it', () => {
    expect(toTypedQueryText(typed('North ko'))).toBe('north ko');
    expect(toTypedQueryText(typed('north korea, '))).toBe('north korea ');
  });
});

describe('toSuggestPlan', () => {
  it('when a short open word is typed, then only its completions are asked of the vocabulary', () => {
    const { queries, at } = plan({ q: 'north ko' });
    expect(at).toEqual({ completions: 0, sections: 1, tags: 1, authors: 1, titles: 2 });
    expect(queries[0]).toEqual({
      indexUid: 'articles_terms',
      q: '',
      filter: ['term >= "ko"', `term < "ko${END}"`],
      sort: ['docs:desc', 'term:asc'],
      limit: 8,
      attributesToRetrieve: ['term'],
    });
  });

  it('when an open word has 4+ letters, then typo candidates are asked too, outside its prefix range', () => {
    const { queries, at } = plan({ q: 'semocon' });
    expect(at).toMatchObject({ completions: 0, typos: 1 });
    expect(queries[1]).toMatchObject({
      q: 'semocon',
      filter: [['term < "semocon"', `term >= "semocon${END}"`]],
      limit: 4,
    });
  });

  it('when the last word is finished, then only its typo candidates are asked, from 4 letters, the word itself excluded', () => {
    expect(plan({ q: 'korea ' }).queries[0]).toMatchObject({ q: 'korea ', filter: ['term != "korea"'], limit: 4 });
    expect(asksVocabulary(plan({ q: 'eu ' }))).toBe(false);
  });

  it('when the vocabulary is not to be asked, then the plan holds only the article index queries', () => {
    const { queries, at } = plan({ q: 'semocon' }, false);
    expect(at).toEqual({ sections: 0, tags: 0, authors: 0, titles: 1 });
    expect(queries.every((q) => q.indexUid === 'articles')).toBe(true);
  });

  it('when the word is longer than Meilisearch indexes, then the vocabulary is not asked', () => {
    expect(asksVocabulary(plan({ q: '中'.repeat(90) }))).toBe(false); // 270 bytes
  });

  it('when section and author filters are set, then each is counted without its own filter and tags with every filter', () => {
    const { queries, at } = plan({ q: 'eu ', section: 'World', author: 'Kim' });
    expect(queries[at.authors]).toEqual({
      indexUid: 'articles',
      filter: [[`sectionKey = "${toFilterKey('World')}"`]],
      hitsPerPage: 0,
      facets: ['authors'],
    });
    expect(queries[at.sections]).toEqual({
      indexUid: 'articles',
      filter: [[`authorKeys = "${toFilterKey('Kim')}"`]],
      hitsPerPage: 0,
      facets: ['section'],
    });
    expect(queries[at.tags]).toEqual({
      indexUid: 'articles',
      filter: [[`sectionKey = "${toFilterKey('World')}"`], [`authorKeys = "${toFilterKey('Kim')}"`]],
      hitsPerPage: 0,
      facets: ['tags'],
    });
  });

  it('when titles are asked, then only the title is searched, every word required, as many as the limit', () => {
    const { queries, at } = plan({ q: 'hackers hid scr', limit: '20', tag: 'cyber' });
    expect(queries[at.titles]).toEqual({
      indexUid: 'articles',
      q: 'hackers hid scr',
      attributesToSearchOn: ['title'],
      matchingStrategy: 'all',
      filter: [[`tagKeys = "${toFilterKey('cyber')}"`]],
      limit: 20,
      attributesToRetrieve: ['id', 'title', 'section', 'publishedAtIso'],
    });
  });
});

describe('toCountQueries', () => {
  it('when candidates are counted, then each word is an exact one-word phrase, all required in the title, count only, under the filters', () => {
    expect(toCountQueries([['north', 'korea']], { ...noFilters, from: Date.UTC(2024, 0, 1) }, 'articles')).toEqual([
      {
        indexUid: 'articles',
        q: '"north" "korea"',
        matchingStrategy: 'all',
        attributesToSearchOn: ['title'],
        filter: [['publishedAt >= 1704067200']],
        hitsPerPage: 0,
        page: 1,
      },
    ]);
  });
});

describe('toFacetSuggestions', () => {
  it('when facet counts come back, then matching sections and tags are ordered by count, then text, escaped and marked', () => {
    const sections = { section: { 'North Korea': 4, World: 9 } };
    const tags = { tags: { 'north-korea': 4, 'r&d korea': 6, cyber: 3 } };
    expect(toFacetSuggestions('korea', sections, tags)).toEqual([
      { type: 'tag', text: 'r&d korea', count: 6, highlight: 'r&amp;d <mark>korea</mark>' },
      { type: 'section', text: 'North Korea', count: 4, highlight: 'North <mark>Korea</mark>' },
      { type: 'tag', text: 'north-korea', count: 4, highlight: 'north-<mark>korea</mark>' },
    ]);
  });

  it('when a facet was not counted or a value has no article, then nothing comes from it', () => {
    expect(toFacetSuggestions('korea', undefined, { tags: { korea: 0 } })).toEqual([]);
  });
});

describe('fromTitleHits', () => {
  const hit = {
    id: 'a-1',
    title: 'Semiconductor <chips> for North Korea',
    section: 'Technology',
    publishedAtIso: '2021-01-08T03:55:00Z',
  };

  it('when titles come back, then each becomes an article suggestion with its ISO date, typo candidates marked', () => {
    expect(fromTitleHits(typed('semocon'), [hit], ['semiconductor'])).toEqual([
      {
        type: 'article',
        id: 'a-1',
        text: hit.title,
        section: 'Technology',
        publishedAt: '2021-01-08T03:55:00Z',
        highlight: '<mark>Semiconductor</mark> &lt;chips&gt; for North Korea',
      },
    ]);
  });

  it('when a hit is not one of our documents, then it throws', () => {
    expect(() => fromTitleHits(typed('kor'), [{ id: 1 }], [])).toThrow();
    expect(() => toTerms([{ term: 7 }])).toThrow();
    expect(toTerms(undefined)).toEqual([]);
  });
});
