import { foldCase, tokenizeWithSpans, type WordSpan } from '../../text/normalize.js';
import { ENGLISH_STOP_WORDS } from '../query/stop-words.js';
import type { ArticleText } from './article-terms.js';

/** Names kept per text: the first ones. */
export const MAX_NAMES = 24;

const CAPITALISED = /^\p{Lu}\p{Ll}/u;
/** Capitalised words that name no one: months and weekdays ("Pay April 10"), company suffixes ("Co Inc"). */
const NOT_NAMES: ReadonlySet<string> = new Set(
  `january february march april may june july august september october november december jan feb mar apr jun jul aug
  sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday inc co corp corporation ltd plc llc
  cos company group`
    .split(/\s+/)
    .filter((w) => w !== ''),
);
/** What may stand between two words of one name: a space or a hyphen, nothing that ends a sentence. */
const JOINER = /^[ \u00a0-]$/;

/**
 * The people (and other proper names) a text names, as pairs of adjacent capitalised words,
 * folded: "Paul Volcker", "Federal Reserve". Pairs rather than whole runs, so that "Fed
 * Chairman Paul Volcker" and "Paul Volcker" share a name. A word in capitals only (a
 * headline, an acronym) or a stop word ("The Fed") is no part of a name.
 * @example namesIn('Chairman Paul Volcker met the Bank of Japan. Volcker said') -> Set { 'chairman paul', 'paul volcker' }
 */
export function namesIn(text: string, names: Set<string> = new Set(), max: number = MAX_NAMES): Set<string> {
  return namesFromSpans(text, tokenizeWithSpans(text), names, max);
}

/**
 * `namesIn` over words already split (a caller that needs them for something else too). With
 * `firstWords`, only names starting with one of them are looked at: a candidate is only asked
 * for the names of its source, and most of its word pairs need no look.
 */
export function namesFromSpans(
  text: string,
  spans: readonly WordSpan[],
  names: Set<string> = new Set(),
  max: number = MAX_NAMES,
  firstWords?: ReadonlySet<string>,
): Set<string> {
  for (let i = 0; i + 1 < spans.length && names.size < max; i++) {
    const a = spans[i]!;
    if (firstWords && !firstWords.has(a.word)) continue;
    const b = spans[i + 1]!;
    if (!JOINER.test(text.slice(a.end, b.start))) continue;
    if (!isNamePart(text.slice(a.start, a.end), a.word) || !isNamePart(text.slice(b.start, b.end), b.word)) continue;
    names.add(`${a.word} ${b.word}`);
  }
  return names;
}

/**
 * The people an article is about: the names in its title and summary. The body names many
 * people and places in passing (an analyst, "New York"); measured on Reuters, counting its
 * names linked stories on different subjects (docs/ranking.md).
 */
export function namesOfArticle(article: Pick<ArticleText, 'title' | 'summary'>): Set<string> {
  const names = new Set<string>();
  for (const field of [article.title, article.summary]) if (field) namesIn(field, names);
  return names;
}

function isNamePart(original: string, folded: string): boolean {
  const word = foldCase(folded);
  return CAPITALISED.test(original) && !ENGLISH_STOP_WORDS.has(word) && !NOT_NAMES.has(word);
}
