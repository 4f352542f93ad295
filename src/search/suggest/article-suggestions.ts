import { highlightText } from '../highlight/highlighter.js';
import type { SuggestInput } from './suggest-plan.js';
import type { Suggestion } from './suggest.schema.js';

/** What an article suggestion shows of an article; `publishedAt` is ISO 8601 UTC. */
export interface TitleRow {
  id: string;
  title: string;
  section: string;
  publishedAt: string;
}

/**
 * Matching titles, in the engine's order -> article suggestions: the typed words are marked
 * (the open one as a prefix), and so are the typo candidates the engine matched them with.
 * @example toArticleSuggestions(typed('north kor'), [{ title: 'Rain in North Korea', ... }], [])[0].highlight
 *   -> 'Rain in <mark>North</mark> <mark>Kor</mark>ea'
 */
export function toArticleSuggestions(
  input: SuggestInput,
  rows: readonly TitleRow[],
  typoWords: Iterable<string>,
): Suggestion[] {
  const words = new Set([...input.words.slice(0, input.open ? -1 : undefined), ...typoWords]);
  const prefixes = input.open ? [input.last] : [];
  return rows.map((row) => ({
    type: 'article',
    id: row.id,
    text: row.title,
    highlight: highlightText(row.title, { words, prefixes }),
    section: row.section,
    publishedAt: row.publishedAt,
  }));
}
