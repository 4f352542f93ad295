import {
  KEYWORD_QUERY_TERMS,
  matchLevel,
  weakestTerm,
  removalOrder,
  toLevelMasks,
  type MatchingStrategy,
} from '../../query/matching-strategy.js';
import type { ParsedQuery } from '../../query/parse-query.js';
import { SEARCH_LIMITS } from '../../search.schema.js';
import type { ColumnStore } from './column-store.js';
import { filterBits, hasFilters, PASS, type CompiledFilters } from './filters.js';
import { allTerms, anyOf, someTerms, without } from './fts-query.js';
import type { FtsReader } from './fts-reader.js';
import { planQuery, type QueryPlan } from './query-plan.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * A typed prefix this short never makes an article a result on its own, in partial matching:
 * `un` in `kim jong un` would otherwise bring every "universities" and "unemployment".
 */
export const WEAK_PREFIX_MAX = 2;

/** Levels of a partial match (see `ResolvedMatches.levels`). */
export const LEVEL = { allWords: 0, partial: 1, weakestOnly: 2 } as const;

interface Deps {
  fts: FtsReader;
  store: ColumnStore;
  vocab: Vocabulary;
}

/** The match set a search works on. */
export interface ResolvedMatches {
  plan?: QueryPlan;
  /** Candidates before filters, ascending; undefined = every article. */
  docs?: Int32Array;
  /**
   * Set when partial matches are included, per doc: 0 holds every word; higher levels rank
   * after lower ones (`last`/`frequency`: how many groups of words were dropped; the default:
   * 1 for some words, 2 for only the weakest one).
   */
  levels?: Uint8Array;
  /** Matches before filters (bounds the cost of scoring partial matches). */
  unfilteredMatches: number;
  /** Of those, the ones holding every word (bounds the cost of scoring them, apart from the rest). */
  unfilteredFullMatches: number;
}

/**
 * Matches a query under a matching strategy (`undefined` = the default):
 * - `all`: articles holding every word (exactly, within the typo budget, or as the typed prefix);
 * - `last` / `frequency`: Meilisearch's strategies (src/search/query/matching-strategy.ts);
 * - default: every word; when fewer than the threshold of articles passing the filters hold
 *   them all, every article holding at least one word (through its English stem), except that
 *   a typed prefix of 1-2 letters alone is not enough, and one holding only a very frequent word
 *   of a short query ranks after the others (`weakestTerm`).
 * `-word` and `-"phrase"` always hold.
 */
export function resolveMatches(
  parsed: ParsedQuery,
  filters: CompiledFilters,
  deps: Deps,
  strategy?: MatchingStrategy,
): ResolvedMatches {
  const { fts, store, vocab } = deps;
  const excluded = parsed.excluded.map((e) =>
    anyOf(
      e.kind === 'word'
        ? e.forms.filter((f) => f === e.text || vocab.docs(f) > 0).map((text) => ({ kind: 'word', text }))
        : [{ kind: 'phrase', words: e.words }],
    ),
  );
  if (parsed.terms.length === 0) {
    const docs = excluded.length ? complement(store, fts.docs(someTerms(excluded))) : undefined;
    const count = docs?.length ?? store.count;
    return { ...(docs && { docs }), unfilteredMatches: count, unfilteredFullMatches: count };
  }
  const plan = planQuery(parsed, vocab);
  const termExpressions = plan.terms.map((t) => anyOf([...t.exact, ...t.typos]));
  const docs = fts.docs(without(allTerms(termExpressions), excluded));
  const full: ResolvedMatches = { plan, docs, unfilteredMatches: docs.length, unfilteredFullMatches: docs.length };
  if (strategy === 'all') return full;
  if (strategy === 'last' || strategy === 'frequency') {
    const termDocs = termExpressions.map((e) => fts.docs(e));
    const order = removalOrder(
      parsed.terms,
      strategy,
      termDocs.map((d) => d.length),
    );
    if (order.length === 0) return full;
    const masks = toLevelMasks(order, parsed.terms.length);
    const required = termExpressions.filter((_, i) => (masks.required & (1 << i)) !== 0);
    const universe = fts.docs(without(required.length ? allTerms(required) : someTerms(termExpressions), excluded));
    const held = heldMasks(store, termDocs);
    const levels = new Uint8Array(store.capacity);
    for (const d of universe) if (d < levels.length) levels[d] = Math.max(matchLevel(held[d]!, masks), 0);
    return { plan, docs: universe, levels, unfilteredMatches: universe.length, unfilteredFullMatches: docs.length };
  }
  if (plan.partial.length < 2 || countPassing(docs, filters, store) >= SEARCH_LIMITS.partialMatchThreshold) return full;
  return widen(plan, parsed, excluded, docs, deps);
}

/** The default's partial matches: any word but a short prefix; only the most frequent word ranks last. */
function widen(
  plan: QueryPlan,
  parsed: ParsedQuery,
  excluded: string[],
  allWords: Int32Array,
  { fts, store }: Deps,
): ResolvedMatches {
  const forms = plan.partial.map(anyOf);
  const termCount = parsed.terms.length;
  // Partial forms list the terms first, then the extra words of a long query.
  const isStrong = (i: number) => {
    const term = parsed.terms[i];
    // A lone letter ("e" of "e-spo") is no word of its own either.
    return !(term?.kind === 'word' && (term.text.length === 1 || (term.prefix && term.text.length <= WEAK_PREFIX_MAX)));
  };
  const strong = forms.map((_, i) => i).filter(isStrong);
  if (strong.length === 0) {
    return { plan, docs: allWords, unfilteredMatches: allWords.length, unfilteredFullMatches: allWords.length };
  }
  const docs = fts.docs(without(someTerms(strong.map((i) => forms[i]!)), excluded));
  // The most frequent query word that may make a result: alone, it ranks after the others.
  const weakest =
    termCount <= KEYWORD_QUERY_TERMS
      ? weakestTerm(
          parsed.terms.map((_, i) => fts.docs(forms[i]!).length),
          parsed.terms.map((_, i) => isStrong(i)),
          termCount,
        )
      : -1;
  const levels = new Uint8Array(store.capacity).fill(LEVEL.partial);
  if (weakest >= 0) {
    const others = fts.docs(someTerms(strong.filter((i) => i !== weakest).map((i) => forms[i]!)));
    for (const d of fts.docs(forms[weakest]!)) if (d < levels.length) levels[d] = LEVEL.weakestOnly;
    for (const d of others) if (d < levels.length) levels[d] = LEVEL.partial;
  }
  for (const d of allWords) if (d < levels.length) levels[d] = LEVEL.allWords;
  return { plan, docs, levels, unfilteredMatches: docs.length, unfilteredFullMatches: allWords.length };
}

/** Per doc, a bit for each term whose doc list holds it. */
function heldMasks(store: ColumnStore, termDocs: readonly Int32Array[]): Uint16Array {
  const held = new Uint16Array(store.capacity);
  termDocs.forEach((docs, i) => {
    for (const d of docs) if (d < held.length) held[d]! |= 1 << i;
  });
  return held;
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

/** How many docs pass every filter, counting no further than the partial-match threshold. */
function countPassing(docs: Int32Array, filters: CompiledFilters, store: ColumnStore): number {
  if (!hasFilters(filters)) return docs.length;
  const enough = SEARCH_LIMITS.partialMatchThreshold;
  let n = 0;
  for (let i = 0; i < docs.length && n < enough; i++) if (filterBits(filters, store, docs[i]!) === PASS.all) n++;
  return n;
}
