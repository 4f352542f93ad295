import { describe, expect, it } from 'vitest';
import { formatTable, toTable } from '../../bench/relevance/report.js';
import type { CollectionReport } from '../../bench/relevance/run-eval.js';

const row = (collection: 'cran' | 'med', ours: number, baseline: number): CollectionReport => ({
  collection,
  documents: 10,
  queries: 2,
  gains: 'binary',
  ours: { ndcg10: ours, map100: ours, p10: ours },
  baseline: { ndcg10: baseline, map100: baseline, p10: baseline },
  ratio: { ndcg10: ours / baseline, map100: ours / baseline, p10: ours / baseline },
  notes: { truncated: 0, syntaxRemoved: 0, overTermLimit: 1, zeroResults: 0, baselineZeroResults: 0 },
});

describe('toTable', () => {
  it('when every collection beats the baseline by the goal, then the goal is met and the mean is unweighted', () => {
    const table = toTable([row('cran', 0.55, 0.5), row('med', 0.33, 0.3)], 'x');
    expect(table.mean.ours.ndcg10).toBeCloseTo(0.44, 12);
    expect(table.mean.ratio.ndcg10).toBeCloseTo(0.44 / 0.4, 12);
    expect(table.goal.met).toBe(true);
    expect(table.label).toBe('x');
  });

  it('when one collection is under 1.02x, then the goal is not met even if the mean is over 1.08x', () => {
    const table = toTable([row('cran', 0.9, 0.5), row('med', 0.3, 0.3)]);
    expect(table.mean.ratio.ndcg10).toBeGreaterThan(1.08);
    expect(table.goal.met).toBe(false);
  });
});

describe('formatTable', () => {
  it('when printed, then there is one line per collection and a mean line', () => {
    const lines = formatTable(toTable([row('cran', 0.55, 0.5)])).split('\n');
    expect(lines.filter((l) => /^\s*(cran|mean)\s/.test(l))).toHaveLength(2);
  });
});
