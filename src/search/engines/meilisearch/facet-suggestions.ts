import type { FacetDistribution } from 'meilisearch';
import { SUGGEST_TYPO_MIN_LENGTH } from '../../../suggest/suggest-plan.js';
import type { Suggestion } from '../../../suggest/suggest.schema.js';
import { escapeHtml, foldCase, tokenize } from '../../../text/normalize.js';
import { matchPrefix } from '../../../text/prefix-match.js';
import { markTypedPrefix } from '../../highlight/prefix-highlight.js';

/**
 * Sections and tags for autocomplete, matched in JS with the contract's rule, the same code as
 * the embedded engine's (`engines/sqlite/suggest.ts`), over the facet counts Meilisearch returns.
 *
 * @remarks Meilisearch's facet-search cannot do this: it matches from the start of the value
 * only, so "korea" would never find the tag "north-korea".
 */

type FacetSuggestion = Extract<Suggestion, { type: 'section' | 'tag' }>;

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
  const budget = typed.length >= SUGGEST_TYPO_MIN_LENGTH ? 1 : 0;
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
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
    if (isWord) seen++;
    else if (inWord) seen++;
    inWord = isWord;
  }
  return i;
}

/** Code-unit order, the same on every engine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Facet counts -> the sections and tags whose words match the typed words, count desc then
 * text asc, the matched part marked. `sections` must count without the section filter (a
 * suggested section replaces it) and `tags` with every filter.
 * @example toFacetSuggestions('korea', { section: { 'North Korea': 4 } }, { tags: { 'north-korea': 4, korea: 6 } })
 *   -> [{ type: 'tag', text: 'korea', count: 6, ... }, { type: 'section', text: 'North Korea', count: 4, highlight: 'North <mark>Korea</mark>' }, ...]
 */
export function toFacetSuggestions(
  typed: string,
  sections: FacetDistribution | undefined,
  tags: FacetDistribution | undefined,
): FacetSuggestion[] {
  const out: FacetSuggestion[] = [];
  const sources = [
    ['section', sections?.['section']],
    ['tag', tags?.['tags']],
  ] as const;
  for (const [type, counts] of sources) {
    for (const [value, count] of Object.entries(counts ?? {})) {
      const at = count > 0 ? matchAtWord(typed, value) : undefined;
      if (!at) continue;
      const highlight = `${escapeHtml(value.slice(0, at.start))}${markTypedPrefix(value.slice(at.start), at.length)}`;
      out.push({ type, text: value, count, highlight });
    }
  }
  return out.sort((a, b) => b.count - a.count || compareText(a.text, b.text));
}
