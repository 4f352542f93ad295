import { escapeHtml, foldCase } from '../../text/normalize.js';

/**
 * HTML for a value with its first `foldedLength` folded characters marked: the part the
 * reader typed. Folding keeps lengths for most scripts; when it does not, the whole value
 * is marked rather than a wrong slice.
 * @example markTypedPrefix("North Korea", 8) -> "<mark>North Ko</mark>rea"
 */
export function markTypedPrefix(value: string, foldedLength: number): string {
  if (foldedLength <= 0) return escapeHtml(value);
  const end = foldCase(value).length === value.length ? Math.min(foldedLength, value.length) : value.length;
  return `<mark>${escapeHtml(value.slice(0, end))}</mark>${escapeHtml(value.slice(end))}`;
}
