import { describe, expect, it } from 'vitest';
import { typedSuggestionText, type SuggestInput } from '../../src/search/suggest/suggest-plan.js';
import { SuggestParamsSchema } from '../../src/search/suggest/suggest.schema.js';
import { toFacetSuggestions } from '../../src/search/engines/meilisearch/facet-suggestions.js';
import { lengthInValue, matchAtWord } from '../../src/search/suggest/facet-suggestions.js';
import {
  candidateTexts,
  lastWordForms,
  toArticleSuggestions,
  toQuerySuggestions,
  toTerms,
} from '../../src/search/engines/meilisearch/from-meili-suggest.js';
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
    expect(at).toEqual({ completions: 0, sections: 1, tags: 1, titles: 2 });
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
    expect(at).toEqual({ sections: 0, tags: 0, titles: 1 });
    expect(queries.every((q) => q.indexUid === 'articles')).toBe(true);
  });

  it('when the word is longer than Meilisearch indexes, then the vocabulary is not asked', () => {
    expect(asksVocabulary(plan({ q: '中'.repeat(90) }))).toBe(false); // 270 bytes
  });

  it('when a section filter is set, then sections are counted without it and tags with every filter', () => {
    const { queries, at } = plan({ q: 'eu ', section: 'World', author: 'Kim' });
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

describe('lastWordForms', () => {
  it('when the word is open, then its completions come first, then at most 4 typo candidates, without repeats', () => {
    const forms = lastWordForms(
      typed('semi'),
      ['semiconductor', 'seminar'],
      ['semiconductor', 'sami', 'seme', 'semo', 'sumi', 'extra'],
    );
    expect(forms.map((f) => f.term)).toEqual(['semiconductor', 'seminar', 'sami', 'seme', 'semo']);
  });

  it('when a candidate carries a typo, then the typed length is what the typed word covers of it', () => {
    expect(lastWordForms(typed('semocon'), [], ['semiconductor'])).toEqual([{ term: 'semiconductor', typedLength: 7 }]);
    expect(lastWordForms(typed('north ko'), ['korea'], [])).toEqual([{ term: 'korea', typedLength: 2 }]);
  });

  it('when the word is finished, then it is its own first candidate, marked whole', () => {
    expect(lastWordForms(typed('korea '), ['ignored'], ['koreas'])).toEqual([
      { term: 'korea', typedLength: 5 },
      { term: 'koreas', typedLength: 6 },
    ]);
  });
});

describe('toQuerySuggestions', () => {
  it('when counts come back, then zero counts are dropped and the rest ordered by count, then text', () => {
    const input = typed('north ko');
    const forms = lastWordForms(input, ['korean', 'korea', 'kobe', 'koreas'], []);
    expect(candidateTexts(input, forms)).toEqual([
      ['north', 'korean'],
      ['north', 'korea'],
      ['north', 'kobe'],
      ['north', 'koreas'],
    ]);
    expect(toQuerySuggestions(input, forms, [3, 15, 0, 3])).toEqual([
      { type: 'query', text: 'north korea', highlight: '<mark>north ko</mark>rea' },
      { type: 'query', text: 'north korean', highlight: '<mark>north ko</mark>rean' },
      { type: 'query', text: 'north koreas', highlight: '<mark>north ko</mark>reas' },
    ]);
  });
});

describe('matchAtWord', () => {
  it('when the typed words begin a later word of the value, then the match starts there', () => {
    expect(matchAtWord('korea', 'north-korea')).toEqual({ start: 6, length: 5 });
    expect(matchAtWord('north ko', 'North  Korea')).toEqual({ start: 0, length: 9 });
  });

  it('when the typed text is 4+ letters long, then one typo is tolerated, not below', () => {
    expect(matchAtWord('clmate', 'climate-change')).toEqual({ start: 0, length: 7 });
    expect(matchAtWord('kro', 'korea')).toBeUndefined();
    expect(matchAtWord('orea', 'korea')).toBeUndefined(); // a typo on the first letter counts 2
  });

  it('when folding changes the value length, then it is not matched (offsets would be wrong)', () => {
    expect(matchAtWord('fin', 'ﬁnance')).toBeUndefined();
  });

  it('when a joined length is mapped back, then separators count once', () => {
    expect(lengthInValue('north-korea', 8)).toBe(8);
    expect(lengthInValue('north  korea', 8)).toBe(9);
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

describe('toArticleSuggestions', () => {
  const hit = {
    id: 'a-1',
    title: 'Semiconductor <chips> for North Korea',
    section: 'Technology',
    publishedAtIso: '2021-01-08T03:55:00Z',
  };

  it('when titles come back, then the typed words are marked, the open one as a prefix, and typo candidates whole', () => {
    expect(toArticleSuggestions(typed('north kor'), [hit], [])).toEqual([
      {
        type: 'article',
        id: 'a-1',
        text: hit.title,
        section: 'Technology',
        publishedAt: '2021-01-08T03:55:00Z',
        highlight: 'Semiconductor &lt;chips&gt; for <mark>North</mark> <mark>Kor</mark>ea',
      },
    ]);
    expect(toArticleSuggestions(typed('semocon'), [hit], ['semiconductor'])[0]?.highlight).toBe(
      '<mark>Semiconductor</mark> &lt;chips&gt; for North Korea',
    );
  });

  it('when a hit is not one of our documents, then it throws', () => {
    expect(() => toArticleSuggestions(typed('kor'), [{ id: 1 }], [])).toThrow();
    expect(() => toTerms([{ term: 7 }])).toThrow();
    expect(toTerms(undefined)).toEqual([]);
  });
});
