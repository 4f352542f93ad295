import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { EngineUnavailableError } from '../../src/errors.js';
import { parseCliArgs, UsageError } from '../../indexer/cli-args.js';
import { DEFAULT_BATCH_SIZE } from '../../src/ingest/index-articles.js';
import {
  describeFatal,
  exitCodeFor,
  formatProblemLines,
  formatProgressLine,
  formatSummary,
} from '../../indexer/cli-output.js';
import type { IndexReport } from '../../src/ingest/index-report.schema.js';
import { IndexerError, IndexerErrorCode } from '../../src/ingest/indexer-error.js';

const report = (overrides: Partial<IndexReport> = {}): IndexReport => ({
  read: 1204,
  indexed: 1200,
  invalid: [],
  invalidCount: 0,
  unreadable: [],
  duplicates: 0,
  deleted: 3,
  skippedFiles: 1,
  skipped: ['notes.docx'],
  warnings: [],
  durationMs: 2500,
  ...overrides,
});

describe('parseCliArgs', () => {
  it('when every option is given, then each is parsed', () => {
    expect(
      parseCliArgs([
        'seed',
        'more/pages',
        '--sync',
        '--rebuild',
        '--batch-size',
        '250',
        '--report',
        'out.json',
        '--timezone',
        'Europe/Berlin',
      ]),
    ).toEqual({
      help: false,
      paths: ['seed', 'more/pages'],
      sync: true,
      rebuild: true,
      batchSize: 250,
      reportFile: 'out.json',
      timezone: 'Europe/Berlin',
    });
  });

  it('when only paths are given, then defaults apply', () => {
    expect(parseCliArgs(['seed'])).toEqual({
      help: false,
      paths: ['seed'],
      sync: false,
      rebuild: false,
      batchSize: DEFAULT_BATCH_SIZE,
    });
  });

  it.each([
    [[], /at least one file or folder/],
    [['seed', '--batch-size', '0'], /--batch-size/],
    [['seed', '--batch-size', 'ten'], /--batch-size: must be a whole number/],
    [['seed', '--batch-size', '1e3'], /--batch-size/],
    [['seed', '--timezone', 'Mars/Base'], /--timezone: must be an IANA zone/],
    [['seed', '--unknown'], /unknown/i],
    [['seed', '--report'], /report/],
  ])('when the arguments are %j, then a UsageError names the problem', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('when --help is given, then no path is required', () => {
    expect(parseCliArgs(['--help']).help).toBe(true);
  });
});

describe('CLI output', () => {
  it('when every record was valid, then the exit code is 0; when some were not, 2', () => {
    expect(exitCodeFor(report())).toBe(0);
    expect(exitCodeFor(report({ invalidCount: 1 }))).toBe(2);
  });

  it('when a file could not be read, then the exit code is 2; warnings alone keep it 0', () => {
    expect(exitCodeFor(report({ unreadable: [{ source: 'b.bin', error: 'binary file' }] }))).toBe(2);
    expect(exitCodeFor(report({ warnings: [{ source: 'e.ndjson', message: 'empty file: nothing to index' }] }))).toBe(
      0,
    );
  });

  it('when a run ends, then the summary is one line with counts, seconds and rate', () => {
    const line = formatSummary(report({ invalidCount: 4, unreadable: [{ source: 'b.bin', error: 'binary file' }] }));
    expect(line).toBe(
      'read 1,204, indexed 1,200, invalid 4, duplicates 0, deleted 3, unreadable files 1, skipped files 1 in 2.5 s (480 articles/s)',
    );
    expect(line).not.toContain('\n');
  });

  it('when the run took no measurable time, then the rate is still a number', () => {
    expect(formatSummary(report({ durationMs: 0 }))).toMatch(/\(1,200,000 articles\/s\)$/);
  });

  it('when there are more invalid records than the cap, then the rest is counted and --report FILE is named', () => {
    const invalid = Array.from({ length: 60 }, (_, i) => ({
      source: 'a.ndjson',
      line: i + 1,
      errors: [{ path: 'title', message: 'must not be empty' }],
    }));
    const lines = formatProblemLines(report({ invalid, invalidCount: 75, skippedFiles: 0, skipped: [] }));
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe('a.ndjson:1: title must not be empty');
    expect(lines[50]).toBe('... and 25 more invalid records: --report FILE lists them');
  });

  it('when the report is being written to a file, then the cut names that file, and the limit when it applies', () => {
    const invalid = Array.from({ length: 10_000 }, (_, i) => ({
      source: 'a.ndjson',
      line: i + 1,
      errors: [{ path: 'title', message: 'must not be empty' }],
    }));
    const lines = formatProblemLines(report({ invalid, invalidCount: 12_000 }), { reportFile: 'out.json' });
    expect(lines.at(-1)).toBe(
      '... and 11,950 more invalid records, 1 more skipped file: see out.json (up to 10,000 of each kind)',
    );
  });

  it('when files were unreadable, skipped or empty, then each is named, a file without a line', () => {
    const lines = formatProblemLines(
      report({
        warnings: [{ source: 'e.ndjson', message: 'empty file: nothing to index' }],
        unreadable: [{ source: 'b.bin.json', error: 'binary file (NUL bytes), not a text format' }],
        invalid: [
          {
            source: 'c.csv',
            line: 4,
            errors: [
              { path: 'section', message: 'is required' },
              { path: 'tags.2', message: 'must not be empty' },
            ],
          },
          { source: 'd.ndjson', line: 2, errors: [{ path: '', message: 'not valid JSON: Unexpected token' }] },
        ],
        invalidCount: 2,
      }),
    );
    expect(lines).toEqual([
      'warning: e.ndjson: empty file: nothing to index',
      'b.bin.json: binary file (NUL bytes), not a text format',
      'c.csv:4: section is required; tags.2 must not be empty',
      'd.ndjson:2: not valid JSON: Unexpected token',
      'notes.docx: skipped, not a format the indexer reads',
    ]);
  });

  it('when progress is formatted, then it shows percent of bytes and counts', () => {
    expect(formatProgressLine({ read: 10, indexed: 9, invalid: 1, bytesRead: 5e6, bytesTotal: 20e6 }, 1000)).toBe(
      'progress: 25% of 20.0 MB, read 10, indexed 9, invalid 1, 10 articles/s',
    );
  });

  it('when a fatal error is ours, then its message is shown; when foreign, only its kind', () => {
    expect(describeFatal(new IndexerError(IndexerErrorCode.syncRefused, '--sync refused: x'))).toBe(
      '--sync refused: x',
    );
    expect(describeFatal(new ConfigError([{ variable: 'PORT', message: 'too big' }]))).toMatch(/PORT/);
    expect(describeFatal(new EngineUnavailableError(new Error('http://secret-host:7700 key=abc')))).toMatch(
      /^Search engine unavailable/,
    );
    const foreign = describeFatal(new TypeError('connect to http://user:pass@host failed'));
    expect(foreign).toBe('unexpected TypeError (details in the log)');
  });
});
