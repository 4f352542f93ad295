import { describe, expect, it } from 'vitest';
import { byCountThenText, byCountThenValue, compareByCount, compareText } from '../../src/search/count-order.js';
import { toArticleSuggestions } from '../../src/search/suggest/article-suggestions.js';
import { lengthInValue, matchAtWord, toFacetSuggestions } from '../../src/search/suggest/facet-suggestions.js';
import {
  candidateTexts,
  lastWordForms,
  phraseCompletions,
  toQuerySuggestions,
} from '../../src/search/suggest/query-completions.js';
import { suggestTypoBudget, typedSuggestionText, type SuggestInput } from '../../src/search/suggest/suggest-plan.js';

// The engine-neutral autocomplete rules both adapters call (tests/meilisearch and
// tests/contract cover how each adapter feeds them).
const typed = (q: string): SuggestInput => typedSuggestionText(q)!;

describe('count order', () => {
  it('when counts differ, then the larger comes first; when equal, then the text in code-unit order', () => {
    const values = [
      { value: 'b', count: 2 },
      { value: 'B', count: 2 },
      { value: 'a', count: 5 },
      { value: 'é', count: 2 },
    ];
    expect([...values].sort(byCountThenValue).map((v) => v.value)).toEqual(['a', 'B', 'b', 'é']);
    expect(
      [
        { text: 'z', count: 1 },
        { text: 'y', count: 1 },
      ]
        .sort(byCountThenText)
        .map((v) => v.text),
    ).toEqual(['y', 'z']);
  });

  it('when texts are compared, then the order does not depend on the locale (uppercase before lowercase)', () => {
    expect(['b', 'a', 'B', 'A'].sort(compareText)).toEqual(['A', 'B', 'a', 'b']);
    expect(compareText('same', 'same')).toBe(0);
    expect(Math.sign(compareByCount(3, 'a', 3, 'b'))).toBe(-1);
  });
});

describe('typedSuggestionText', () => {
  it('when text ends with a letter, then the last word is open; after a space or punctuation, finished', () => {
    expect(typed('North ko')).toEqual({ words: ['north', 'ko'], before: ['north'], last: 'ko', open: true });
    expect(typed('north korea, ').open).toBe(false);
    expect(typedSuggestionText('  ,; ')).toBeUndefined();
  });

  it('when more than 10 words are typed, then only the first 10 count, as in a search', () => {
    expect(typed('a b c d e f g h i j k l').words).toHaveLength(10);
  });

  it('when a word is typed, then one typo is tolerated from 4 letters', () => {
    expect(suggestTypoBudget('kor')).toBe(0);
    expect(suggestTypoBudget('kore')).toBe(1);
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

describe('toFacetSuggestions (values with counts)', () => {
  it('when a value has no article or does not match, then it is not offered', () => {
    expect(
      toFacetSuggestions('korea', [
        { type: 'tag', value: 'korea', count: 0 },
        { type: 'tag', value: 'japan', count: 9 },
        { type: 'section', value: 'North Korea', count: 2 },
      ]),
    ).toEqual([{ type: 'section', text: 'North Korea', count: 2, highlight: 'North <mark>Korea</mark>' }]);
  });
});

describe('toArticleSuggestions', () => {
  const row = {
    id: 'a-1',
    title: 'Semiconductor <chips> for North Korea',
    section: 'Technology',
    publishedAt: '2021-01-08T03:55:00Z',
  };

  it('when titles are found, then the typed words are marked, the open one as a prefix, the text escaped', () => {
    expect(toArticleSuggestions(typed('north kor'), [row], [])).toEqual([
      {
        type: 'article',
        id: 'a-1',
        text: row.title,
        section: 'Technology',
        publishedAt: '2021-01-08T03:55:00Z',
        highlight: 'Semiconductor &lt;chips&gt; for <mark>North</mark> <mark>Kor</mark>ea',
      },
    ]);
  });

  it('when a title matched through a typo candidate, then that word is marked whole', () => {
    expect(toArticleSuggestions(typed('semocon'), [row], ['semiconductor'])[0]?.highlight).toBe(
      '<mark>Semiconductor</mark> &lt;chips&gt; for North Korea',
    );
  });

  it('when the last word is finished, then it is marked only as a whole word', () => {
    expect(toArticleSuggestions(typed('kor '), [row], [])[0]?.highlight).toBe(
      'Semiconductor &lt;chips&gt; for North Korea',
    );
  });
});

describe('phraseCompletions', () => {
  const typed = (q: string) => typedSuggestionText(q)!;

  it('when a single prefix is typed, then two-word title phrases found in 2+ sample titles complete it', () => {
    const titles = [
      'North Korea fires missile',
      'North Korea tests drones',
      'Norvale grows',
      'Northern lights in the north',
    ];
    expect(phraseCompletions(typed('nor'), titles)).toEqual(['north korea']);
  });

  it('when more words are typed, the word is finished, or the next word is a stop word, then no phrase', () => {
    expect(phraseCompletions(typed('north ko'), ['North Korea fires', 'North Korea tests'])).toEqual([]);
    expect(phraseCompletions(typed('nor '), ['North Korea fires', 'North Korea tests'])).toEqual([]);
    expect(phraseCompletions(typed('nor'), ['North of the border', 'North of the river'])).toEqual([]);
  });

  it('when a phrase is a candidate, then its words are counted and the typed part marked', () => {
    const forms = lastWordForms(typed('nor'), ['north'], [], ['north korea']);
    expect(candidateTexts(typed('nor'), forms)).toEqual([['north'], ['north', 'korea']]);
    expect(toQuerySuggestions(typed('nor'), forms, [16, 15])[1]).toEqual({
      type: 'query',
      text: 'north korea',
      highlight: '<mark>nor</mark>th korea',
    });
  });
});
