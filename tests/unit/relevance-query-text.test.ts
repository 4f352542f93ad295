import { describe, expect, it } from 'vitest';
import { exceedsTermLimit, toApiQuery, toBm25Match } from '../../bench/relevance/query-text.js';

describe('toApiQuery', () => {
  it('when the text spans lines, then whitespace collapses to single spaces', () => {
    expect(toApiQuery('  what is\r\n  flow .\n')).toMatchObject({
      q: 'what is flow .',
      truncated: false,
      syntaxRemoved: false,
    });
  });

  it('when the text holds quotes or a word-initial dash, then they are removed and noted', () => {
    expect(toApiQuery('methods -dash "exact" non-linear')).toMatchObject({
      q: 'methods dash exact non-linear',
      syntaxRemoved: true,
    });
  });

  it('when the text is over the limit, then it is cut at the last word boundary within it', () => {
    const result = toApiQuery('alpha beta gamma delta', 13);
    expect(result).toMatchObject({ q: 'alpha beta', truncated: true, distinctWords: 2 });
  });

  it('when the limit falls right after a word, then that word is kept', () => {
    expect(toApiQuery('alpha beta gamma', 10).q).toBe('alpha beta');
  });

  it('when a query has 11 distinct words, then it exceeds the term limit; repeats do not count', () => {
    const eleven = toApiQuery('a b c d e f g h i j k');
    const repeated = toApiQuery('a b c d e f g h i j a b');
    expect([eleven.distinctWords, exceedsTermLimit(eleven), exceedsTermLimit(repeated)]).toEqual([11, true, false]);
  });
});

describe('toBm25Match', () => {
  it('when the text has stop words, case, accents and punctuation, then only folded content words remain, quoted, OR-ed', () => {
    expect(toBm25Match('What is the "flow" of Zürich AIR? air')).toBe('"flow" OR "zurich" OR "air"');
  });

  it('when a word is FTS5 syntax, then it is quoted like any other', () => {
    expect(toBm25Match('NEAR OR AND NOT column:x')).toBe('"near" OR "column" OR "x"');
  });

  it('when only stop words are left, then there is no match expression', () => {
    expect(toBm25Match('what is the')).toBeUndefined();
  });
});
