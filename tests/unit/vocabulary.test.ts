import { describe, expect, it } from 'vitest';
import { MAX_TYPO_CANDIDATES, Vocabulary } from '../../src/search/engines/sqlite/vocabulary.js';

/** The embedded engine's word list: what a reader sees through typo tolerance and completion. */
const vocab = () =>
  new Vocabulary([
    { term: 'government', docs: 120 },
    { term: 'governor', docs: 30 },
    { term: 'govern', docs: 12 },
    { term: 'korea', docs: 80 },
    { term: 'korean', docs: 40 },
    { term: 'koreas', docs: 40 },
    { term: 'kobe', docs: 3 },
    { term: 'semiconductor', docs: 25 },
    { term: 'semifinal', docs: 9 },
    { term: 'overnment', docs: 1 },
  ]);

describe('Vocabulary', () => {
  it('when a prefix is completed, then the most frequent words starting with it come first, ties alphabetical', () => {
    expect(
      vocab()
        .completions('ko', 10)
        .map((c) => c.term),
    ).toEqual(['korea', 'korean', 'koreas', 'kobe']);
    expect(
      vocab()
        .completions('ko', 2)
        .map((c) => c.term),
    ).toEqual(['korea', 'korean']);
    expect(vocab().completions('zz', 5)).toEqual([]);
  });

  it('when a word is misspelt within its typo budget, then the intended word is a candidate, the most frequent first', () => {
    expect(
      vocab()
        .typoCandidates('goverment')
        .map((c) => c.term),
    ).toEqual(['government']);
    expect(
      vocab()
        .typoCandidates('koreaa')
        .map((c) => c.term),
    ).toEqual(['korea', 'korean', 'koreas']);
  });

  it('when a word is short, then it gets no typo candidates (1 typo from 5 letters, 2 from 9)', () => {
    expect(vocab().typoCandidates('kora')).toEqual([]);
    expect(
      vocab()
        .typoCandidates('korra')
        .map((c) => c.term),
    ).toEqual(['korea']);
  });

  it('when the first letter is wrong, then it costs two typos: found from 9 letters only', () => {
    expect(
      vocab()
        .typoCandidates('hovernment')
        .map((c) => c.term),
    ).toEqual(['government', 'overnment']);
    expect(vocab().typoCandidates('jorea')).toEqual([]);
  });

  it('when the word itself is known, then it is not its own typo candidate', () => {
    expect(
      vocab()
        .typoCandidates('korea')
        .map((c) => c.term),
    ).not.toContain('korea');
  });

  it('when a prefix is being typed with a typo, then words whose start is within the budget are candidates, not the ones it already completes to', () => {
    const terms = vocab()
      .typoCandidates('semic', { prefix: true, maxTypos: 1 })
      .map((c) => c.term);
    expect(terms).toContain('semifinal');
    expect(terms).not.toContain('semiconductor');
  });

  it('when many words are close, then only the MAX_TYPO_CANDIDATES most frequent come back', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      term: `mark${String.fromCharCode(97 + (i % 26))}${i}`,
      docs: i,
    }));
    const many = new Vocabulary([...rows, { term: 'market', docs: 1 }]);
    const kept = many.typoCandidates('marke', { prefix: true, maxTypos: 1 }).map((c) => c.docs);
    expect(kept).toEqual(Array.from({ length: MAX_TYPO_CANDIDATES }, (_, i) => 29 - i));
  });

  it('when a word is asked for, then its document count comes back, 0 when unknown', () => {
    expect(vocab().docs('korea')).toBe(80);
    expect(vocab().docs('pyongyang')).toBe(0);
    expect(vocab().size).toBe(10);
  });
});
