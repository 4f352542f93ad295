import { hitSnippet, highlightText, type HighlightTerms } from '../../highlight/highlighter.js';
import type { SearchHit } from '../../search.schema.js';
import { toHitFields, type ArticleRows } from './article-rows.js';

/**
 * Loads the hits of a page, in page order, highlighted. Bodies are read one by one and only
 * for hits whose summary holds no match: the summary usually gives the snippet.
 */
export function loadHits(rows: ArticleRows, docs: Int32Array, highlight: HighlightTerms | undefined): SearchHit[] {
  return rows.byDocs(docs).map((row) => {
    const hit: SearchHit = toHitFields(row);
    if (highlight) {
      const body = () => rows.body(row.doc);
      hit.highlight = { title: highlightText(row.title, highlight), snippet: hitSnippet(row.summary, body, highlight) };
    }
    return hit;
  });
}
