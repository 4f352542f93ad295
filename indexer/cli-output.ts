import { ConfigError } from '../src/config.js';
import { isAppError } from '../src/errors.js';
import { UsageError } from './cli-args.js';
import type { IndexProgress } from '../src/ingest/index-articles.js';
import { MAX_REPORTED_INVALID, type IndexReport } from '../src/ingest/index-report.schema.js';
import { IndexerError } from '../src/ingest/indexer-error.js';

/** Process exit codes of the indexer CLI. */
export const ExitCode = { ok: 0, fatal: 1, invalidRecords: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Problem lines (warnings, unreadable files, invalid records, skipped files) printed before the rest is counted. */
export const MAX_PRINTED_PROBLEMS = 50;

/**
 * 0 when every record was valid and every file read, 2 when not (the valid ones are indexed
 * all the same). Warnings (an empty file) do not change it.
 */
export function exitCodeFor(report: Pick<IndexReport, 'invalidCount' | 'unreadable'>): ExitCode {
  return report.invalidCount > 0 || report.unreadable.length > 0 ? ExitCode.invalidRecords : ExitCode.ok;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Articles per second, never dividing by zero. */
export function articlesPerSecond(articles: number, ms: number): number {
  return Math.round((articles * 1000) / Math.max(ms, 1));
}

/**
 * The one line printed on stdout at the end of a run; read = indexed + duplicates + invalid.
 * @example "read 1,204, indexed 1,200, invalid 4, duplicates 0, deleted 0, unreadable files 0, skipped files 0 in 2.5 s (480 articles/s)"
 */
export function formatSummary(report: IndexReport): string {
  return (
    `read ${count(report.read)}, indexed ${count(report.indexed)}, invalid ${count(report.invalidCount)}, ` +
    `duplicates ${count(report.duplicates)}, deleted ${count(report.deleted)}, ` +
    `unreadable files ${count(report.unreadable.length)}, skipped files ${count(report.skippedFiles)} ` +
    `in ${(report.durationMs / 1000).toFixed(1)} s (${count(articlesPerSecond(report.indexed, report.durationMs))} articles/s)`
  );
}

const more = (n: number, noun: string) => `${count(n)} more ${noun}${n === 1 ? '' : 's'}`;

/**
 * What went wrong, one line each, at most `max`: warnings, unreadable files (named without a
 * line), invalid records (`file:line: path message`), skipped files; then how many more, and
 * where to find them all.
 * @example ["warning: e.ndjson: empty file: nothing to index", "b.json: binary file ...", "a.ndjson:3: body is required",
 *   "... and 7 more invalid records: --report FILE lists them"]
 */
export function formatProblemLines(
  report: Pick<IndexReport, 'warnings' | 'unreadable' | 'invalid' | 'invalidCount' | 'skipped' | 'skippedFiles'>,
  options: { reportFile?: string | undefined; max?: number } = {},
): string[] {
  const max = options.max ?? MAX_PRINTED_PROBLEMS;
  const groups = [
    {
      noun: 'warning',
      total: report.warnings.length,
      lines: report.warnings.map((w) => `warning: ${w.source}: ${w.message}`),
    },
    {
      noun: 'unreadable file',
      total: report.unreadable.length,
      lines: report.unreadable.map((u) => `${u.source}: ${u.error}`),
    },
    { noun: 'invalid record', total: report.invalidCount, lines: report.invalid.map(formatInvalid) },
    {
      noun: 'skipped file',
      total: report.skippedFiles,
      lines: report.skipped.map((path) => `${path}: skipped, not a format the indexer reads`),
    },
  ];
  const out: string[] = [];
  const left: string[] = [];
  for (const group of groups) {
    const shown = group.lines.slice(0, Math.max(0, max - out.length));
    out.push(...shown);
    if (group.total > shown.length) left.push(more(group.total - shown.length, group.noun));
  }
  if (left.length === 0) return out;
  const capped = groups.some((group) => group.total > MAX_REPORTED_INVALID);
  const where = options.reportFile === undefined ? '--report FILE lists them' : `see ${options.reportFile}`;
  out.push(
    `... and ${left.join(', ')}: ${where}${capped ? ` (up to ${count(MAX_REPORTED_INVALID)} of each kind)` : ''}`,
  );
  return out;
}

function formatInvalid(record: IndexReport['invalid'][number]): string {
  const issues = record.errors.map((e) => (e.path === '' ? e.message : `${e.path} ${e.message}`)).join('; ');
  return `${record.source}:${record.line}: ${issues}`;
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
