import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild, TSX_NODE_ARGS } from '../lib/proc.js';

const GNU_TIME = '/usr/bin/time';

/** One indexing run through the real CLI. */
export interface IndexRun {
  seconds: number;
  articlesPerSecond: number;
  /** Exact peak RSS from `/usr/bin/time -v`'s field when present, else VmHWM polling. */
  peakRssBytes: number | undefined;
  peakRssMethod: 'gnu-time' | 'vmhwm-poll';
  dbBytes: number;
  walBytes: number;
  exitCode: number | null;
  /** The CLI's own summary line (its last line of output). */
  summary: string;
}

/** Removes a database and its WAL/SHM side files, so every run starts from nothing. */
export function removeDatabase(dbPath: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
}

/**
 * Indexes `ndjsonPath` into a fresh `dbPath` with `indexer/cli.ts`, end to end (process
 * start, parsing, validation, FTS5, vocabulary, optimisation), in one node process.
 * Exit 1 throws; exit 2 (some invalid records) is reported, since the rate is still real.
 */
export async function runIndexer(ndjsonPath: string, dbPath: string, n: number, timeoutMs: number): Promise<IndexRun> {
  removeDatabase(dbPath);
  const useTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(scratch, 'maxrss');
  const cli = [...TSX_NODE_ARGS, 'indexer/cli.ts', ndjsonPath];
  const [command, args] = useTime
    ? [GNU_TIME, ['-f', '%M', '-o', timeFile, process.execPath, ...cli]]
    : [process.execPath, cli];
  try {
    const outcome = await runChild(command, args, {
      env: { ...process.env, SQLITE_PATH: dbPath, LOG_LEVEL: 'warn' },
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
    return {
      seconds,
      articlesPerSecond: n / seconds,
      peakRssBytes: Number.isFinite(gnuKb) ? gnuKb * 1024 : outcome.peakRssBytes,
      peakRssMethod: Number.isFinite(gnuKb) ? 'gnu-time' : 'vmhwm-poll',
      dbBytes: sizeOf(dbPath),
      walBytes: sizeOf(`${dbPath}-wal`),
      exitCode: outcome.code,
      summary,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function sizeOf(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.trim() ?? '';
}
