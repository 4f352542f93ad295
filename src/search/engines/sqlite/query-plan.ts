import { stemmer } from 'stemmer';
import type { ExcludedTerm, ParsedQuery, QueryTerm } from '../../query/parse-query.js';
import type { FtsAlternative } from './fts-query.js';
import type { Vocabulary } from './vocabulary.js';

/** Typo corrections kept for a word the index does not know, in partial matching. */
const PARTIAL_TYPO_FORMS = 3;
/**
 * FTS5 indexes prefixes of 2 and 3 letters; a one-letter prefix would walk every word
 * starting with that letter, so it completes to its most frequent words instead.
 */
export const ONE_LETTER_COMPLETIONS = 50;

/** A query term with every form it may take in the index. */
export interface PlannedTerm {
  term: QueryTerm;
  /** As typed (a prefix for the last word while typing, a phrase as quoted). */
  exact: FtsAlternative[];
  /** Within the typo budget. */
  typos: FtsAlternative[];
}

/** The query, expanded against the vocabulary. */
export interface QueryPlan {
  terms: PlannedTerm[];
  /**
   * One form per word for partial matches and their BM25 ranking (terms, then the extra words
   * of a long query): the English stem as a prefix, so "papers" and "paper" count as one
   * word with one idf; a word the index does not know is replaced by its typo corrections.
   */
  partial: FtsAlternative[][];
  excluded: FtsAlternative[];
  /** Words to mark fully and prefixes to mark partially when highlighting. */
  highlight: { words: Set<string>; prefixes: string[] };
}

/**
 * Expands parsed terms against the vocabulary.
 * @example plan('goverment') -> exact ["goverment"], typos ["government", ...], partial [["government"...]]
 */
export function planQuery(parsed: ParsedQuery, vocab: Vocabulary): QueryPlan {
  const words = new Set<string>();
  const prefixes: string[] = [];
  const terms = parsed.terms.map((term): PlannedTerm => {
    const synonyms = synonymForms(term);
    // Letters of "u s" would mark every stray "s" ("Korea's"): only words of 2+ letters are marked.
    for (const f of synonyms)
      for (const w of f.kind === 'word' ? [f.text] : f.kind === 'phrase' ? f.words : []) if (w.length > 1) words.add(w);
    if (term.kind === 'phrase') {
      term.words.forEach((w) => words.add(w));
      return { term, exact: [{ kind: 'phrase', words: term.words }, ...synonyms], typos: [] };
    }
    const typos = vocab.typoCandidates(term.text, { prefix: term.prefix }).map((c) => c.term);
    typos.forEach((w) => words.add(w));
    if (term.prefix) prefixes.push(term.text);
    else words.add(term.text);
    return {
      term,
      exact: [...exactForms(term.text, term.prefix, vocab), ...synonyms],
      typos: typos.map((text) => ({ kind: 'word', text })),
    };
  });
  const partial = [
    ...terms.map((t) =>
      t.term.kind === 'word' && !t.term.prefix
        ? [...partialForms(t.term.text, vocab), ...synonymForms(t.term)]
        : t.exact,
    ),
    ...parsed.extra.map((w) => partialForms(w, vocab)),
  ];
  for (const forms of partial) for (const f of forms) if (f.kind === 'prefix') prefixes.push(f.text);
  return {
    terms,
    partial,
    excluded: parsed.excluded.map(toExcluded),
    highlight: { words, prefixes: [...new Set(prefixes)] },
  };
}

/** A word as typed: itself, or the prefix being typed (a one-letter prefix by its most frequent completions). */
export function exactForms(
  text: string,
  prefix: boolean,
  vocab: Vocabulary,
  oneLetter = ONE_LETTER_COMPLETIONS,
): FtsAlternative[] {
  if (!prefix) {
    const split = vocab.docs(text) === 0 ? splitWord(text, vocab) : undefined;
    return split
      ? [
          { kind: 'word', text },
          { kind: 'phrase', words: split },
        ]
      : [{ kind: 'word', text }];
  }
  if (text.length > 1) return [{ kind: 'prefix', text }];
  const completions = vocab.completions(text, oneLetter).map((c): FtsAlternative => ({ kind: 'word', text: c.term }));
  return completions.length > 0 ? completions : [{ kind: 'word', text }];
}

/**
 * A word no article holds, split in two words that articles hold, as Meilisearch splits it
 * (it takes the split whose two words stand side by side most often; here, the split whose
 * rarer half is the most frequent). Halves of 2+ letters.
 * @example splitWord('northkorea', vocab) -> ['north', 'korea']
 */
export function splitWord(word: string, vocab: Vocabulary): [string, string] | undefined {
  let best: [string, string] | undefined;
  let bestDocs = 0;
  for (let k = 2; k <= word.length - 2; k++) {
    const docs = Math.min(vocab.docs(word.slice(0, k)), vocab.docs(word.slice(k)));
    if (docs > bestDocs) {
      best = [word.slice(0, k), word.slice(k)];
      bestDocs = docs;
    }
  }
  return best;
}

/** The form a word takes in partial matching: its stem as a prefix, or typo corrections when unknown. */
export function partialForms(word: string, vocab: Vocabulary): FtsAlternative[] {
  if (vocab.docs(word) === 0) {
    const corrections = vocab.typoCandidates(word).slice(0, PARTIAL_TYPO_FORMS);
    if (corrections.length > 0) return corrections.map((c) => ({ kind: 'word', text: c.term }));
  }
  const stem = /^[a-z]+$/.test(word) ? stemmer(word) : word;
  // Porter stems are usually prefixes ("papers" -> "paper"); when not ("happy" -> "happi"), keep the word.
  if (stem.length < 3 || !word.startsWith(stem)) return [{ kind: 'word', text: word }];
  return [{ kind: 'prefix', text: stem }];
}

/** A term's synonyms as alternatives: one word, or a phrase. */
function synonymForms(term: QueryTerm): FtsAlternative[] {
  return (term.synonyms ?? []).map((words) =>
    words.length === 1 ? { kind: 'word', text: words[0]! } : { kind: 'phrase', words },
  );
}

function toExcluded(term: ExcludedTerm): FtsAlternative {
  return term.kind === 'word' ? { kind: 'word', text: term.text } : { kind: 'phrase', words: term.words };
}
