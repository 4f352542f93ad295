import { tokenize } from '../../text/normalize.js';
import { MAX_QUERY_TERMS } from '../query/parse-query.js';
import type { Suggestion } from './suggest.schema.js';

/** One typo is tolerated in what was typed once it is this long (autocomplete only). */
export const SUGGEST_TYPO_MIN_LENGTH = 4;
/** Completions of the word being typed considered per keystroke: the most frequent title words. */
export const COMPLETION_CANDIDATES = 8;
/** Title words within one typo considered per keystroke. */
export const TYPO_CANDIDATES = 4;

/**
 * Typos autocomplete tolerates in a typed word: one once it is `SUGGEST_TYPO_MIN_LENGTH` long.
 * @example suggestTypoBudget('kor') -> 0; suggestTypoBudget('kore') -> 1
 */
export function suggestTypoBudget(word: string): 0 | 1 {
  return word.length >= SUGGEST_TYPO_MIN_LENGTH ? 1 : 0;
}

/** What the reader typed, as words; `open` when the last word is still being typed. */
export interface SuggestInput {
  words: string[];
  before: string[];
  last: string;
  open: boolean;
}

/**
 * Splits typed text for autocomplete; words past the search's `MAX_QUERY_TERMS` are dropped.
 * @example typedSuggestionText("North ko") -> { words: ["north","ko"], before: ["north"], last: "ko", open: true }
 */
export function typedSuggestionText(q: string): SuggestInput | undefined {
  const words = tokenize(q).slice(0, MAX_QUERY_TERMS);
  const last = words.at(-1);
  if (last === undefined) return undefined;
  return { words, before: words.slice(0, -1), last, open: !/[^\p{L}\p{N}]$/u.test(q) };
}

interface Groups {
  queries: () => Suggestion[];
  facets: () => Suggestion[];
  articles: (limit: number) => Suggestion[];
}

/**
 * Shares `limit` between the groups, the same way on every engine: up to half query
 * completions, up to two sections or tags, articles for the rest; a group with fewer leaves
 * its room to the others. Order: queries, sections and tags, articles.
 * @example limit 8 with plenty of everything -> 4 queries, 2 facet values, 2 articles
 */
export function planSuggestions(limit: number, groups: Groups): Suggestion[] {
  const queries = groups.queries();
  const facets = groups.facets();
  const q = queries.slice(0, Math.ceil(limit / 2));
  const f = facets.slice(0, Math.min(2, limit - q.length));
  const articles = groups.articles(limit - q.length - f.length);
  let room = limit - q.length - f.length - articles.length;
  const moreQueries = queries.slice(q.length, q.length + Math.max(0, room));
  room -= moreQueries.length;
  const moreFacets = facets.slice(f.length, f.length + Math.max(0, room));
  return [...q, ...moreQueries, ...f, ...moreFacets, ...articles];
}
