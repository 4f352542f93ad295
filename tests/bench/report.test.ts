import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/options.js';
import { latencyRow, pairedOverhead, type LatencyInputs } from '../../bench/report/aggregate.js';
import type { BenchResults } from '../../bench/report/results.js';
import { evaluateTargets } from '../../bench/report/targets.js';
import { ms, renderLatencyTable, renderTargets } from '../../bench/report/table.js';
import { QUERY_TYPES } from '../../bench/queries/query-mix.js';

const inputs = (): LatencyInputs => ({
  types: ['common', 'common', 'two-words', 'two-words'],
  multiTerm: [false, false, true, true],
  n: 100,
  http: [{ ms: [3, 5, 4, 6], hits: [40, 30, 25, 60] }],
  inProcess: [{ ms: [1, 2, 2, 3], hits: [40, 30, 25, 60] }],
  floor: [{ ms: [0.1, 0.2, 0.1, 0.1], hits: [40, 31, 5, 60] }],
  peers: {
    minisearch: {
      output: { ms: [2, 4, null, null], hits: [40, 30, null, null], unsupported: ['two-words'], unfinished: [] },
      finished: true,
    },
  },
});

describe('latencyRow', () => {
  it('when HTTP and in-process ran the same queries, then the overhead is the median paired difference', () => {
    expect(pairedOverhead(inputs().http, inputs().inProcess, [0, 1, 2, 3])).toBe(2.5);
    expect(latencyRow('common', inputs()).httpOverheadP50).toBe(2.5);
  });

  it('when a multi-word query has fewer than 20 full matches, then it is left out of the floor check', () => {
    const row = latencyRow('two-words', inputs());
    expect(row.floorVsEngine).toEqual({ equal: 1, total: 1 });
    expect(latencyRow('common', inputs()).floorVsEngine).toEqual({ equal: 1, total: 2 });
  });

  it('when a peer cannot answer a type, then its cell says unsupported; the mix row has no peers', () => {
    expect(latencyRow('two-words', inputs()).peers.minisearch?.status).toBe('unsupported');
    expect(latencyRow('common', inputs()).peers.minisearch).toMatchObject({ status: 'ok', meanHits: 35 });
    expect(latencyRow('mix', inputs()).peers).toEqual({});
  });

  it('when summarising the mix, then hits give the mean share of the corpus', () => {
    expect(latencyRow('mix', inputs()).hits).toEqual({ mean: 38.75, min: 25, max: 60, share: 0.3875 });
  });
});

function results(overrides: Partial<BenchResults>): Omit<BenchResults, 'targets'> {
  const summary = (p50: number, p95: number) => ({ count: 10, p50, p95, p99: p95, mean: p50, max: p95 });
  return {
    version: 2,
    createdAt: '',
    machine: { cpus: 2, cpuModel: '', totalMemoryGiB: 24, node: '', loadAverage: { mean: 0, max: 0 } },
    options: {
      n: 100_000,
      seed: 42,
      runs: 3,
      quick: false,
      corpus: 'synthetic',
      perType: 100,
      bodyWords: 350,
      parts: [],
      engines: ['sqlite'],
    },
    corpus: { name: 'synthetic', n: 100_000, ndjsonMiB: 200 },
    percentileMethod: '',
    indexing: {
      runs: 3,
      articlesPerSecond: 3_000,
      seconds: 33,
      peakRssMiB: 400,
      peakRssMethod: 'gnu-time',
      dbMiB: 600,
      walMiB: 0,
      summary: '',
    },
    latency: [
      { key: 'mix', http: summary(5, 50), httpOverheadP50: 1, peers: {} },
      { key: 'facets-large', http: summary(20, 70), peers: {} },
    ],
    peers: {},
    engines: [],
    ...overrides,
  };
}

describe('evaluateTargets', () => {
  const throughput = (requestsPerSecond: number, p99: number) => ({
    connections: 16,
    apiCores: 1.7,
    clientCores: 0.3,
    durationSeconds: 10,
    requestsPerSecond,
    completed: 100,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    latencyP50Ms: 20,
    latencyP99Ms: p99,
    runs: 1,
  });

  it('when figures are within or beyond the bounds, then each says pass or miss', () => {
    const checks = evaluateTargets(results({}));
    const verdict = (name: string) => checks.find((c) => c.name === name || c.name.startsWith(`100k: ${name}`))?.pass;
    expect(verdict('indexing rate')).toBe(true);
    expect(verdict('search p50, whole mix, HTTP')).toBe(true);
    expect(verdict('search p95, whole mix, HTTP')).toBe(false);
    expect(verdict('large-match facet query p95, HTTP')).toBe(true);
    expect(verdict('throughput, 16 connections')).toBeUndefined();
    expect(verdict('1M: indexing time')).toBeUndefined();
    expect(renderTargets(checks)).toMatch(/search p95, whole mix, HTTP +\| +<= 40 ms \| +50\.00 ms \| +MISS/);
  });

  it('when 16 connections reach less than 1.6x the 1-connection rate, then it misses and names the CPU split', () => {
    const checks = evaluateTargets(
      results({
        throughput: throughput(300, 90),
        throughputSingle: { ...throughput(200, 10), connections: 1 },
        throughputScaling: 1.5,
        throughputFailures: 0,
      }),
    );
    const scaling = checks.find((c) => c.name.includes('16 connections / at 1'));
    expect(scaling).toMatchObject({ pass: false, value: 1.5 });
    expect(scaling?.bound).toMatch(/API processes used 1\.70 cores, the load generator 0\.30, of 2/);
    expect(checks.find((c) => c.name.includes('p99 at 16'))?.pass).toBe(true);
    expect(checks.find((c) => c.name.includes('failed requests under load'))?.pass).toBe(true);
  });

  it('when the HTTP cost within a request is measured, then it is judged against 2 ms', () => {
    const mix = {
      key: 'mix' as const,
      http: { count: 1, p50: 5, p95: 9, p99: 9, mean: 5, max: 9 },
      httpCostP50: 2.4,
      peers: {},
    };
    const check = evaluateTargets(results({ latency: [mix], healthP50: 0.4 })).find((c) =>
      c.name.startsWith('HTTP cost'),
    );
    expect(check).toMatchObject({ pass: false, value: 2.4 });
    expect(check?.bound).toMatch(/health round trip p50 0\.40 ms/);
  });

  it('when the corpus has a million articles, then the 1M bounds apply and the 100k-only ones do not', () => {
    const checks = evaluateTargets(
      results({
        corpus: { name: 'synthetic', n: 1_000_000, ndjsonMiB: 1 },
        api: {
          startMs: 6_000,
          rssAfterStartMiB: 700,
          rssAfterRunMiB: 900,
          peakRssMiB: 1_100,
          processes: 3,
          rssEachAfterRunMiB: [60, 420, 420],
          errors: 0,
          inProcessErrors: 0,
        },
        inProcessOpenMs: 3_000,
      }),
    );
    const find = (name: string) => checks.find((c) => c.name === name);
    expect(find('1M: search p95, whole mix, HTTP')?.pass).toBe(true);
    expect(find('1M: /ready after start')).toMatchObject({ pass: false, value: 6 });
    expect(find('1M: /ready after start')?.bound).toMatch(/engine open in-process 3000 ms/);
    expect(find('1M: RSS of all API processes (peak, VmHWM summed)')?.bound).toMatch(
      /3 processes; .*60 \+ 420 \+ 420 MiB/,
    );
    expect(find('search p95, whole mix, HTTP')?.pass).toBeUndefined();
    expect(find('100k: searches/s at 16 connections / at 1')?.pass).toBeUndefined();
  });
});

describe('tables', () => {
  it('when rendering, then every query type, the mix and suggest get a row', () => {
    const rows = [...QUERY_TYPES, 'mix' as const].map((key) =>
      latencyRow(key, { ...inputs(), types: [], multiTerm: [] }),
    );
    const table = renderLatencyTable(rows, { prefixes: 3 }, ['minisearch']);
    for (const key of [...QUERY_TYPES, 'mix', 'suggest']) expect(table).toMatch(new RegExp(`^${key} +\\|`, 'm'));
  });

  it('when formatting milliseconds, then precision follows magnitude', () => {
    expect([ms(0.4567), ms(12.34), ms(456.7), ms(undefined)]).toEqual(['0.46', '12.3', '457', '-']);
  });
});

describe('parseBenchArgs', () => {
  it('when --quick is given, then sizes shrink', () => {
    expect(parseBenchArgs(['--quick'])).toMatchObject({ n: 3_000, runs: 1, perType: 10, durationSeconds: 2 });
  });

  it('when --only and --skip-peers are given, then only those parts run', () => {
    expect([...parseBenchArgs(['--only', 'http,peers', '--skip-peers']).parts]).toEqual(['http']);
  });

  it('when an option is invalid, then it throws with the usage', () => {
    expect(() => parseBenchArgs(['--only', 'nope'])).toThrow(/npm run bench/);
    expect(() => parseBenchArgs(['--corpus', 'wiki'])).toThrow();
  });
});
