import { describe, expect, it } from 'vitest';
import { isLetterCompound, MAX_QUERY_TERMS, parseQuery } from '../../src/search/query/parse-query.js';

describe('parseQuery', () => {
  it('when the text ends inside a word, then the last word is a prefix', () => {
    expect(parseQuery('Cyber secur').terms).toEqual([
      { kind: 'word', text: 'cyber', prefix: false },
      { kind: 'word', text: 'secur', prefix: true },
    ]);
  });

  it('when the text ends with a space, then no word is a prefix', () => {
    expect(parseQuery('cyber secur ').terms.every((t) => t.kind === 'word' && !t.prefix)).toBe(true);
  });

  it('when words carry case and accents, then they are folded', () => {
    expect(parseQuery('ZÜRICH Café ').terms).toEqual([
      { kind: 'word', text: 'zurich', prefix: false },
      { kind: 'word', text: 'cafe', prefix: false },
    ]);
  });

  it('when a phrase is quoted, then it is one term and never a prefix', () => {
    expect(parseQuery('"north korea"')).toEqual({
      terms: [{ kind: 'phrase', words: ['north', 'korea'] }],
      excluded: [],
      extra: [],
    });
  });

  it('when a phrase is not closed, then it runs to the end of the text', () => {
    expect(parseQuery('"north korea').terms).toEqual([{ kind: 'phrase', words: ['north', 'korea'] }]);
  });

  it('when words and phrases are negated, then they are excluded, not searched', () => {
    expect(parseQuery('korea -sanctions -"north korea" ')).toEqual({
      terms: [{ kind: 'word', text: 'korea', prefix: false }],
      excluded: [
        {
          kind: 'word',
          text: 'sanctions',
          forms: ['sanctions', 'sanction', 'sanctiones', 'sanctione', 'sanctioned', 'sanctioning'],
        },
        { kind: 'phrase', words: ['north', 'korea'] },
      ],
      extra: [],
    });
  });

  it('when a hyphenated word is negated, then the whole compound is excluded as a phrase', () => {
    expect(parseQuery('-cyber-security').excluded).toEqual([{ kind: 'phrase', words: ['cyber', 'security'] }]);
  });

  it('when a hyphen sits inside a word, then it only separates words', () => {
    expect(parseQuery('cyber-security ').terms.map((t) => t.kind === 'word' && t.text)).toEqual(['cyber', 'security']);
  });

  it('when the text holds FTS5 or SQL syntax, then only its words survive', () => {
    const parsed = parseQuery('NEAR(a b) title:x * ^ AND OR "; DROP TABLE articles; --');
    const words = parsed.terms.flatMap((t) => (t.kind === 'word' ? [t.text] : t.words));
    expect(words.every((w) => /^[\p{L}\p{N}]+$/u.test(w))).toBe(true);
    expect(words).toContain('near');
  });

  it('when more than 10 terms are given, then the first 10 decide matching and the rest only rank', () => {
    const q = Array.from({ length: 15 }, (_, i) => `w${i}`).join(' ');
    const parsed = parseQuery(q);
    expect(parsed.terms).toHaveLength(MAX_QUERY_TERMS);
    expect(parsed.extra).toEqual(['w10', 'w11', 'w12', 'w13', 'w14']);
  });

  it('when the text ends with punctuation, then the last word is finished, not a prefix', () => {
    expect(parseQuery('pre-school age.').terms.at(-1)).toEqual({ kind: 'word', text: 'age', prefix: false });
  });

  it('when stop words are mixed with other words, then they are dropped', () => {
    expect(parseQuery('the effects of steroids ').terms.map((t) => t.kind === 'word' && t.text)).toEqual([
      'effects',
      'steroids',
    ]);
  });

  it('when a stop word is being typed or the query has nothing else, then it is kept', () => {
    expect(parseQuery('cyber the').terms.map((t) => t.kind === 'word' && t.text)).toEqual(['cyber', 'the']);
    expect(parseQuery('to be or not to be ').terms).toHaveLength(4);
    expect(parseQuery('"the who" ').terms).toEqual([{ kind: 'phrase', words: ['the', 'who'] }]);
  });

  it('when a word repeats in a long query, then the repeat weighs once more in ranking', () => {
    expect(parseQuery('wing flutter wing wing ').extra).toEqual(['wing']);
  });

  it('when a word repeats, then it is one term', () => {
    expect(parseQuery('korea Korea KOREA ').terms).toHaveLength(1);
  });

  it('when the text is empty or only punctuation, then there is nothing to match', () => {
    expect(parseQuery('').terms).toEqual([]);
    expect(parseQuery(' "" -- !!! ').terms).toEqual([]);
  });
});

describe('letter compounds', () => {
  it('when an acronym is dotted, with or without its last dot, then it is one term: the letters as a phrase, or joined', () => {
    for (const q of ['U.S.', 'U.S', 'u.s. '])
      expect(parseQuery(q).terms, q).toEqual([{ kind: 'phrase', words: ['u', 's'], synonyms: [['us']] }]);
  });

  it('when a finished compound has a one-letter part, then it is a phrase or the joined word; while typed, words', () => {
    expect(parseQuery('e-sports ').terms).toEqual([
      { kind: 'phrase', words: ['e', 'sports'], synonyms: [['esports']] },
    ]);
    expect(parseQuery('e-spo').terms).toEqual([
      { kind: 'word', text: 'e', prefix: false },
      { kind: 'word', text: 'spo', prefix: true },
    ]);
    expect(isLetterCompound('cyber-security', ['cyber', 'security'])).toBe(false);
  });
});
