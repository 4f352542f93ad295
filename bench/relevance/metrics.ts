/**
 * Ranking metrics, pure. A ranking is doc ids best first; judgments map doc id -> gain, where
 * a gain > 0 means relevant (binary collections use gain 1 for every relevant doc).
 */

/** Doc id -> gain for one query. */
export type Judgments = ReadonlyMap<string, number>;

/** The three figures the eval reports. */
export interface Scores {
  ndcg10: number;
  map100: number;
  p10: number;
}

/** Drops repeated ids (a repeat can never earn a second gain). */
function unique(ranking: readonly string[], k: number): string[] {
  return [...new Set(ranking)].slice(0, k);
}

/**
 * nDCG@k with linear gains and a log2(rank + 1) discount; the ideal ranking sorts every
 * judged gain. 0 when nothing is relevant.
 * @example ndcgAt(["a", "x"], new Map([["a", 1], ["b", 1]]), 10) -> 1 / (1 + 1/log2(3)) ≈ 0.613
 */
export function ndcgAt(ranking: readonly string[], judgments: Judgments, k: number): number {
  const dcg = unique(ranking, k).reduce((sum, doc, i) => sum + (judgments.get(doc) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...judgments.values()]
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/**
 * Average precision over the top k: the sum of precision at each relevant hit, divided by the
 * number of relevant docs (all of them, even past k).
 * @example averagePrecisionAt(["a", "x", "b"], new Map([["a", 1], ["b", 1], ["c", 1]]), 100) -> (1 + 2/3) / 3
 */
export function averagePrecisionAt(ranking: readonly string[], judgments: Judgments, k: number): number {
  const relevant = [...judgments.values()].filter((g) => g > 0).length;
  if (relevant === 0) return 0;
  let hits = 0;
  let sum = 0;
  unique(ranking, k).forEach((doc, i) => {
    if ((judgments.get(doc) ?? 0) > 0) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / relevant;
}

/**
 * Precision at k: relevant docs in the top k, divided by k (a short list is not rewarded).
 * @example precisionAt(["a", "x"], new Map([["a", 1]]), 10) -> 0.1
 */
export function precisionAt(ranking: readonly string[], judgments: Judgments, k: number): number {
  return unique(ranking, k).filter((doc) => (judgments.get(doc) ?? 0) > 0).length / k;
}

/** nDCG@10, AP@100 and P@10 of one ranked list. */
export function scoreQuery(ranking: readonly string[], judgments: Judgments): Scores {
  return {
    ndcg10: ndcgAt(ranking, judgments, 10),
    map100: averagePrecisionAt(ranking, judgments, 100),
    p10: precisionAt(ranking, judgments, 10),
  };
}

/**
 * Mean of per-query scores over the queries with at least one relevant doc; a query with no
 * ranking counts as an empty result (all zeros), never as skipped.
 */
export function meanScores(
  rankings: ReadonlyMap<string, readonly string[]>,
  qrels: ReadonlyMap<string, Judgments>,
): Scores {
  const judged = [...qrels].filter(([, j]) => [...j.values()].some((g) => g > 0));
  if (judged.length === 0) return { ndcg10: 0, map100: 0, p10: 0 };
  const total = judged
    .map(([query, judgments]) => scoreQuery(rankings.get(query) ?? [], judgments))
    .reduce((a, b) => ({ ndcg10: a.ndcg10 + b.ndcg10, map100: a.map100 + b.map100, p10: a.p10 + b.p10 }));
  return { ndcg10: total.ndcg10 / judged.length, map100: total.map100 / judged.length, p10: total.p10 / judged.length };
}

/** ours / baseline per figure (0 / 0 counts as 1, x / 0 as Infinity). */
export function ratioOf(ours: Scores, baseline: Scores): Scores {
  const r = (a: number, b: number) => (b === 0 ? (a === 0 ? 1 : Infinity) : a / b);
  return {
    ndcg10: r(ours.ndcg10, baseline.ndcg10),
    map100: r(ours.map100, baseline.map100),
    p10: r(ours.p10, baseline.p10),
  };
}
