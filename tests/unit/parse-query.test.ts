import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TERMS, parseQuery } from '../../src/search/query/parse-query.js';

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
    expect(parseQuery('"north korea"')).toEqual({ terms: [{ kind: 'phrase', words: ['north', 'korea'] }], excluded: [] });
  });

  it('when a phrase is not closed, then it runs to the end of the text', () => {
    expect(parseQuery('"north korea').terms).toEqual([{ kind: 'phrase', words: ['north', 'korea'] }]);
  });

  it('when words and phrases are negated, then they are excluded, not searched', () => {
    expect(parseQuery('korea -sanctions -"north korea" ')).toEqual({
      terms: [{ kind: 'word', text: 'korea', prefix: false }],
      excluded: [
        { kind: 'word', text: 'sanctions' },
        { kind: 'phrase', words: ['north', 'korea'] },
      ],
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

  it('when more than 10 terms are given, then only the first 10 count, like Meilisearch', () => {
    const q = Array.from({ length: 15 }, (_, i) => `w${i}`).join(' ');
    expect(parseQuery(q).terms).toHaveLength(MAX_QUERY_TERMS);
  });

  it('when a word repeats, then it counts once', () => {
    expect(parseQuery('korea Korea KOREA ').terms).toHaveLength(1);
  });

  it('when the text is empty or only punctuation, then there is nothing to match', () => {
    expect(parseQuery('').terms).toEqual([]);
    expect(parseQuery(' "" -- !!! ').terms).toEqual([]);
  });
});
