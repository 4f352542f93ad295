import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchIndexUid } from '../../bench/engines/engine-target.js';
import { dropMeiliIndex, meiliVersion } from '../../bench/engines/meili-rest.js';
import { meiliSourceFrom } from '../../bench/engines/meili-source.js';
import { parseBenchArgs } from '../../bench/options.js';
import { QUERY_TYPES } from '../../bench/queries/query-mix.js';
import { runBench, type BenchOutcome } from '../../bench/run-bench.js';

/**
 * `npm run bench -- --engine sqlite,meilisearch` on a tiny corpus: both engines indexed by the
 * CLI and queried through the same API in one run. Needs a real server (MEILI_URL, or MEILI_BIN
 * through tests/global-setup.ts); without one it is skipped, as the contract suite's half is.
 */
const skip =
  meiliSourceFrom(process.env) === undefined
    ? 'bench side by side skipped: neither MEILI_URL nor MEILI_BIN is set'
    : undefined;
const N = 300;

describe.skipIf(Boolean(skip))(skip ?? 'npm run bench -- --engine sqlite,meilisearch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-engines-'));
  let outcome: BenchOutcome;
  const engine = (name: string) => outcome.results.engines.find((e) => e.engine === name)!;

  beforeAll(async () => {
    const options = parseBenchArgs([
      '--engine',
      'sqlite,meilisearch',
      '--quick',
      '--n',
      String(N),
      '--per-type',
      '3',
      '--only',
      'index,http',
      '--corpus-dir',
      dir,
      '--out',
      join(dir, 'results.json'),
    ]);
    outcome = await runBench(options, () => {});
  }, 170_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    // A server started from MEILI_BIN by the bench is gone already; a shared one keeps no bench index.
    const source = meiliSourceFrom(process.env);
    if (outcome && source?.kind === 'url') {
      await dropMeiliIndex({ url: source.url, apiKey: source.apiKey }, benchIndexUid(outcome.results.corpus.name));
    }
  });

  it('when both engines ran, then each is labelled with its own version', async () => {
    expect(outcome.results.engines.map((e) => e.engine)).toEqual(['sqlite', 'meilisearch']);
    expect(engine('sqlite').version).toMatch(/^3\.\d+\.\d+$/);
    const source = meiliSourceFrom(process.env);
    if (source?.kind === 'url') {
      expect(engine('meilisearch').version).toBe(await meiliVersion({ url: source.url, apiKey: source.apiKey }));
    } else {
      expect(engine('meilisearch').version).toMatch(/^\d+\.\d+\.\d+/);
    }
  });

  it('when the indexer CLI wrote to each engine, then each index holds every article', () => {
    for (const name of ['sqlite', 'meilisearch']) {
      expect(engine(name).indexing?.articleCount, name).toBe(N);
      expect(engine(name).indexing?.articlesPerSecond, name).toBeGreaterThan(0);
    }
  });

  it('when the same queries went through the API, then every type and suggest has latencies on both engines', () => {
    for (const name of ['sqlite', 'meilisearch']) {
      for (const row of engine(name).latency) expect(row.http?.count, `${name} ${row.key}`).toBeGreaterThan(0);
      expect(engine(name).suggest?.http?.count, name).toBeGreaterThan(0);
      expect(engine(name).api?.errors, name).toBe(0);
    }
  });

  it('when a query has one word or none, then Meilisearch finds as many articles as SQLite', () => {
    for (const key of ['common', 'rare', 'facets-large', 'browse']) {
      const totals = engine('meilisearch').latency.find((r) => r.key === key)?.totalsVsSqlite;
      expect(totals?.total, key).toBeGreaterThan(0);
      expect(totals?.equal, key).toBe(totals?.total);
    }
  });

  it('when Meilisearch runs on this machine, then its RSS is measured; otherwise the report says why not', () => {
    const meili = engine('meilisearch');
    if (meili.serverMemoryNote === undefined) {
      expect(meili.api?.serverRssAfterRunMiB).toBeGreaterThan(0);
      expect(meili.indexing?.serverPeakRssMiB).toBeGreaterThan(0);
    } else {
      expect(meili.serverMemoryNote).toMatch(/^not measured/);
      expect(outcome.report).toContain(meili.serverMemoryNote);
    }
    expect(engine('sqlite').api?.rssAfterRunMiB).toBeGreaterThan(0);
  });

  it('when the report is printed, then the side-by-side tables give a ratio for every query type, the mix and suggest', () => {
    const version = engine('meilisearch').version;
    expect(outcome.report).toContain(`meilisearch ${version} p50`);
    expect(outcome.report).toContain(`sqlite ${engine('sqlite').version} p50`);
    const side = outcome.report.slice(outcome.report.indexOf('Side by side'));
    for (const key of [...QUERY_TYPES, 'mix', 'suggest']) {
      expect(side, key).toMatch(new RegExp(`^${key} +\\|.*\\d+x`, 'm'));
    }
    expect(side).toMatch(/^indexing rate, articles\/s .*\d+x$/m);
    expect(side).toContain('In-process, floor and peers: SQLite only');
  });
});
