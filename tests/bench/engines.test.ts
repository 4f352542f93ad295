import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { benchIndexUid, childEnv, parseEngineList } from '../../bench/engines/engine-target.js';
import { meiliSourceFrom } from '../../bench/engines/meili-source.js';
import { findListeningPid, listeningInodes } from '../../bench/lib/listening-pid.js';
import { parseBenchArgs } from '../../bench/options.js';
import { engineLatencyRow } from '../../bench/report/aggregate.js';
import { renderEngineLatencyTable, renderEngineResourceTable } from '../../bench/report/engines-table.js';
import type { EngineResults } from '../../bench/report/results.js';
import { QUERY_TYPES } from '../../bench/queries/query-mix.js';

describe('childEnv', () => {
  const parent = {
    PATH: '/bin',
    MEILI_URL: 'http://127.0.0.1:7700',
    MEILI_API_KEY: 'parent-key',
    MEILI_INDEX: 'articles',
    MEILI_BIN: '/opt/meilisearch',
    SEARCH_ENGINE: 'meilisearch',
    SQLITE_PATH: 'data/articles.db',
  };

  it('when the caller has MEILI_URL set, then a SQLite child gets SQLite and no Meilisearch variable', () => {
    expect(childEnv({ engine: 'sqlite', dbPath: '/tmp/a.db' }, { LOG_LEVEL: 'warn' }, parent)).toEqual({
      PATH: '/bin',
      LOG_LEVEL: 'warn',
      SEARCH_ENGINE: 'sqlite',
      SQLITE_PATH: '/tmp/a.db',
    });
  });

  it("when the child runs on Meilisearch, then it gets the run's server, key and index, not the caller's", () => {
    const env = childEnv(
      { engine: 'meilisearch', url: 'http://127.0.0.1:9', apiKey: undefined, indexUid: 'bench_x' },
      {},
      parent,
    );
    expect(env).toEqual({
      PATH: '/bin',
      SEARCH_ENGINE: 'meilisearch',
      MEILI_URL: 'http://127.0.0.1:9',
      MEILI_INDEX: 'bench_x',
    });
  });
});

describe('engine options', () => {
  it('when --engine is absent, then SQLite alone runs and no server is needed', () => {
    expect(parseBenchArgs([], {})).toMatchObject({ engines: ['sqlite'], meili: undefined });
  });

  it('when Meilisearch is asked for without MEILI_BIN or MEILI_URL, then the error names both', () => {
    expect(() => parseBenchArgs(['--engine', 'sqlite,meilisearch'], {})).toThrow(/MEILI_BIN.*MEILI_URL/s);
  });

  it('when MEILI_URL and MEILI_BIN are both set, then the existing server is used', () => {
    const options = parseBenchArgs(['--engine', 'meilisearch,sqlite'], {
      MEILI_URL: 'http://127.0.0.1:7700',
      MEILI_API_KEY: 'k',
      MEILI_BIN: '/opt/meilisearch',
    });
    expect(options.engines).toEqual(['sqlite', 'meilisearch']);
    expect(options.meili).toEqual({ kind: 'url', url: 'http://127.0.0.1:7700', apiKey: 'k' });
    expect(meiliSourceFrom({ MEILI_BIN: '/opt/meilisearch' })).toEqual({ kind: 'bin', bin: '/opt/meilisearch' });
  });

  it('when the list is unknown or leaves SQLite out, then it is refused', () => {
    expect(() => parseEngineList('sqlite,elastic')).toThrow(/unknown engine "elastic"/);
    expect(() => parseEngineList('meilisearch')).toThrow(/list sqlite too/);
    expect(() => meiliSourceFrom({ MEILI_URL: 'localhost:7700' })).toThrow(/MEILI_URL/);
  });

  it('when naming the bench index, then it never is the service index and holds only allowed characters', () => {
    expect(benchIndexUid('reuters-21578')).toBe('bench_reuters-21578');
    expect(benchIndexUid('a b.c')).toMatch(/^bench_[A-Za-z0-9_-]+$/);
  });
});

describe('listening process', () => {
  it('when reading /proc/net/tcp, then only LISTEN sockets on the port are returned', () => {
    const text = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:1E61 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0',
      '   1: 0100007F:1E61 0100007F:D0C2 01 00000000:00000000 00:00000000 00000000  1000        0 4343 1 0',
      '   2: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4444 1 0',
    ].join('\n');
    expect(listeningInodes(text, 7777)).toEqual(['4242']);
    expect(listeningInodes(text, 8080)).toEqual(['4444']);
  });

  it.skipIf(process.platform !== 'linux')('when this process listens on a port, then its pid is found', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const address = server.address();
      expect(typeof address === 'object' && address ? findListeningPid(address.port) : undefined).toBe(process.pid);
    } finally {
      server.close();
    }
  });
});

describe('side-by-side tables', () => {
  const summary = (p50: number, p95: number) => ({ count: 3, p50, p95, p99: p95, mean: p50, max: p95 });
  const types = ['common', 'common', 'rare'] as const;
  const sqliteHttp = { ms: [2, 4, 1], hits: [50, 40, 3] };
  const meiliHttp = { ms: [4, 8, 1], hits: [50, 41, 3] };
  const engine = (name: 'sqlite' | 'meilisearch', version: string, http: typeof sqliteHttp): EngineResults => ({
    engine: name,
    version,
    origin: '',
    latency: [...QUERY_TYPES, 'mix' as const].map((key) =>
      engineLatencyRow(key, { types, n: 100, http: [http], sqlite: name === 'sqlite' ? undefined : sqliteHttp }),
    ),
    suggest: { prefixes: 3, http: summary(name === 'sqlite' ? 1 : 3, 2) },
    indexing: {
      runs: 1,
      articlesPerSecond: name === 'sqlite' ? 1_000 : 500,
      seconds: 1,
      peakRssMiB: 100,
      peakRssMethod: 'gnu-time',
      dbMiB: 10,
      walMiB: 0,
      summary: '',
    },
    api: {
      startMs: 100,
      rssAfterStartMiB: 80,
      rssAfterRunMiB: 90,
      peakRssMiB: 95,
      errors: 0,
      inProcessErrors: 0,
      ...(name === 'meilisearch' ? { serverRssAfterRunMiB: 200 } : {}),
    },
  });
  const engines = [engine('sqlite', '3.50.4', sqliteHttp), engine('meilisearch', '1.48.3', meiliHttp)];

  it('when Meilisearch answered the same queries, then its totals are compared with SQLite query by query', () => {
    expect(engines[1]!.latency.find((r) => r.key === 'common')?.totalsVsSqlite).toEqual({ equal: 1, total: 2 });
    expect(engines[0]!.latency.find((r) => r.key === 'common')?.totalsVsSqlite).toBeUndefined();
  });

  it('when rendering latency, then each column names engine and version and the ratio is meilisearch/sqlite', () => {
    const table = renderEngineLatencyTable(engines);
    expect(table).toMatch(/sqlite 3\.50\.4 p50 .*meilisearch 1\.48\.3 p50 .*meilisearch\/sqlite p50/);
    // common: p50 of [2, 4] = 3 against [4, 8] = 6 -> 2.00x; suggest 3 / 1 -> 3.00x.
    expect(table).toMatch(/^common +\| +3\.00 \| .* \| +2\.00x \| .* \| +1\/2$/m);
    expect(table).toMatch(/^suggest +\|.* 3\.00x \|/m);
    for (const key of [...QUERY_TYPES, 'mix', 'suggest']) expect(table).toMatch(new RegExp(`^${key} +\\|`, 'm'));
  });

  it('when rendering memory, then the embedded engine has no server and the service total adds the server', () => {
    const table = renderEngineResourceTable(engines);
    expect(table).toMatch(/^engine server RSS after the run, MiB +\| +\(embedded\) \| +200 \|/m);
    expect(table).toMatch(/^API \+ engine server RSS after the run, MiB +\| +90 \| +290 \| +3\.22x$/m);
    expect(table).toMatch(/^indexing rate, articles\/s .*\| +1,000 \| +500 \| +0\.50x$/m);
  });
});
