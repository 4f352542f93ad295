import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteVersion } from '../../bench/engines/bench-engine.js';
import { connectMeili, meiliSourceFrom } from '../../bench/engines/meili-source.js';
import { DEFAULT_DATA_DIR, loadCollection } from '../../bench/relevance/collections.js';
import { formatEngineTable, toTable } from '../../bench/relevance/report.js';
import { evaluateCollection } from '../../bench/relevance/run-eval.js';

/**
 * `npm run eval -- --engine sqlite,meilisearch` on MED: the same judged queries through the
 * same API on both engines in one run. Needs the test collections and a real Meilisearch
 * (MEILI_URL, or MEILI_BIN through tests/global-setup.ts); skipped with the reason otherwise.
 */
const COLLECTION = 'med';
const source = meiliSourceFrom(process.env);
const skip = !existsSync(join(DEFAULT_DATA_DIR, COLLECTION))
  ? `relevance side by side skipped: no test collections at ${DEFAULT_DATA_DIR}`
  : source === undefined
    ? 'relevance side by side skipped: neither MEILI_URL nor MEILI_BIN is set'
    : undefined;

describe.skipIf(Boolean(skip))(skip ?? `relevance side by side (${COLLECTION})`, () => {
  it(
    'when both engines answer the judged queries, then each gets its own scores and SQLite keeps the gated figures',
    { timeout: 120_000 },
    async () => {
      const meili = await connectMeili(source!);
      try {
        const collection = await loadCollection(DEFAULT_DATA_DIR, COLLECTION);
        const { report } = await evaluateCollection(collection, [
          { engine: 'sqlite' },
          { engine: 'meilisearch', server: meili },
        ]);
        const [sqlite, other] = report.engines ?? [];
        expect(sqlite?.engine).toBe('sqlite');
        expect(sqlite?.scores).toEqual(report.ours);
        expect(report.ours.ndcg10).toBeGreaterThanOrEqual(report.baseline.ndcg10);
        expect(other?.engine).toBe('meilisearch');
        expect(other?.scores.ndcg10).toBeGreaterThan(0);
        expect(other?.scores.ndcg10).toBeLessThanOrEqual(1);
        expect(other?.zeroResults).toBeLessThan(report.queries);
        expect(other?.vsSqlite.ndcg10).toBeCloseTo(other!.scores.ndcg10 / report.ours.ndcg10, 10);

        const table = toTable([report], undefined, [
          { engine: 'sqlite', version: sqliteVersion() },
          { engine: 'meilisearch', version: meili.version },
        ]);
        console.log(`relevance side by side ${COLLECTION}\n${formatEngineTable(table)}`);
        expect(table.mean.engines?.map((e) => e.engine)).toEqual(['sqlite', 'meilisearch']);
        expect(formatEngineTable(table)).toMatch(new RegExp(`^med +\\| +meilisearch ${meili.version} \\|`, 'm'));
      } finally {
        await meili.close();
      }
    },
  );
});
