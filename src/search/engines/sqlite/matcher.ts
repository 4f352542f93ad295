import type { ParsedQuery } from '../../query/parse-query.js';
import { SEARCH_LIMITS } from '../../search.schema.js';
import type { ColumnStore } from './column-store.js';
import { filterBits, hasFilters, PASS, type CompiledFilters } from './filters.js';
import { anyOf, someTerms, without } from './fts-query.js';
import type { FtsReader } from './fts-reader.js';
import { planQuery, type QueryPlan } from './query-plan.js';
import { allTermsExpression } from './ranker.js';
import type { Vocabulary } from './vocabulary.js';

/** The matches of a query, before filters. */
export interface QueryMatch {
  plan?: QueryPlan;
  /** Docs holding every word, ascending; undefined = every article (a browse). */
  docs?: Int32Array;
  /** Widens to partial matches; set only when the query has more than one term. */
  widen?: () => { docs: Int32Array; allWords: Uint8Array };
  widenBelow: number;
}

interface Deps {
  fts: FtsReader;
  store: ColumnStore;
  vocab: Vocabulary;
}

/**
 * Runs the query's FTS5 expression. Words match exactly, by typo, or as the typed prefix;
 * `-word` and `-"phrase"` always hold, in partial matches too. Partial matches hold a word
 * by its stem (see QueryPlan.partial).
 */
export function matchQuery(parsed: ParsedQuery, { fts, store, vocab }: Deps): QueryMatch {
  const excluded = parsedExcluded(parsed);
  if (parsed.terms.length === 0) {
    return { docs: excluded.length ? complement(store, fts.docs(someTerms(excluded))) : undefined, widenBelow: 0 };
  }
  const plan = planQuery(parsed, vocab);
  const docs = fts.docs(without(allTermsExpression(plan, ['exact', 'typos']), excluded));
  const match: QueryMatch = { plan, docs, widenBelow: SEARCH_LIMITS.partialMatchThreshold };
  if (plan.partial.length > 1) {
    match.widen = () => {
      const anyTerm = someTerms(plan.partial.map(anyOf));
      const allWords = new Uint8Array(store.capacity);
      for (const d of docs) if (d < allWords.length) allWords[d] = 1;
      return { docs: fts.docs(without(anyTerm, excluded)), allWords };
    };
  }
  return match;
}

function parsedExcluded(parsed: ParsedQuery): string[] {
  return parsed.excluded.map((e) =>
    anyOf([e.kind === 'word' ? { kind: 'word', text: e.text } : { kind: 'phrase', words: e.words }]),
  );
}

/** Every live doc not in `docs`. */
function complement(store: ColumnStore, docs: Int32Array): Int32Array {
  const drop = new Uint8Array(store.capacity);
  for (const d of docs) if (d < drop.length) drop[d] = 1;
  const out = new Int32Array(store.count);
  let n = 0;
  for (let d = 0; d < store.capacity; d++) if (store.alive[d] === 1 && drop[d] === 0) out[n++] = d;
  return out.subarray(0, n);
}

/** The match set a search works on, after deciding whether to widen to partial matches. */
export interface ResolvedMatches {
  plan?: QueryPlan;
  /** Candidates before filters, ascending; undefined = every article. */
  docs?: Int32Array;
  /** Set when partial matches were added: 1 for docs holding every word. */
  allWords?: Uint8Array;
  /** Matches before filters (bounds ranking cost). */
  fullMatches: number;
}

/**
 * Matches a query and widens it to partial matches when fewer than the threshold of articles
 * that pass the filters hold every word (the filters count: a reader sees filtered results).
 */
export function resolveMatches(parsed: ParsedQuery, filters: CompiledFilters, deps: Deps): ResolvedMatches {
  const match = matchQuery(parsed, deps);
  const resolved: ResolvedMatches = { docs: match.docs, fullMatches: match.docs?.length ?? deps.store.count };
  if (match.plan) resolved.plan = match.plan;
  if (match.widen && countPassing(match.docs!, filters, deps.store, match.widenBelow) < match.widenBelow) {
    const wide = match.widen();
    resolved.docs = wide.docs;
    resolved.allWords = wide.allWords;
    resolved.fullMatches = wide.docs.length;
  }
  return resolved;
}

/** How many docs pass every filter, counting no further than `enough`. */
function countPassing(docs: Int32Array, filters: CompiledFilters, store: ColumnStore, enough: number): number {
  if (!hasFilters(filters)) return docs.length;
  let n = 0;
  for (let i = 0; i < docs.length && n < enough; i++) if (filterBits(filters, store, docs[i]!) === PASS.all) n++;
  return n;
}
