import { allowedTypos } from '../../text/edit-distance.js';
import { escapeHtml, foldCase } from '../../text/normalize.js';
import { matchPrefix } from '../../text/prefix-match.js';
import { markTypedPrefix } from './prefix-highlight.js';

/**
 * The facet-value search rule both engines apply: a value matches when its folded form starts
 * with the folded typed text, within the typo budget of the typed length; the highlight marks
 * the part of the value that was typed, as one span. Nothing typed matches every value.
 * @example matchFacetValue("north ko", "North Korea") -> "<mark>North Ko</mark>rea"
 * @example matchFacetValue("ko", "North Korea") -> undefined
 */
export function matchFacetValue(typed: string, value: string): string | undefined {
  const folded = foldCase(typed).replace(/\s+/g, ' ').trim();
  if (folded === '') return escapeHtml(value);
  const match = matchPrefix(folded, foldCase(value), allowedTypos(folded.length));
  return match ? markTypedPrefix(value, match.length) : undefined;
}
