import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureReutersCorpus } from './corpus/reuters-corpus.js';
import type { Corpus } from './corpus/corpus-stats.js';
import { ensureSyntheticCorpus } from './corpus/synthetic-corpus.js';
import { meiliBenchEngine, sqliteBenchEngine, type BenchEngine } from './engines/bench-engine.js';
import { benchIndexUid, type EngineName } from './engines/engine-target.js';
import { connectMeili, type MeiliConnection } from './engines/meili-source.js';
import { REPO_ROOT } from './lib/proc.js';
import { measureRuns, type RunSeries } from './measure-runs.js';
import type { BenchOptions } from './options.js';
import { PEERS, type PeerName } from './peers/peer-engine.js';
import { peerBounds, runPeer, type PeerRun } from './peers/run-peers.js';
import { runIndexer, type IndexRun } from './probes/index-probe.js';
import { measureInsertFloor } from './probes/insert-floor.js';
import { writeJson, type ProbeJob } from './probes/probe-io.js';
import { buildQueryMix, type BenchQuery } from './queries/query-mix.js';
import { relatedIds } from './queries/related-ids.js';
import { keystrokePrefixes } from './queries/suggest-prefixes.js';
import { summarizeResults } from './report/summarize.js';
import type { BenchResults } from './report/results.js';
import { renderReport } from './report/render-report.js';

/** What a benchmark run returns: the results file's content, the printed report, and the raw series for checks. */
export interface BenchOutcome {
  results: BenchResults;
  report: string;
  outPath: string;
  queries: readonly BenchQuery[];
  series: RunSeries;
  peers: Partial<Record<PeerName, PeerRun>>;
}

const WARMUP_PER_TYPE = 3;
/** Generous: 1M articles take about 10 minutes; this only stops a hung indexer. */
const INDEX_TIMEOUT_MS = 60 * 60_000;

/**
 * The whole benchmark: corpus, indexing runs, latency/throughput runs, peers, report.
 * Progress goes to `log` (stderr); the report is returned for the caller to print.
 */
export async function runBench(options: BenchOptions, log: (line: string) => void): Promise<BenchOutcome> {
  // The machine is shared: the load during the run says how much to trust small differences.
  const load = [loadavg()[0]!];
  const sampler = setInterval(() => load.push(loadavg()[0]!), 10_000).unref();
  const corpus = await prepareCorpus(options, log);
  const { n } = corpus.stats;
  // Next to the NDJSON: Reuters' cache lives outside the repository (see reutersCacheDir).
  const dbPath = join(dirname(corpus.ndjsonPath), `${corpus.name}.db`);
  const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
  let meili: MeiliConnection | undefined;
  try {
    if (options.meili) {
      meili = await connectMeili(options.meili);
      log(`meilisearch ${meili.version}: ${meili.origin}`);
    }
    const engines = benchEngines(options, dbPath, corpus.name, meili);
    const indexRuns = await indexEngines(options, engines, corpus, log);
    const insertFloor = indexRuns.sqlite && n < 1_000_000 ? await measureFloor(corpus.ndjsonPath, log) : undefined;

    const mix = buildQueryMix(corpus.stats, { seed: options.seed, perType: options.perType, warmup: WARMUP_PER_TYPE });
    const job: ProbeJob = {
      dbPath,
      ndjsonPath: corpus.ndjsonPath,
      n,
      warmup: mix.warmup,
      measured: mix.measured,
      suggest: keystrokePrefixes(corpus.stats.titles, options.quick ? 200 : 1_000),
      related: relatedIds(dbPath, options.perType),
      typeBudgetMs: 30 * 60_000,
      minDate: corpus.stats.minDate,
      maxDate: corpus.stats.maxDate,
    };
    const jobPath = join(scratch, 'job.json');
    writeJson(jobPath, job);
    // The API runs from the build, as `npm start` does; built once here, so no start-up time includes it.
    if (options.parts.has('http') || options.parts.has('throughput')) buildServer();
    const series = await measureRuns(options, engines, job, jobPath, scratch, log);
    const peers = options.parts.has('peers') ? await runPeers(job, scratch, log) : {};

    const results = summarizeResults({
      options,
      corpus,
      ndjsonBytes: statSync(corpus.ndjsonPath).size,
      engines: engines.map(({ name, version, origin, serverMemoryNote }) => ({
        name,
        version,
        origin,
        serverMemoryNote,
      })),
      indexRuns,
      insertFloor,
      series,
      peers,
      queries: mix.measured,
      machine: machine(load),
    });
    const outPath = options.out ?? join(REPO_ROOT, 'bench', 'results', `${corpus.name.split('-')[0]}-${n}.json`);
    mkdirSync(dirname(outPath), { recursive: true });
    writeFileSync(outPath, `${JSON.stringify(results, null, 2)}\n`);
    return { results, report: renderReport(results), outPath, queries: mix.measured, series, peers };
  } finally {
    clearInterval(sampler);
    rmSync(scratch, { recursive: true, force: true });
    await meili?.close();
  }
}

function buildServer(): void {
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stderr.toString().slice(-2_000)}`);
}

function benchEngines(
  options: BenchOptions,
  dbPath: string,
  corpusName: string,
  meili: MeiliConnection | undefined,
): BenchEngine[] {
  return options.engines.map((name) => {
    if (name === 'sqlite') return sqliteBenchEngine(dbPath);
    if (!meili) throw new Error('meilisearch: no server connected');
    return meiliBenchEngine(meili, benchIndexUid(corpusName), options.meili?.kind === 'bin');
  });
}

/**
 * Indexing runs through the indexer CLI, each engine in turn within a run. Without the
 * `index` part, an engine is indexed once only when its index is missing or incomplete
 * (that run is reported too: it is a measured figure like any other).
 */
async function indexEngines(
  options: BenchOptions,
  engines: readonly BenchEngine[],
  corpus: Corpus,
  log: (line: string) => void,
): Promise<Partial<Record<EngineName, IndexRun[]>>> {
  const { n } = corpus.stats;
  const runs: Partial<Record<EngineName, IndexRun[]>> = {};
  const needed = new Set<EngineName>();
  for (const engine of engines) {
    if (options.parts.has('index') || (await engine.count()) !== n) needed.add(engine.name);
  }
  const rounds = options.parts.has('index') ? options.runs : 1;
  for (let run = 1; run <= rounds; run++) {
    for (const engine of engines.filter((e) => needed.has(e.name))) {
      const result = await runIndexer(corpus.ndjsonPath, engine, n, INDEX_TIMEOUT_MS);
      (runs[engine.name] ??= []).push(result);
      log(
        `index run ${run} ${engine.name}: ${result.articlesPerSecond.toFixed(0)} articles/s, ${result.seconds.toFixed(1)} s | ${result.summary}`,
      );
    }
  }
  return runs;
}

/**
 * Bare FTS5 with the engine's prefix indexes over the same corpus, once: what bounds the
 * indexing rate (skipped at 1M, where the target is a time the indexer meets by far).
 */
async function measureFloor(ndjsonPath: string, log: (line: string) => void): Promise<number> {
  const floor = await measureInsertFloor(ndjsonPath, Infinity, '2 3');
  log(`insert floor (bare FTS5, prefix '2 3'): ${floor.rate.toFixed(0)} articles/s`);
  return floor.rate;
}

function prepareCorpus(options: BenchOptions, log: (line: string) => void): Promise<Corpus> {
  if (options.corpus === 'reuters') return ensureReutersCorpus(options.corpusDir, log);
  return Promise.resolve(
    ensureSyntheticCorpus(options.corpusDir, { n: options.n, seed: options.seed, bodyWords: options.bodyWords }, log),
  );
}

async function runPeers(
  job: ProbeJob,
  scratch: string,
  log: (line: string) => void,
): Promise<Partial<Record<PeerName, PeerRun>>> {
  const bounds = peerBounds(job.n);
  const jobPath = join(scratch, 'peer-job.json');
  writeJson(jobPath, { ...job, typeBudgetMs: bounds.typeMs });
  const runs: Partial<Record<PeerName, PeerRun>> = {};
  // One after the other: each may need many GiB, and running them together would skew both.
  for (const name of PEERS) {
    log(`peer ${name}: indexing and querying (bound ${bounds.processMs / 60_000} min)`);
    const run = await runPeer(name, jobPath, scratch, bounds.processMs);
    runs[name] = run;
    log(
      `peer ${name}: ${run.summary.status}, ${run.summary.articlesPerSecond?.toFixed(0) ?? '-'} articles/s, peak RSS ${run.summary.peakRssMiB?.toFixed(0) ?? '-'} MiB`,
    );
  }
  return runs;
}

function machine(load: readonly number[]): BenchResults['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: { mean: load.reduce((a, b) => a + b, 0) / load.length, max: Math.max(...load) },
  };
}
