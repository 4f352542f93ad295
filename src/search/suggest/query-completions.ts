import { tokenize } from '../../text/normalize.js';
import { matchPrefix } from '../../text/prefix-match.js';
import { ENGLISH_STOP_WORDS } from '../query/stop-words.js';
import { byCountThenText } from '../count-order.js';
import { markTypedPrefix } from '../highlight/prefix-highlight.js';
import { TYPO_CANDIDATES, type SuggestInput } from './suggest-plan.js';
import type { Suggestion } from './suggest.schema.js';

/**
 * Query completions, the same on every engine: an adapter looks the last word up in its title
 * vocabulary (`lastWordForms` says what to do with the answer), counts each candidate text
 * (`candidateTexts`) its own way, and `toQuerySuggestions` turns the counts into suggestions.
 */

/** Titles read for phrase completions: the first this many that match what was typed. */
export const PHRASE_SAMPLE = 50;
/** Phrase completions considered per keystroke, and how often a phrase must recur in the sample. */
const PHRASES = { max: 2, minTitles: 2 } as const;

/**
 * Whether phrase completions are looked for: a single word being typed ("nor" -> "north korea").
 */
export function wantsPhrases(input: SuggestInput): boolean {
  return input.open && input.words.length === 1;
}

/**
 * Frequent two-word title phrases that complete a single typed prefix: in each sample title, the
 * word starting with the prefix and the next word (not a stop word); the phrases found in at least
 * two titles, most frequent first. The adapter counts them like any candidate.
 * @example phraseCompletions(typed('nor'), ['North Korea fires', 'North Korea tests', 'Norvale grows']) -> ['north korea']
 */
export function phraseCompletions(input: SuggestInput, titles: readonly string[]): string[] {
  if (!wantsPhrases(input)) return [];
  const seen = new Map<string, number>();
  for (const title of titles) {
    const words = tokenize(title);
    const phrases = new Set<string>();
    words.forEach((w, i) => {
      const next = words[i + 1];
      if (w.startsWith(input.last) && next !== undefined && !ENGLISH_STOP_WORDS.has(next)) phrases.add(`${w} ${next}`);
    });
    for (const p of phrases) seen.set(p, (seen.get(p) ?? 0) + 1);
  }
  return [...seen]
    .filter(([, n]) => n >= PHRASES.minTitles)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, PHRASES.max)
    .map(([p]) => p);
}

/** A candidate for the last word (a phrase for a phrase completion), and how many of its characters the reader typed. */
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
  phrases: readonly string[] = [],
): LastWordForm[] {
  const { last, open } = input;
  // A finished word is offered as typed; a count of zero drops it when nothing holds it.
  const exact = open ? completions : [last];
  const forms = [...new Set([...exact, ...typos.slice(0, TYPO_CANDIDATES), ...(open ? phrases : [])])];
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
  return forms.map((form) => [...input.before, ...form.term.split(' ')]);
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
