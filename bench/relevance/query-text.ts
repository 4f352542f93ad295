import { MAX_QUERY_TERMS, parseQuery } from '../../src/search/query/parse-query.js';
import { SEARCH_LIMITS } from '../../src/search/search.schema.js';
import { tokenize } from '../../src/text/normalize.js';
import { ENGLISH_STOP_WORDS } from './stop-words.js';

/** A collection query as sent to the public API, with what had to change on the way. */
export interface ApiQuery {
  q: string;
  /** The text was longer than the API's `q` limit and was cut at a word boundary. */
  truncated: boolean;
  /** A `"` or a leading `-` (query syntax) was removed, so the text stays plain words. */
  syntaxRemoved: boolean;
  /** Distinct words in `q`; the engine considers only the first `MAX_QUERY_TERMS`. */
  distinctWords: number;
}

/**
 * Turns a collection query into the text a reader would submit: whitespace collapsed, query
 * syntax (`"`, a word-initial `-`) removed, then cut at the last word boundary within the
 * API's `q` limit (512 characters). The last word stays a typed prefix, as in the search box.
 * @example toApiQuery('what is "flow"\n -separation') -> { q: 'what is flow separation', syntaxRemoved: true, ... }
 */
export function toApiQuery(text: string, maxChars: number = SEARCH_LIMITS.qChars): ApiQuery {
  const plain = text.replace(/\s+/g, ' ').trim();
  const unquoted = plain
    .replace(/"/g, ' ')
    .replace(/(^|\s)-+(?=\S)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const syntaxRemoved = unquoted !== plain;
  const truncated = unquoted.length > maxChars;
  const q = truncated ? cutAtWordBoundary(unquoted, maxChars) : unquoted;
  return { q, truncated, syntaxRemoved, distinctWords: new Set(tokenize(q)).size };
}

/** The longest prefix of `text` of at most `max` characters that ends at a word boundary. */
function cutAtWordBoundary(text: string, max: number): string {
  const head = text.slice(0, max + 1);
  const lastSpace = head.lastIndexOf(' ');
  return (lastSpace > 0 ? head.slice(0, lastSpace) : text.slice(0, max)).trim();
}

/** Whether the engine ignores some of the query's words (more terms than `MAX_QUERY_TERMS`). */
export function exceedsTermLimit(query: ApiQuery): boolean {
  return query.distinctWords > MAX_QUERY_TERMS;
}

/** The terms the engine will actually use, as its own parser sees them (for the analysis). */
export function consideredWords(q: string): string[] {
  return parseQuery(q).terms.flatMap((t) => (t.kind === 'word' ? [t.text] : t.words));
}

/**
 * The baseline's FTS5 MATCH expression: folded words, stop words removed, de-duplicated, each
 * quoted as an FTS5 string (so no query syntax is pasted) and joined with OR. `undefined` when
 * no word is left.
 * @example toBm25Match('What is the "flow" of AIR?') -> '"flow" OR "air"'
 */
export function toBm25Match(text: string, stopWords: ReadonlySet<string> = ENGLISH_STOP_WORDS): string | undefined {
  const words = [...new Set(tokenize(text))].filter((w) => !stopWords.has(w));
  return words.length === 0 ? undefined : words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ');
}
