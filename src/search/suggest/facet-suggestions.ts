import { escapeHtml, foldCase, tokenize } from '../../text/normalize.js';
import { matchPrefix } from '../../text/prefix-match.js';
import { byCountThenText } from '../count-order.js';
import { markTypedPrefix } from '../highlight/prefix-highlight.js';
import { suggestTypoBudget } from './suggest-plan.js';
import type { Suggestion } from './suggest.schema.js';

/** A section, tag or author suggestion. */
export type FacetSuggestion = Extract<Suggestion, { type: 'section' | 'tag' | 'author' }>;

/**
 * Where the typed words match the value's words, starting at any word of the value: the
 * value's words from there, joined by spaces, begin with the typed text within one typo once
 * it is 4 letters long. `start` and `length` are offsets in the value.
 * @example matchAtWord('korea', 'north-korea') -> { start: 6, length: 5 }
 * @example matchAtWord('north ko', 'North Korea') -> { start: 0, length: 8 }
 */
export function matchAtWord(typed: string, value: string): { start: number; length: number } | undefined {
  const folded = foldCase(value);
  // Offsets in the folded form must be offsets in the value.
  if (folded.length !== value.length) return undefined;
  const budget = suggestTypoBudget(typed);
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    // A typo on the first letter costs 2, more than autocomplete allows: cheap rejection.
    if (m[0][0] !== typed[0]) continue;
    const rest = tokenize(folded.slice(m.index)).join(' ');
    const match = matchPrefix(typed, rest, budget);
    if (match) return { start: m.index, length: lengthInValue(folded.slice(m.index), match.length) };
  }
  return undefined;
}

/**
 * Maps a length in the words-joined-by-space form back onto the value (hyphens, double spaces).
 * @example lengthInValue('north-korea', 8) -> 8 ("north-ko")
 */
export function lengthInValue(valueRest: string, joinedLength: number): number {
  let seen = 0;
  let i = 0;
  let inWord = false;
  for (; i < valueRest.length && seen < joinedLength; i++) {
    const isWord = /[\p{L}\p{N}]/u.test(valueRest[i]!);
    if (isWord || inWord) seen++;
    inWord = isWord;
  }
  return i;
}

/**
 * Facet values with their counts -> the sections, tags or authors whose words match what was typed,
 * count desc then text asc, the matched part marked.
 * @example toFacetSuggestions('korea', [{ type: 'section', value: 'North Korea', count: 4 }])
 *   -> [{ type: 'section', text: 'North Korea', count: 4, highlight: 'North <mark>Korea</mark>' }]
 */
export function toFacetSuggestions(
  typed: string,
  values: Iterable<{ type: FacetSuggestion['type']; value: string; count: number }>,
): FacetSuggestion[] {
  const out: FacetSuggestion[] = [];
  for (const { type, value, count } of values) {
    const at = count > 0 ? matchAtWord(typed, value) : undefined;
    if (!at) continue;
    const highlight = `${escapeHtml(value.slice(0, at.start))}${markTypedPrefix(value.slice(at.start), at.length)}`;
    out.push({ type, text: value, count, highlight });
  }
  return out.sort(byCountThenText);
}
