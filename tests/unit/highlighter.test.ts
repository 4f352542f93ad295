import { describe, expect, it } from 'vitest';
import { CROP_MARKER, hitSnippet, highlightText, snippetText } from '../../src/search/highlight/highlighter.js';
import { markedToHtml, MARK_CLOSE, MARK_OPEN } from '../../src/text/normalize.js';

const terms = { words: new Set(['cyber', 'korea']), prefixes: ['secur'] };

describe('highlightText', () => {
  it('when the text holds HTML, then it is escaped and only <mark> tags are added', () => {
    expect(highlightText('<script>alert("cyber")</script> & co', terms)).toBe(
      '&lt;script&gt;alert(&quot;<mark>cyber</mark>&quot;)&lt;/script&gt; &amp; co',
    );
  });

  it('when a word matches a typed prefix, then only the prefix is marked', () => {
    expect(highlightText('Security and SECURE', terms)).toBe('<mark>Secur</mark>ity and <mark>SECUR</mark>E');
  });

  it('when a word matches in another case or with accents, then the original spelling is kept', () => {
    expect(highlightText('KOREA, Kórea', terms)).toBe('<mark>KOREA</mark>, <mark>Kórea</mark>');
  });

  it('when nothing matches, then the text is only escaped', () => {
    expect(highlightText('a < b', terms)).toBe('a &lt; b');
  });
});

describe('snippetText', () => {
  const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${i + from}`).join(' ');

  it('when the match is deep in a long text, then about 30 words around it are kept with crop markers', () => {
    const text = `${words(60)} cyber security ${words(60, 100)}`;
    const { html, matched } = snippetText(text, terms);
    expect(matched).toBe(2);
    expect(html.startsWith(CROP_MARKER) && html.endsWith(CROP_MARKER)).toBe(true);
    expect(html).toContain('<mark>cyber</mark> <mark>secur</mark>ity');
    expect(html.split(' ').length).toBeLessThanOrEqual(31);
  });

  it('when several places match, then the window with the most distinct words wins', () => {
    const text = `cyber ${words(50)} korea cyber security ${words(50, 100)}`;
    expect(snippetText(text, terms).html).toContain('<mark>korea</mark> <mark>cyber</mark> <mark>secur</mark>ity');
  });

  it('when the text is short, then it is whole, without markers', () => {
    expect(snippetText('A cyber story.', terms).html).toBe('A <mark>cyber</mark> story.');
  });
});

describe('hitSnippet', () => {
  it('when the summary matches, then the snippet comes from it', () => {
    expect(hitSnippet('Cyber summary.', 'Body about korea.', terms)).toBe('<mark>Cyber</mark> summary.');
  });

  it('when only the body matches, then the snippet comes from the body', () => {
    expect(hitSnippet('Plain summary.', 'Body about korea.', terms)).toBe('Body about <mark>korea</mark>.');
  });

  it('when nothing matches, then the summary start is shown, else the body start', () => {
    expect(hitSnippet('Plain summary.', 'Plain body.', terms)).toBe('Plain summary.');
    expect(hitSnippet(null, 'Plain body.', terms)).toBe('Plain body.');
  });
});

describe('markedToHtml', () => {
  it('when text carries private markers, then they become <mark> and the rest is escaped', () => {
    expect(markedToHtml(`a ${MARK_OPEN}<b>${MARK_CLOSE} c`)).toBe('a <mark>&lt;b&gt;</mark> c');
  });

  it('when markers are unbalanced or empty, then no stray tag is produced', () => {
    expect(markedToHtml(`${MARK_CLOSE}x${MARK_OPEN}${MARK_CLOSE}y${MARK_OPEN}z`)).toBe('xy<mark>z</mark>');
  });
});

describe('tokenizeWithSpans', async () => {
  const { tokenizeWithSpans } = await import('../../src/text/normalize.js');
  it('when text is ASCII or not, then the fast and the Unicode paths agree on words and offsets', () => {
    const ascii = 'Cyber-security, 2021: "North Korea" hit_it';
    const unicode = `${ascii} Zürich`;
    expect(tokenizeWithSpans(ascii)).toEqual(tokenizeWithSpans(unicode).slice(0, -1));
    expect(tokenizeWithSpans(ascii).map((s) => s.word)).toEqual([
      'cyber',
      'security',
      '2021',
      'north',
      'korea',
      'hit',
      'it',
    ]);
    expect(tokenizeWithSpans(unicode).at(-1)).toEqual({
      word: 'zurich',
      start: unicode.length - 6,
      end: unicode.length,
    });
  });
});
