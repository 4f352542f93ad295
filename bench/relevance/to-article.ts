import type { EvalDoc } from './collections.js';

/** Every article gets the same section and date, so neither can sway the ranking. */
export const FIXED_SECTION = 'Collection';
/** See `FIXED_SECTION`. */
export const FIXED_DATE = '2000-01-01T00:00:00Z';
/**
 * Stands in for a missing title (MED, NPL) or text (half of CACM): the schema needs a
 * non-empty string, and a dash holds no word, so the index sees an empty field.
 */
export const NO_TEXT = '—';

/** A collection doc -> one NDJSON line of `ArticleInputSchema` input. */
export function toArticleLine(doc: EvalDoc): string {
  return JSON.stringify({
    id: doc.id,
    title: doc.title.trim() === '' ? NO_TEXT : doc.title,
    body: doc.text.trim() === '' ? NO_TEXT : doc.text,
    section: FIXED_SECTION,
    publishedAt: FIXED_DATE,
  });
}
