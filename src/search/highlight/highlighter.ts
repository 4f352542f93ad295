import { escapeHtml } from '../../text/normalize.js';
import { markWords, type HighlightTerms, type Mark } from './word-marks.js';

export type { HighlightTerms } from './word-marks.js';

/** The crop marker, as Meilisearch's default. */
export const CROP_MARKER = '…';
/** Words in a snippet. */
export const SNIPPET_WORDS = 30;

/**
 * The whole text, HTML-escaped, with matches in `<mark>`.
 * @example highlightText("Cyber <b>security</b>", {words: {"cyber"}, prefixes: ["secur"]})
 *   -> "<mark>Cyber</mark> &lt;b&gt;<mark>secur</mark>ity&lt;/b&gt;"
 */
export function highlightText(text: string, terms: HighlightTerms): string {
  return render(text, 0, text.length, markWords(text, terms).marks);
}

/**
 * About 30 words around the densest matches, HTML-escaped, matches in `<mark>`, "…" where
 * cut. Returns the number of distinct matched words so callers can pick the best field.
 */
export function snippetText(
  text: string,
  terms: HighlightTerms,
  words = SNIPPET_WORDS,
): { html: string; matched: number } {
  // Nothing to mark (a browse): only the opening words are needed, not the whole text.
  const nothingToMark = terms.words.size === 0 && terms.prefixes.length === 0;
  const { starts, ends, marks } = markWords(nothingToMark ? text.slice(0, words * 40) : text, terms);
  if (starts.length === 0) return { html: escapeHtml(text.trim()), matched: 0 };
  const { first, matched } = bestWindow(marks, words);
  const last = Math.min(starts.length, first + words) - 1;
  const start = first === 0 ? 0 : starts[first]!;
  const reachesEnd = last === starts.length - 1 && !/[\p{L}\p{N}]/u.test(text.slice(ends[last]!));
  const end = reachesEnd ? text.length : ends[last]!;
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

/** How much of a body is read for its snippet: matches beyond it do not make the snippet. */
export const SNIPPET_SCAN_CHARS = 50_000;

/**
 * The snippet of a hit: from the summary when it holds matches, else the body when it does,
 * else the start of the summary (or body). The body may be given lazily: it is only read
 * when the summary has no match.
 */
export function hitSnippet(
  summary: string | null | undefined,
  body: string | (() => string),
  terms: HighlightTerms,
): string {
  const fromSummary = summary ? snippetText(summary, terms) : undefined;
  if (fromSummary && fromSummary.matched > 0) return fromSummary.html;
  const text = typeof body === 'function' ? body() : body;
  const fromBody = snippetText(text.length > SNIPPET_SCAN_CHARS ? text.slice(0, SNIPPET_SCAN_CHARS) : text, terms);
  if (fromBody.matched > 0 || !fromSummary) return fromBody.html;
  return fromSummary.html;
}
