import { escapeHtml, tokenizeWithSpans, type WordSpan } from '../../text/normalize.js';

/** What to mark: whole words, and words starting with a typed prefix (only the prefix is marked). */
export interface HighlightTerms {
  words: ReadonlySet<string>;
  prefixes: readonly string[];
}

/** The crop marker, as Meilisearch's default. */
export const CROP_MARKER = '…';
/** Words in a snippet. */
export const SNIPPET_WORDS = 30;

interface Mark {
  start: number;
  end: number;
  /** Which query word this is, to count distinct matches. */
  key: string;
}

/** Marks of the matched words (or their matched prefix) in `text`. */
function findMarks(spans: WordSpan[], terms: HighlightTerms): (Mark | undefined)[] {
  return spans.map((span) => {
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
}

/**
 * The whole text, HTML-escaped, with matches in `<mark>`.
 * @example highlightText("Cyber <b>security</b>", {words: {"cyber"}, prefixes: ["secur"]})
 *   -> "<mark>Cyber</mark> &lt;b&gt;<mark>secur</mark>ity&lt;/b&gt;"
 */
export function highlightText(text: string, terms: HighlightTerms): string {
  const spans = tokenizeWithSpans(text);
  return render(text, 0, text.length, findMarks(spans, terms));
}

/**
 * About 30 words around the densest matches, HTML-escaped, matches in `<mark>`, "…" where
 * cut. Returns the number of distinct matched words so callers can pick the best field.
 */
export function snippetText(text: string, terms: HighlightTerms, words = SNIPPET_WORDS): { html: string; matched: number } {
  // Nothing to mark (a browse): only the opening words are needed, not the whole text.
  const nothingToMark = terms.words.size === 0 && terms.prefixes.length === 0;
  const spans = tokenizeWithSpans(nothingToMark ? text.slice(0, words * 40) : text);
  if (spans.length === 0) return { html: escapeHtml(text.trim()), matched: 0 };
  const marks = findMarks(spans, terms);
  const { first, matched } = bestWindow(marks, words);
  const last = Math.min(spans.length, first + words) - 1;
  const start = first === 0 ? 0 : spans[first]!.start;
  const reachesEnd = last === spans.length - 1 && !/[\p{L}\p{N}]/u.test(text.slice(spans[last]!.end));
  const end = reachesEnd ? text.length : spans[last]!.end;
  // Paragraph breaks inside a snippet read as plain spaces.
  const body = render(text, start, end, marks).trim().replace(/\s+/g, ' ');
  return { html: `${start > 0 ? CROP_MARKER : ''}${body}${end < text.length ? CROP_MARKER : ''}`, matched };
}

/** Start of the window of `size` words holding the most distinct matches (then the most matches). */
function bestWindow(marks: (Mark | undefined)[], size: number): { first: number; matched: number } {
  let best = { first: 0, distinct: -1, total: -1 };
  const matchAt = marks.flatMap((m, i) => (m ? [i] : []));
  for (const anchor of matchAt) {
    // Centre the window on each match, leaving some context before it.
    const first = Math.max(0, Math.min(anchor - Math.floor(size / 4), marks.length - size));
    const inWindow = marks.slice(first, first + size).filter((m): m is Mark => m !== undefined);
    const distinct = new Set(inWindow.map((m) => m.key)).size;
    if (distinct > best.distinct || (distinct === best.distinct && inWindow.length > best.total)) {
      best = { first, distinct, total: inWindow.length };
    }
  }
  return { first: best.first, matched: Math.max(0, best.distinct) };
}

function render(text: string, from: number, to: number, marks: (Mark | undefined)[]): string {
  let html = '';
  let at = from;
  for (const mark of marks) {
    if (!mark || mark.start < from || mark.end > to) continue;
    html += `${escapeHtml(text.slice(at, mark.start))}<mark>${escapeHtml(text.slice(mark.start, mark.end))}</mark>`;
    at = mark.end;
  }
  return html + escapeHtml(text.slice(at, to));
}

/**
 * The snippet of a hit: from the summary when it holds matches, else the body when it does,
 * else the start of the summary (or body).
 */
export function hitSnippet(summary: string | null | undefined, body: string, terms: HighlightTerms): string {
  const fromSummary = summary ? snippetText(summary, terms) : undefined;
  if (fromSummary && fromSummary.matched > 0) return fromSummary.html;
  const fromBody = snippetText(body, terms);
  if (fromBody.matched > 0 || !fromSummary) return fromBody.html;
  return fromSummary.html;
}
