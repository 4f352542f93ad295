import { describe, expect, it } from 'vitest';
import {
  idf,
  isContentWord,
  lookupTerms,
  MAX_LISTED_DOCS,
  MAX_LOOKED_UP_TERMS,
  profileText,
  selectTerms,
} from '../../src/search/related/article-terms.js';
import { namesIn, namesOfArticle } from '../../src/search/related/names.js';

describe('profileText', () => {
  it('when an article is read, then words count by field (title and summary twice) and stop words and numbers are left out', () => {
    const profile = profileText({
      title: 'Cocoa prices triple',
      summary: 'Cocoa is dear.',
      body: 'The cocoa harvest failed in 2024; prices rose.',
    });
    expect(Object.fromEntries(profile.counts)).toEqual({
      cocoa: 5,
      prices: 3,
      triple: 2,
      dear: 2,
      harvest: 1,
      failed: 1,
      rose: 1,
    });
    // Every word counts towards the length, stop words included: 3 x 2 + 3 x 2 + 8.
    expect(profile.length).toBe(20);
  });

  it('when only some words are wanted, then only they are counted', () => {
    const profile = profileText({ title: 'Cocoa prices', body: 'The prices of cocoa.' }, new Set(['prices']));
    expect([...profile.counts]).toEqual([['prices', 3]]);
  });

  it('when words are tested, then stop words, single letters and bare numbers carry no meaning', () => {
    expect(['the', 'a', 'x', '2024', '1987'].filter(isContentWord)).toEqual([]);
    expect(['cocoa', 'g7', 'émile', 'b2b'].every(isContentWord)).toBe(true);
  });
});

describe('lookupTerms', () => {
  it('when an article has many words, then the most frequent are looked up, ties in order of appearance', () => {
    const profile = profileText({ title: 'Zeta alpha', body: 'beta gamma gamma delta' });
    expect(lookupTerms(profile, 3)).toEqual(['zeta', 'alpha', 'gamma']);
  });

  it('when an article is long, then at most MAX_LOOKED_UP_TERMS words are looked up', () => {
    const body = Array.from({ length: 100 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
    expect(lookupTerms(profileText({ title: 'T', body }))).toHaveLength(MAX_LOOKED_UP_TERMS);
  });
});

describe('selectTerms', () => {
  const profile = profileText({
    title: 'Cocoa prices',
    body: 'Cocoa growers said prices of cocoa and market demand rose. Quetzal.',
  });
  const df: Record<string, number> = { cocoa: 40, prices: 2_000, growers: 300, market: 9_000, demand: 800, rose: 700 };
  const stats = { docs: (t: string) => df[t] ?? 0, total: 20_000 };

  it('when words are chosen, then rarer and more frequent words lead, by count x idf', () => {
    const terms = selectTerms(profile, stats);
    expect(terms.map((t) => t.term)).toEqual(['cocoa', 'prices', 'growers', 'rose', 'demand']);
    expect(terms[0]).toEqual({ term: 'cocoa', docs: 40, weight: 1 + Math.log(4) });
  });

  it('when a word is in no other article or in too many, then it is not in the query', () => {
    const terms = selectTerms(profile, stats).map((t) => t.term);
    // "quetzal" is unknown (only this article), "market" is in 45 % of the index.
    expect(terms).not.toContain('quetzal');
    expect(terms).not.toContain('market');
  });

  it('when the index is small, then a word is too common only above 100 articles', () => {
    const small = selectTerms(profile, { docs: () => 90, total: 150 });
    expect(small.length).toBeGreaterThan(0);
  });

  it('when the limit is given, then no more words are chosen', () => {
    expect(selectTerms(profile, stats, 2)).toHaveLength(2);
  });

  it('when idf is computed, then rarer is higher and it is never negative', () => {
    expect(idf(10, 1000)).toBeGreaterThan(idf(100, 1000));
    expect(idf(1000, 1000)).toBeGreaterThan(0);
  });
});

describe('names', () => {
  it('when a text names people, then adjacent capitalised words pair up, folded', () => {
    expect([...namesIn('Fed Chairman Paul Volcker met José Ángel Gurría in Paris.')]).toEqual([
      'fed chairman',
      'chairman paul',
      'paul volcker',
      'jose angel',
      'angel gurria',
    ]);
  });

  it('when capitals only, sentence ends, stop words, months or company suffixes are in the way, then no name is made', () => {
    const text = 'BAHIA COCOA REVIEW. Paris. The Fed said Pay April 10 to Acme Corp holders. In Seoul';
    expect([...namesIn(text)]).toEqual([]);
  });

  it('when an article is read, then only its title and summary name the people it is about', () => {
    const names = namesOfArticle({ title: 'Kim Jong Un visits a factory', summary: 'Lee Soo-jin reports' });
    expect([...names]).toEqual(['kim jong', 'jong un', 'lee soo']);
  });
});

describe('selectTerms cost bound', () => {
  it('when the best words are held by many articles, then words are chosen only while together they stay within MAX_LISTED_DOCS', () => {
    const body = Array.from({ length: 30 }, (_, i) => `w${String.fromCharCode(97 + i)}`).join(' ');
    const profile = profileText({ title: 'T', body });
    // 30 words, each in 9 % of a million articles: 90,000 each, so one fits and the rest would not.
    const wide = selectTerms(profile, { docs: () => 90_000, total: 1_000_000 });
    expect(wide).toHaveLength(1);
    const terms = selectTerms(profile, { docs: () => 4_000, total: 1_000_000 });
    expect(terms).toHaveLength(20);
    expect(terms.reduce((sum, t) => sum + t.docs, 0)).toBeLessThanOrEqual(MAX_LISTED_DOCS);
  });
});
