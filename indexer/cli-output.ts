import { ConfigError } from '../src/config.js';
import { isAppError } from '../src/errors.js';
import { UsageError } from './cli-args.js';
import type { IndexProgress } from '../src/ingest/index-articles.js';
import type { IndexReport } from '../src/ingest/index-report.schema.js';
import { IndexerError } from '../src/ingest/indexer-error.js';

/** Process exit codes of the indexer CLI. */
export const ExitCode = { ok: 0, fatal: 1, invalidRecords: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Invalid records printed to stderr before the rest is summarised as a count. */
export const MAX_PRINTED_INVALID = 50;

/** 0 when every record was valid, 2 when some were not (the valid ones are indexed all the same). */
export function exitCodeFor(report: Pick<IndexReport, 'invalidCount'>): ExitCode {
  return report.invalidCount > 0 ? ExitCode.invalidRecords : ExitCode.ok;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Articles per second, never dividing by zero. */
export function articlesPerSecond(articles: number, ms: number): number {
  return Math.round((articles * 1000) / Math.max(ms, 1));
}

/**
 * The one line printed on stdout at the end of a run.
 * @example "read 1,204, indexed 1,200, invalid 4, duplicates 0, deleted 0, skipped files 0 in 2.5 s (480 articles/s)"
 */
export function formatSummary(report: IndexReport): string {
  return (
    `read ${count(report.read)}, indexed ${count(report.indexed)}, invalid ${count(report.invalidCount)}, ` +
    `duplicates ${count(report.duplicates)}, deleted ${count(report.deleted)}, skipped files ${count(report.skippedFiles)} ` +
    `in ${(report.durationMs / 1000).toFixed(1)} s (${count(articlesPerSecond(report.indexed, report.durationMs))} articles/s)`
  );
}

/**
 * One `file:line: path message` line per invalid record, at most `max`, then how many more.
 * @example ["seed/a.ndjson:3: publishedAt must be an ISO 8601 date", "... and 7 more invalid records"]
 */
export function formatInvalidLines(
  report: Pick<IndexReport, 'invalid' | 'invalidCount'>,
  max = MAX_PRINTED_INVALID,
): string[] {
  const lines = report.invalid.slice(0, max).map((record) => {
    const issues = record.errors.map((e) => (e.path === '' ? e.message : `${e.path} ${e.message}`)).join('; ');
    return `${record.source}:${record.line}: ${issues}`;
  });
  const more = report.invalidCount - lines.length;
  if (more > 0) lines.push(`... and ${count(more)} more invalid record${more === 1 ? '' : 's'}`);
  return lines;
}

/** The plain progress line written every few seconds when the output is not a terminal; the rate counts records read. */
export function formatProgressLine(progress: IndexProgress, elapsedMs: number): string {
  const percent = progress.bytesTotal > 0 ? Math.floor((progress.bytesRead / progress.bytesTotal) * 100) : 100;
  return (
    `progress: ${percent}% of ${(progress.bytesTotal / 1e6).toFixed(1)} MB, read ${count(progress.read)}, ` +
    `indexed ${count(progress.indexed)}, invalid ${count(progress.invalid)}, ` +
    `${count(articlesPerSecond(progress.read, elapsedMs))} articles/s`
  );
}

/**
 * The message shown for an error that stops the run. Our own errors carry messages written
 * for the operator; anything else may quote a vendor or a URL, so only its kind is shown.
 */
export function describeFatal(error: unknown): string {
  if (error instanceof UsageError || error instanceof IndexerError || error instanceof ConfigError)
    return error.message;
  if (isAppError(error)) return error.detail ? `${error.message}: ${error.detail}` : error.message;
  return `unexpected ${error instanceof Error ? error.name : 'error'} (details in the log)`;
}
