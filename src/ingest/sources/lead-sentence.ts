/**
 * The lead sentence of a news story, for the `summary` of pages that have none.
 *
 * @remarks A full stop ends a sentence only when followed by white space and not preceded
 * by an abbreviation: initials ("U.S.", "N."), month and title abbreviations ("Jan.", "Gov.").
 * A wire dateline is taken off before (see `splitDateline`). A sentence that
 * really ends with initials ("... by the U.S.") runs on to the next full stop: a longer
 * summary is better than a cut one.
 */
import { ARTICLE_LIMITS } from '../../articles/article.schema.js';

const ABBREVIATIONS = new Set(
  (
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun ' +
    'mr mrs ms dr prof gen lt col sgt capt cmdr adm gov sen rep rev st mt ft jr sr ' +
    'inc corp co ltd bros no nos vs approx dept est fig vol pp'
  ).split(' '),
);

// A sentence mark, optional closing quotes or brackets, then white space or the end.
const SENTENCE_END = /[.!?]["'\u201D\u2019)\]]*(?=\s|$)/g;
const INITIALS = /^(?:\p{L}\.)*\p{L}$/u;

/**
 * First sentence of a paragraph, or the whole paragraph when no sentence end is found.
 * @example leadSentence("SEOUL, Jan. 7 (AP) -- U.S. envoy arrives. He met...") -> "SEOUL, Jan. 7 (AP) -- U.S. envoy arrives."
 */
export function leadSentence(paragraph: string): string {
  const text = paragraph.trim();
  for (const match of text.matchAll(SENTENCE_END)) {
    if (match[0].startsWith('.') && isAbbreviation(text, match.index)) continue;
    return capLength(text.slice(0, match.index + match[0].length));
  }
  return capLength(text);
}

function isAbbreviation(text: string, dot: number): boolean {
  const before = text.slice(0, dot);
  const word = /[^\s("'\u201C\u2018[]+$/u.exec(before)?.[0] ?? '';
  if (word === '') return false;
  if (INITIALS.test(word) || ABBREVIATIONS.has(word.toLowerCase())) return true;
  // "approx. 5", "the dept. said": a lower-case word or a number after a dot continues the sentence.
  const next = /^\s+(\S)/u.exec(text.slice(dot + 1))?.[1] ?? '';
  return /[\p{Ll}\p{N}]/u.test(next);
}

function capLength(sentence: string): string {
  const max = ARTICLE_LIMITS.summaryChars;
  if (sentence.length <= max) return sentence;
  const cut = sentence.lastIndexOf(' ', max - 1);
  return `${sentence.slice(0, cut > 0 ? cut : max - 1)}\u2026`;
}
