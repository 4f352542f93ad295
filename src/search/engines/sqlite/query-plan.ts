import type { ExcludedTerm, ParsedQuery, QueryTerm } from '../../query/parse-query.js';
import type { FtsAlternative } from './fts-query.js';
import type { Vocabulary } from './vocabulary.js';

/** A query term with every form it may take in the index. */
export interface PlannedTerm {
  term: QueryTerm;
  /** As typed (a prefix for the last word while typing, a phrase as quoted). */
  exact: FtsAlternative[];
  /** Within the typo budget. */
  typos: FtsAlternative[];
  /** Same English stem; used only for partial matches, never to decide "holds every word". */
  stems: FtsAlternative[];
  /** Inverse document frequency of the term as typed: rare words weigh more. */
  idf: number;
}

/** The query, expanded against the vocabulary. */
export interface QueryPlan {
  terms: PlannedTerm[];
  excluded: FtsAlternative[];
  /** Words to mark fully and prefixes to mark partially when highlighting. */
  highlight: { words: Set<string>; prefixes: string[] };
}

/**
 * Expands parsed terms: typo candidates (Meilisearch budget), stem variants, prefixes.
 * @example plan('goverment') -> exact ["goverment"], typos ["government", ...]
 */
export function planQuery(parsed: ParsedQuery, vocab: Vocabulary, totalDocs: number): QueryPlan {
  const words = new Set<string>();
  const prefixes: string[] = [];
  const terms = parsed.terms.map((term): PlannedTerm => {
    if (term.kind === 'phrase') {
      term.words.forEach((w) => words.add(w));
      const rarest = Math.min(...term.words.map((w) => vocab.docs(w)));
      return { term, exact: [{ kind: 'phrase', words: term.words }], typos: [], stems: [], idf: idf(rarest, totalDocs) };
    }
    const typos = vocab.typoCandidates(term.text, { prefix: term.prefix }).map((c) => c.term);
    const stems = term.prefix ? [] : vocab.stemVariants(term.text).map((c) => c.term);
    typos.forEach((w) => words.add(w));
    stems.forEach((w) => words.add(w));
    if (term.prefix) prefixes.push(term.text);
    else words.add(term.text);
    const docs = term.prefix ? prefixDocs(vocab, term.text, totalDocs) : vocab.docs(term.text);
    return {
      term,
      exact: [term.prefix ? { kind: 'prefix', text: term.text } : { kind: 'word', text: term.text }],
      typos: typos.map((text) => ({ kind: 'word', text })),
      stems: stems.filter((s) => !typos.includes(s)).map((text) => ({ kind: 'word', text })),
      idf: idf(docs, totalDocs),
    };
  });
  return { terms, excluded: parsed.excluded.map(toExcluded), highlight: { words, prefixes } };
}

function toExcluded(term: ExcludedTerm): FtsAlternative {
  return term.kind === 'word' ? { kind: 'word', text: term.text } : { kind: 'phrase', words: term.words };
}

/** BM25's idf: ln(1 + (N - n + 0.5) / (n + 0.5)). */
export function idf(docs: number, totalDocs: number): number {
  return Math.log(1 + (Math.max(totalDocs, docs) - docs + 0.5) / (docs + 0.5));
}

/** An upper estimate of the documents a prefix matches: the largest completion's count. */
function prefixDocs(vocab: Vocabulary, prefix: string, totalDocs: number): number {
  const top = vocab.completions(prefix, 1)[0];
  return Math.min(totalDocs, top?.docs ?? 0);
}
