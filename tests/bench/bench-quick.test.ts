import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/options.js';
import { QUERY_TYPES } from '../../bench/queries/query-mix.js';
import type { BenchResults } from '../../bench/report/results.js';
import { runBench, type BenchOutcome } from '../../bench/run-bench.js';

/**
 * The quick benchmark end to end (generator, indexer CLI, API over HTTP, in-process engine,
 * floor, throughput, both peers), on a tiny corpus, so the harness cannot rot unnoticed.
 */
describe('npm run bench -- --quick', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-quick-'));
  const outPath = join(dir, 'results.json');
  let outcome: BenchOutcome;
  const indexesOf = (type: string) => outcome.queries.flatMap((q, i) => (q.type === type ? [i] : []));

  beforeAll(async () => {
    const options = parseBenchArgs([
      '--quick',
      '--n',
      '1500',
      '--per-type',
      '6',
      '--duration',
      '1',
      '--corpus-dir',
      dir,
      '--out',
      outPath,
    ]);
    outcome = await runBench(options, () => {});
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when the report is printed, then the table has a row for every query type, the mix and suggest', () => {
    for (const key of [...QUERY_TYPES, 'mix', 'suggest', 'related'])
      expect(outcome.report).toMatch(new RegExp(`^${key} +\\|`, 'm'));
    for (const row of outcome.results.latency) {
      expect(row.http?.count, row.key).toBeGreaterThan(0);
      expect(row.inProcess?.count, row.key).toBeGreaterThan(0);
      expect(row.floor?.count, row.key).toBeGreaterThan(0);
    }
  });

  it('when related articles are timed, then every article answered over HTTP and in-process, and a target judges them', () => {
    expect(outcome.results.related?.articles).toBe(6);
    expect(outcome.results.related?.http?.count).toBe(6);
    expect(outcome.results.related?.inProcess?.count).toBe(6);
    expect(outcome.series.engines.sqlite!.http[0]!.relatedMs.every((v) => typeof v === 'number')).toBe(true);
    const target = outcome.results.targets.find((t) => t.name === 'related articles p95, HTTP');
    expect(target?.value).toBe(outcome.results.related?.http?.p95);
  });

  it('when the same queries run in-process and over HTTP, then their hit totals are equal', () => {
    const http = outcome.series.engines.sqlite!.http[0]!.hits;
    const inProcess = outcome.series.inProcess[0]!.hits;
    expect(http.every((h) => typeof h === 'number')).toBe(true);
    expect(inProcess).toEqual(http);
  });

  it('when a query is one word without a typo, then the floor counts exactly the engine total', () => {
    const floor = outcome.series.floor[0]!.hits;
    const engine = outcome.series.inProcess[0]!.hits;
    const single = [...indexesOf('common'), ...indexesOf('rare')];
    expect(single.length).toBeGreaterThan(0);
    for (const i of single) expect(floor[i], outcome.queries[i]!.params.q).toBe(engine[i]);
  });

  it('when the large-match facet query runs, then each match covers at least 30 % of the corpus', () => {
    const engine = outcome.series.inProcess[0]!.hits;
    for (const i of indexesOf('facets-large'))
      expect(engine[i]! / outcome.results.corpus.n).toBeGreaterThanOrEqual(0.3);
  });

  it('when indexing finished, then the index holds every generated article', () => {
    expect(outcome.results.indexing?.articleCount).toBe(1500);
    expect(outcome.results.indexing?.articlesPerSecond).toBeGreaterThan(0);
    expect(outcome.results.api?.rssAfterStartMiB).toBeGreaterThan(0);
    expect(outcome.results.throughput?.completed).toBeGreaterThan(0);
  });

  it('when the peers run, then they index everything and answer the types they support', () => {
    for (const name of ['minisearch', 'orama'] as const) {
      expect(outcome.results.peers[name]?.status, name).toBe('ok');
      expect(outcome.results.peers[name]?.indexed).toBe(1500);
    }
    const common = outcome.results.latency.find((r) => r.key === 'common')!;
    expect(common.peers.minisearch?.latency?.count).toBeGreaterThan(0);
    expect(outcome.results.latency.find((r) => r.key === 'browse')!.peers.minisearch?.status).toBe('unsupported');
  });

  it('when no engine is named, then SQLite alone runs and is labelled with its version', () => {
    expect(outcome.results.engines.map((e) => e.engine)).toEqual(['sqlite']);
    expect(outcome.results.engines[0]!.version).toMatch(/^3\.\d+\.\d+$/);
    expect(outcome.report).toContain(`sqlite ${outcome.results.engines[0]!.version} (embedded)`);
    expect(outcome.report).not.toContain('Side by side');
  });

  it('when the results file is written, then it parses, holds every target and no per-query arrays', () => {
    const text = readFileSync(outPath, 'utf8');
    const written = JSON.parse(text) as BenchResults;
    expect(written.corpus.n).toBe(1500);
    expect(written.targets.map((t) => t.name)).toEqual(outcome.results.targets.map((t) => t.name));
    expect(written.targets.length).toBeGreaterThanOrEqual(12);
    expect(text).not.toMatch(/"(ms|hits|suggestMs)": \[/);
  });
});
