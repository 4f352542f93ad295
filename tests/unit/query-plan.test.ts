import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/search/query/parse-query.js';
import { ONE_LETTER_COMPLETIONS, partialForms, planQuery } from '../../src/search/engines/sqlite/query-plan.js';
import { Vocabulary } from '../../src/search/engines/sqlite/vocabulary.js';

/** How the embedded engine expands what a reader typed before FTS5 sees it. */
const vocab = new Vocabulary([
  { term: 'government', docs: 120 },
  { term: 'paper', docs: 30 },
  { term: 'papers', docs: 20 },
  { term: 'security', docs: 50 },
  { term: 'north', docs: 60 },
  { term: 'korea', docs: 80 },
  { term: 'happy', docs: 5 },
  ...Array.from({ length: 60 }, (_, i) => ({ term: `e${String(i).padStart(2, '0')}x`, docs: i + 1 })),
]);
const plan = (q: string) => planQuery(parseQuery(q), vocab);

describe('planQuery', () => {
  it('when a finished word is misspelt, then the correction is an alternative and gets highlighted', () => {
    const { terms, highlight } = plan('goverment ');
    expect(terms[0]!.exact).toEqual([{ kind: 'word', text: 'goverment' }]);
    expect(terms[0]!.typos).toEqual([{ kind: 'word', text: 'government' }]);
    expect(highlight.words.has('government')).toBe(true);
  });

  it('when the last word is still being typed, then it matches as a prefix and only the typed part is highlighted', () => {
    const { terms, highlight } = plan('cyber secur');
    expect(terms.at(-1)!.exact).toEqual([{ kind: 'prefix', text: 'secur' }]);
    expect(highlight.prefixes).toContain('secur');
    expect(highlight.words.has('secur')).toBe(false);
  });

  it('when one letter is typed, then it stands for its most frequent words, not a scan of every word', () => {
    const exact = plan('e').terms[0]!.exact;
    expect(exact).toHaveLength(ONE_LETTER_COMPLETIONS);
    expect(exact[0]).toEqual({ kind: 'word', text: 'e59x' });
    expect(exact.every((f) => f.kind === 'word')).toBe(true);
  });

  it('when a phrase is quoted, then it matches as a phrase, without typos, and its words are highlighted', () => {
    const { terms, highlight } = plan('"north korea"');
    expect(terms[0]).toMatchObject({ exact: [{ kind: 'phrase', words: ['north', 'korea'] }], typos: [] });
    expect([...highlight.words].sort()).toEqual(['korea', 'north']);
  });

  it('when words are excluded, then they become exclusions, as typed', () => {
    expect(plan('korea -paper -"north korea"').excluded).toEqual([
      { kind: 'word', text: 'paper' },
      { kind: 'phrase', words: ['north', 'korea'] },
    ]);
  });
});

describe('partialForms (ranking partial matches)', () => {
  it('when a word has an English stem that starts it, then partial matches take the stem as a prefix ("papers" finds "paper")', () => {
    expect(partialForms('papers', vocab)).toEqual([{ kind: 'prefix', text: 'paper' }]);
  });

  it('when the stem is not a prefix of the word ("happy" -> "happi"), then the word stays as it is', () => {
    expect(partialForms('happy', vocab)).toEqual([{ kind: 'word', text: 'happy' }]);
  });

  it('when the index does not know the word, then its typo corrections stand in for it', () => {
    expect(partialForms('securty', vocab)).toEqual([{ kind: 'word', text: 'security' }]);
  });
});
