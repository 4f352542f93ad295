import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, loadCollection } from '../../bench/relevance/collections.js';
import { evaluateCollection } from '../../bench/relevance/run-eval.js';

/**
 * CI's fast relevance check: MED (1,033 docs, 30 queries: the quickest of the five to load
 * and run) through the indexer and the HTTP API, against the plain BM25 baseline.
 */
const GATE_COLLECTION = 'med';
const hasData = existsSync(join(DEFAULT_DATA_DIR, GATE_COLLECTION));
if (!hasData) console.log(`relevance gate skipped: no test collections at ${DEFAULT_DATA_DIR}`);

describe.skipIf(!hasData)(`relevance gate (${GATE_COLLECTION})`, () => {
  it(
    'when the judged queries go through the search API, then nDCG@10 is not below the BM25 baseline',
    { timeout: 60_000 },
    async () => {
      const { report } = await evaluateCollection(await loadCollection(DEFAULT_DATA_DIR, GATE_COLLECTION));
      const { ours, baseline, ratio } = report;
      console.log(
        `relevance gate ${GATE_COLLECTION}: nDCG@10 ours ${ours.ndcg10.toFixed(3)} vs bm25 ${baseline.ndcg10.toFixed(3)} ` +
          `(${ratio.ndcg10.toFixed(2)}x); MAP@100 ${ours.map100.toFixed(3)} vs ${baseline.map100.toFixed(3)}; ` +
          `P@10 ${ours.p10.toFixed(3)} vs ${baseline.p10.toFixed(3)}`,
      );
      expect(report.queries).toBe(30);
      expect(ours.ndcg10).toBeGreaterThanOrEqual(baseline.ndcg10);
    },
  );
});
