import { z } from 'zod';
import type { SuggestInput } from '../../suggest/suggest-plan.js';
import type { Suggestion } from '../../suggest/suggest.schema.js';
import { matchPrefix } from '../../../text/prefix-match.js';
import { highlightText } from '../../highlight/highlighter.js';
import { markTypedPrefix } from '../../highlight/prefix-highlight.js';
import { MeiliDocumentSchema } from './meili-document.js';
import { TYPO_CANDIDATES } from '../../suggest/suggest-plan.js';

/** A candidate for the last word, and how many of its characters the reader typed. */
export interface LastWordForm {
  term: string;
  typedLength: number;
}

const TermHitSchema = z.object({ term: z.string() });
const TitleHitSchema = MeiliDocumentSchema.pick({ id: true, title: true, section: true, publishedAtIso: true });

/** Vocabulary hits (unvalidated JSON) -> their terms, in the order Meilisearch ranked them. */
export function toTerms(hits: readonly unknown[] | undefined): string[] {
  return (hits ?? []).map((hit) => TermHitSchema.parse(hit).term);
}

/**
 * The candidates for the last word, as the embedded engine picks them: an open word's
 * completions (a finished word as typed), then up to 4 typo candidates, without repeats.
 * `typedLength` is how much of the candidate the typed word covers (within one typo), for
 * the highlight; all of it for a finished word.
 * @example lastWordForms({ last: 'semocon', open: true, ... }, [], ['semiconductor']) -> [{ term: 'semiconductor', typedLength: 7 }]
 */
export function lastWordForms(
  input: SuggestInput,
  completions: readonly string[],
  typos: readonly string[],
): LastWordForm[] {
  const { last, open } = input;
  const exact = open ? completions : [last];
  const forms = [...new Set([...exact, ...typos.slice(0, TYPO_CANDIDATES)])];
  return forms.map((term) => ({
    term,
    typedLength: open ? (matchPrefix(last, term, 1)?.length ?? last.length) : term.length,
  }));
}

/** The words of each candidate text: the words before the last one, then the candidate. */
export function candidateTexts(input: SuggestInput, forms: readonly LastWordForm[]): string[][] {
  return forms.map((form) => [...input.before, form.term]);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Candidates and their counts (same order) -> query completions: never one without a result,
 * count desc then text asc, the typed part marked.
 * @example toQuerySuggestions({ before: ['north'], ... }, [{ term: 'korea', typedLength: 2 }], [15])
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
    .sort((a, b) => b.count - a.count || compareText(a.text, b.text))
    .map(({ text, highlight }) => ({ type: 'query', text, highlight }));
}

/**
 * Title hits (unvalidated JSON) -> article suggestions in Meilisearch's order; the typed words
 * are marked (the open one as a prefix), and so are the last word's typo candidates.
 * Throws a ZodError when a hit is not one of our documents.
 */
export function toArticleSuggestions(
  input: SuggestInput,
  hits: readonly unknown[] | undefined,
  typos: readonly string[],
): Suggestion[] {
  const words = new Set([...input.words.slice(0, input.open ? -1 : undefined), ...typos]);
  const prefixes = input.open ? [input.last] : [];
  return (hits ?? []).map((raw) => {
    const hit = TitleHitSchema.parse(raw);
    return {
      type: 'article',
      id: hit.id,
      text: hit.title,
      highlight: highlightText(hit.title, { words, prefixes }),
      section: hit.section,
      publishedAt: hit.publishedAtIso,
    };
  });
}
