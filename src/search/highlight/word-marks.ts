import { tokenizeWithSpans } from '../../text/normalize.js';

/** A marked stretch of text: a matched word, or the matched prefix of one. */
export interface Mark {
  start: number;
  end: number;
  /** Which query word this is, to count distinct matches. */
  key: string;
}

/** What to mark: whole words, and words starting with a typed prefix (only the prefix is marked). */
export interface HighlightTerms {
  words: ReadonlySet<string>;
  prefixes: readonly string[];
}

/** The words of a text (offsets) and, for each, its mark if it matched. */
export interface MarkedWords {
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
  marks: (Mark | undefined)[];
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;

/**
 * Finds the words of `text` and marks the matched ones. ASCII text (most news copy) takes a
 * fast path: word boundaries by a character loop and matches by `indexOf`, with no string per
 * word; other text is tokenized with full Unicode folding. Both give the same marks.
 */
export function markWords(text: string, terms: HighlightTerms): MarkedWords {
  return ASCII.test(text) ? markAscii(text, terms) : markUnicode(text, terms);
}

function markUnicode(text: string, terms: HighlightTerms): MarkedWords {
  const spans = tokenizeWithSpans(text);
  const marks = spans.map((span): Mark | undefined => {
    if (terms.words.has(span.word)) return { start: span.start, end: span.end, key: span.word };
    for (const prefix of terms.prefixes) {
      if (span.word.startsWith(prefix)) {
        // Folding can change lengths ("ß"), so the prefix is mapped onto the original characters.
        const end = span.word.length === span.end - span.start ? span.start + prefix.length : span.end;
        return { start: span.start, end, key: prefix };
      }
    }
    return undefined;
  });
  return { starts: spans.map((s) => s.start), ends: spans.map((s) => s.end), marks };
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function markAscii(text: string, terms: HighlightTerms): MarkedWords {
  const starts: number[] = [];
  const ends: number[] = [];
  let open = -1;
  for (let i = 0; i <= text.length; i++) {
    const word = i < text.length && isWordChar(text.charCodeAt(i));
    if (word && open < 0) open = i;
    else if (!word && open >= 0) {
      starts.push(open);
      ends.push(i);
      open = -1;
    }
  }
  const marks = new Array<Mark | undefined>(starts.length);
  if (starts.length === 0 || (terms.words.size === 0 && terms.prefixes.length === 0)) return { starts, ends, marks };
  const lower = text.toLowerCase();
  const wordAt = (offset: number) => binarySearch(starts, offset);
  for (const w of terms.words) {
    if (!ASCII.test(w) || w === '') continue;
    for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) {
      const k = wordAt(i);
      if (k >= 0 && ends[k] === i + w.length) marks[k] = { start: i, end: i + w.length, key: w };
    }
  }
  for (const p of terms.prefixes) {
    if (!ASCII.test(p) || p === '') continue;
    for (let i = lower.indexOf(p); i >= 0; i = lower.indexOf(p, i + 1)) {
      const k = wordAt(i);
      if (k >= 0 && !marks[k]) marks[k] = { start: i, end: i + p.length, key: p };
    }
  }
  return { starts, ends, marks };
}

/** Index of the word starting exactly at `offset`, or -1. */
function binarySearch(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = starts[mid]!;
    if (v === offset) return mid;
    if (v < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
