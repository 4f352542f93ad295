import type { QueryTerm } from './parse-query.js';

/**
 * How a search treats articles holding only some of its words, with Meilisearch's names and
 * meaning (`matchingStrategy`): `all` keeps only articles holding every word; `last` drops
 * words from the end of the query; `frequency` drops the most frequent words first.
 */
export const MATCHING_STRATEGIES = ['last', 'all', 'frequency'] as const;
export type MatchingStrategy = (typeof MATCHING_STRATEGIES)[number];

/**
 * Queries of at most this many terms are a reader's keywords: in the default's partial matches
 * an article holding only their most frequent word ranks after the others. Longer ones read as
 * sentences, where BM25's own weighting ranks best (measured on the judged collections,
 * docs/ranking.md), so no word is singled out.
 */
export const KEYWORD_QUERY_TERMS = 4;

/**
 * A word is "very frequent" when it is held by at least this many times as many articles as
 * any other word of the query; only such a word is singled out (see `weakestTerm`).
 */
export const VERY_FREQUENT_RATIO = 4;

/**
 * The term an article must not hold alone to rank with the other partial matches, or -1: in a
 * keyword query, the most frequent of the terms that may make a result, when it is very frequent
 * next to all of them. `counts[i]` = articles holding term i in any form; `strong[i]` = term i
 * may make a result alone.
 * @example weakestTerm([3, 150], [true, true], 2) -> 1
 * @example weakestTerm([30, 45], [true, true], 2) -> -1
 */
export function weakestTerm(counts: readonly number[], strong: readonly boolean[], termCount: number): number {
  if (termCount > KEYWORD_QUERY_TERMS) return -1;
  const candidates = counts.map((c, i) => [i, c] as const).filter(([i]) => strong[i]);
  if (candidates.length < 2) return -1;
  candidates.sort((a, b) => b[1] - a[1]);
  const [most, next] = [candidates[0]!, candidates[1]!];
  return most[1] >= VERY_FREQUENT_RATIO * Math.max(next[1], 1) ? most[0] : -1;
}

/**
 * The groups of terms `last` or `frequency` drops, in the order they are dropped, as term
 * indexes (Meilisearch's `removal_order_for_terms_matching_strategy`, milli
 * search/new/query_graph.rs):
 * - a phrase is never dropped; when the query holds one, every word may be dropped;
 *   otherwise the last group (the first word for `last`, the rarest for `frequency`) stays;
 * - `last`: one word at a time from the end;
 * - `frequency`: by how many articles hold the word in any form it matches (typos, the typed
 *   prefix), the most frequent first; a word no article holds goes first; equally frequent
 *   words go together.
 * Results are the articles holding every term that is never dropped; they rank by how many
 * groups had to be dropped before they matched (Meilisearch's `words` rule).
 * @example removalOrder([w('kim'), w('jong'), w('un*')], 'last') -> [[2], [1]]
 * @example removalOrder([w('kim'), w('jong'), w('un*')], 'frequency', [3, 2, 40]) -> [[2], [0]]
 */
export function removalOrder(
  terms: readonly QueryTerm[],
  strategy: MatchingStrategy,
  frequencies: readonly number[] = [],
): number[][] {
  if (strategy === 'all' || terms.length < 2) return [];
  const cost = strategy === 'last' ? (i: number) => terms.length - i : frequencyCosts(frequencies, terms.length);
  const groups = new Map<number, number[]>();
  let hasPhrase = false;
  terms.forEach((term, i) => {
    if (term.kind === 'phrase') {
      hasPhrase = true;
      return;
    }
    const c = cost(i);
    groups.set(c, [...(groups.get(c) ?? []), i]);
  });
  const order = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, group]) => group);
  if (!hasPhrase) order.pop();
  return order;
}

/** Cost 1 for the most frequent words (a word held nowhere counts as the most frequent), one more per distinct frequency. */
function frequencyCosts(frequencies: readonly number[], n: number): (i: number) => number {
  const freq = (i: number) => {
    const f = frequencies[i] ?? 0;
    return f === 0 ? Number.POSITIVE_INFINITY : f;
  };
  const distinct = [...new Set(Array.from({ length: n }, (_, i) => freq(i)))].sort((a, b) => b - a);
  return (i) => distinct.indexOf(freq(i)) + 1;
}

/** A removal order as bit masks over term indexes (at most 10 terms, so they fit). */
export interface LevelMasks {
  /** Terms never dropped: an article lacking one is no result. */
  required: number;
  /** One mask per group, in the order the groups are dropped. */
  groups: number[];
}

/** `removalOrder` -> masks. @example toLevelMasks([[2], [1]], 3) -> { required: 0b001, groups: [0b100, 0b010] } */
export function toLevelMasks(order: readonly number[][], termCount: number): LevelMasks {
  const groups = order.map((group) => group.reduce((m, i) => m | (1 << i), 0));
  const dropped = groups.reduce((m, g) => m | g, 0);
  return { required: ((1 << termCount) - 1) & ~dropped, groups };
}

/**
 * The level of an article from the terms it holds (bit i = term i): 0 when it holds every
 * term, k when it matches only once the first k groups are dropped; -1 when it lacks a term
 * that is never dropped (no result).
 * @example matchLevel(0b011, toLevelMasks([[2], [1]], 3)) -> 1
 */
export function matchLevel(held: number, masks: LevelMasks): number {
  if ((held & masks.required) !== masks.required) return -1;
  let level = 0;
  masks.groups.forEach((group, k) => {
    if ((held & group) !== group) level = k + 1;
  });
  return level;
}
