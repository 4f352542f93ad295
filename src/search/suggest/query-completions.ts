import { matchPrefix } from '../../text/prefix-match.js';
import { byCountThenText } from '../count-order.js';
import { markTypedPrefix } from '../highlight/prefix-highlight.js';
import { TYPO_CANDIDATES, type SuggestInput } from './suggest-plan.js';
import type { Suggestion } from './suggest.schema.js';

/**
 * Query completions, the same on every engine: an adapter looks the last word up in its title
 * vocabulary (`lastWordForms` says what to do with the answer), counts each candidate text
 * (`candidateTexts`) its own way, and `toQuerySuggestions` turns the counts into suggestions.
 */

/** A candidate for the last word, and how many of its characters the reader typed. */
export interface LastWordForm {
  term: string;
  typedLength: number;
}

/**
 * The candidates for the last word: an open word's completions (the most frequent title words
 * starting with it), a finished word as typed, then up to 4 typo candidates, without repeats.
 * `typedLength` is how much of the candidate the typed word covers (within one typo), for the
 * highlight; all of it for a finished word.
 * @example lastWordForms(typed('semocon'), [], ['semiconductor']) -> [{ term: 'semiconductor', typedLength: 7 }]
 * @example lastWordForms(typed('korea '), ['ignored'], ['koreas']) -> [{ term: 'korea', typedLength: 5 }, { term: 'koreas', typedLength: 6 }]
 */
export function lastWordForms(
  input: SuggestInput,
  completions: readonly string[],
  typos: readonly string[],
): LastWordForm[] {
  const { last, open } = input;
  // A finished word is offered as typed; a count of zero drops it when nothing holds it.
  const exact = open ? completions : [last];
  const forms = [...new Set([...exact, ...typos.slice(0, TYPO_CANDIDATES)])];
  return forms.map((term) => ({
    term,
    typedLength: open ? (matchPrefix(last, term, 1)?.length ?? last.length) : term.length,
  }));
}

/**
 * The words of each candidate text, in the order of `forms`: the words before the last one,
 * then the candidate. These are what an adapter counts.
 * @example candidateTexts(typed('north ko'), [{ term: 'korea', typedLength: 2 }]) -> [['north', 'korea']]
 */
export function candidateTexts(input: SuggestInput, forms: readonly LastWordForm[]): string[][] {
  return forms.map((form) => [...input.before, form.term]);
}

/**
 * Candidates and their counts (same order as `forms`) -> query completions: never one without
 * a result, count desc then text asc, the typed part marked.
 * @example toQuerySuggestions(typed('north ko'), [{ term: 'korea', typedLength: 2 }], [15])
 *   -> [{ type: 'query', text: 'north korea', highlight: '<mark>north ko</mark>rea' }]
 */
export function toQuerySuggestions(
  input: SuggestInput,
  forms: readonly LastWordForm[],
  counts: readonly number[],
): Suggestion[] {
  return forms
    .flatMap(({ term, typedLength }, i) => {
      const count = counts[i] ?? 0;
      if (count <= 0) return [];
      const text = [...input.before, term].join(' ');
      const typed = text.length - term.length + typedLength;
      return [{ text, count, highlight: markTypedPrefix(text, typed) }];
    })
    .sort(byCountThenText)
    .map(({ text, highlight }) => ({ type: 'query', text, highlight }));
}
