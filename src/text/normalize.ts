/**
 * Text normalisation shared by ingestion, query parsing and highlighting, so that
 * "Zürich", "ZURICH" and "zurich" are the same word everywhere.
 */

/** Characters reserved as private highlight markers; removed from every stored text. */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

// C0/C1 controls except tab and newline, plus our private markers and BOM.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000\uE001\uFEFF]/g;

/** Makes stored text safe: NFC, no control characters, no marker characters. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(UNSAFE_CHARS, '').replace(/\r\n?/g, '\n');
}

/** Collapses every run of whitespace to one space and trims: for titles, tags, names. */
export function cleanLabel(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Folds case and accents the way the index does (FTS5 `unicode61 remove_diacritics 2`,
 * Meilisearch's normaliser): "Zürich" -> "zurich", "ÉCOLE" -> "ecole".
 */
export function foldCase(text: string): string {
  // Most words are ASCII: lower-casing is all they need (normalising costs 10x more).
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().normalize('NFC');
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;

const WORD = /[\p{L}\p{N}]+/gu;

/** A word of a text, with its position in the original string (UTF-16 offsets). */
export interface WordSpan {
  /** Folded form, as indexed. */
  word: string;
  start: number;
  end: number;
}

/**
 * Splits text into words the way the index tokenizes it: runs of letters and digits.
 * @example tokenize("Cyber-security, 2021!") -> ["cyber", "security", "2021"]
 */
export function tokenize(text: string): string[] {
  return Array.from(text.matchAll(WORD), (m) => foldCase(m[0]));
}

/** Like `tokenize`, keeping each word's span in the original text (for highlighting). */
export function tokenizeWithSpans(text: string): WordSpan[] {
  if (ASCII.test(text)) return asciiSpans(text);
  return Array.from(text.matchAll(WORD), (m) => ({
    word: foldCase(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Turns text carrying private markers into safe HTML: everything escaped, markers become
 * `<mark>` and `</mark>`, unbalanced markers dropped.
 * @example markedToHtml("a \uE000<b>\uE001") -> "a <mark>&lt;b&gt;</mark>"
 */
export function markedToHtml(marked: string): string {
  let html = '';
  let open = false;
  for (const part of marked.split(/([\uE000\uE001])/)) {
    if (part === MARK_OPEN) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === MARK_CLOSE) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return (open ? `${html}</mark>` : html).replace(/<mark><\/mark>/g, '');
}

/** The ASCII fast path of `tokenizeWithSpans` (same result; no regex, no Unicode folding). */
function asciiSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      spans.push({ word: text.slice(start, i).toLowerCase(), start, end: i });
      start = -1;
    }
  }
  return spans;
}
