import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchEngine } from '../engines/bench-engine.js';
import { childEnv } from '../engines/engine-target.js';
import { runChild, TSX_NODE_ARGS } from '../lib/proc.js';

const GNU_TIME = '/usr/bin/time';

/** One indexing run through the real CLI. */
export interface IndexRun {
  seconds: number;
  articlesPerSecond: number;
  /** The indexer CLI's exact peak RSS from `/usr/bin/time -v`'s field when present, else VmHWM polling. */
  peakRssBytes: number | undefined;
  peakRssMethod: 'gnu-time' | 'vmhwm-poll';
  /** The index on disk after the run (SQLite: db and WAL files), undefined when unknown. */
  dbBytes: number | undefined;
  walBytes: number | undefined;
  /** Articles in the index after the run, as the engine counts them. */
  articleCount: number | undefined;
  /** The engine's server process after the run (Meilisearch): VmRSS, and VmHWM since it started. */
  serverRssBytes: number | undefined;
  serverPeakRssBytes: number | undefined;
  exitCode: number | null;
  /** The CLI's own summary line (its last line of output). */
  summary: string;
}

/**
 * Indexes `ndjsonPath` into a fresh index of `engine` with `indexer/cli.ts`, end to end (process
 * start, parsing, validation, and the engine's own work: FTS5, vocabulary and optimisation, or
 * Meilisearch's tasks, each awaited), in one node process.
 * Exit 1 throws; exit 2 (some invalid records) is reported, since the rate is still real.
 */
export async function runIndexer(
  ndjsonPath: string,
  engine: BenchEngine,
  n: number,
  timeoutMs: number,
): Promise<IndexRun> {
  await engine.reset();
  const useTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(scratch, 'maxrss');
  const cli = [...TSX_NODE_ARGS, 'indexer/cli.ts', ndjsonPath];
  const [command, args] = useTime
    ? [GNU_TIME, ['-f', '%M', '-o', timeFile, process.execPath, ...cli]]
    : [process.execPath, cli];
  try {
    const outcome = await runChild(command, args, {
      env: childEnv(engine.target, { LOG_LEVEL: 'warn' }),
      timeoutMs,
    });
    const summary = lastLine(outcome.stdout) || lastLine(outcome.stderr);
    if (outcome.timedOut) throw new Error(`indexer did not finish within ${timeoutMs / 1000} s`);
    if (outcome.code !== 0 && outcome.code !== 2) {
      throw new Error(`indexer failed (exit ${outcome.code}): ${outcome.stderr.slice(-2_000)}`);
    }
    const gnuKb =
      useTime && existsSync(timeFile) ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) : Number.NaN;
    const seconds = outcome.wallMs / 1000;
    const disk = await engine.diskBytes();
    const server = engine.serverMemory();
    return {
      seconds,
      articlesPerSecond: n / seconds,
      peakRssBytes: Number.isFinite(gnuKb) ? gnuKb * 1024 : outcome.peakRssBytes,
      peakRssMethod: Number.isFinite(gnuKb) ? 'gnu-time' : 'vmhwm-poll',
      dbBytes: disk?.main,
      walBytes: disk?.wal,
      articleCount: await engine.count(),
      serverRssBytes: server?.rss,
      serverPeakRssBytes: server?.peak,
      exitCode: outcome.code,
      summary,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.trim() ?? '';
}
