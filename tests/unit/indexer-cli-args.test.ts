import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { EngineUnavailableError } from '../../src/errors.js';
import { parseCliArgs, UsageError } from '../../indexer/cli-args.js';
import { DEFAULT_BATCH_SIZE } from '../../src/ingest/index-articles.js';
import {
  describeFatal,
  exitCodeFor,
  formatInvalidLines,
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
  duplicates: 0,
  deleted: 3,
  skippedFiles: 1,
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

  it('when a run ends, then the summary is one line with counts, seconds and rate', () => {
    const line = formatSummary(report({ invalidCount: 4 }));
    expect(line).toBe(
      'read 1,204, indexed 1,200, invalid 4, duplicates 0, deleted 3, skipped files 1 in 2.5 s (480 articles/s)',
    );
    expect(line).not.toContain('\n');
  });

  it('when the run took no measurable time, then the rate is still a number', () => {
    expect(formatSummary(report({ durationMs: 0 }))).toMatch(/\(1,200,000 articles\/s\)$/);
  });

  it('when there are more invalid records than the cap, then the rest is counted', () => {
    const invalid = Array.from({ length: 60 }, (_, i) => ({
      source: 'a.ndjson',
      line: i + 1,
      errors: [{ path: 'title', message: 'must not be empty' }],
    }));
    const lines = formatInvalidLines({ invalid, invalidCount: 75 });
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe('a.ndjson:1: title must not be empty');
    expect(lines[50]).toBe('... and 25 more invalid records');
  });

  it('when an error has no path or several issues, then the line stays readable', () => {
    const lines = formatInvalidLines({
      invalid: [
        { source: 'b.bin', line: 0, errors: [{ path: '', message: 'binary file' }] },
        {
          source: 'c.csv',
          line: 4,
          errors: [
            { path: 'section', message: 'required' },
            { path: 'tags.2', message: 'too long' },
          ],
        },
      ],
      invalidCount: 2,
    });
    expect(lines).toEqual(['b.bin:0: binary file', 'c.csv:4: section required; tags.2 too long']);
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
