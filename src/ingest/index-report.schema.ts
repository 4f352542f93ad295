import { z } from 'zod';

/** Most invalid records (and skipped file names) kept in a report; the rest are only counted, so memory stays flat. */
export const MAX_REPORTED_INVALID = 10_000;

/** One field-level problem of an invalid record; `path` is dotted ("tags.3"), empty for the whole record. */
export const RecordIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});

/** A record that was not indexed: where it is and why. Shared with the admin API's bulk import. */
export const InvalidRecordSchema = z
  .object({
    source: z.string().describe('File path as given to the indexer'),
    line: z.number().int().min(1).describe('1-based line where the record starts'),
    errors: z.array(RecordIssueSchema).min(1),
  })
  .meta({ id: 'InvalidRecord' });

/** A file that could not be read (binary, not UTF-8, unreadable, unknown format): no line to point at. */
export const UnreadableFileSchema = z.object({
  source: z.string(),
  error: z.string(),
});

/** Something the operator should know that is not an error: an empty file, raw pages read in the default zone. */
export const IndexWarningSchema = z.object({
  source: z.string().describe('The file or folder concerned'),
  message: z.string(),
});

/** What an indexing run did. `read` = `indexed` + `duplicates` + `invalidCount` once every batch succeeded. */
export const IndexReportSchema = z
  .object({
    read: z.number().int().min(0).describe('Records read from the sources'),
    indexed: z.number().int().min(0).describe('Distinct articles written to the index'),
    duplicates: z
      .number()
      .int()
      .min(0)
      .describe('Valid records whose id appeared earlier in the run (the last one wins)'),
    invalid: z.array(InvalidRecordSchema).describe(`Invalid records, the first ${MAX_REPORTED_INVALID} of them`),
    invalidCount: z.number().int().min(0).describe('All invalid records, even beyond the list'),
    unreadable: z.array(UnreadableFileSchema).describe('Files that could not be read; none of their records counts'),
    skippedFiles: z.number().int().min(0).describe('Files inside folders with an extension the indexer does not read'),
    skipped: z.array(z.string()).describe(`Those files, the first ${MAX_REPORTED_INVALID} of them`),
    warnings: z.array(IndexWarningSchema),
    deleted: z.number().int().min(0).describe('Articles removed by --sync'),
    durationMs: z.number().min(0),
  })
  .meta({ id: 'IndexReport' });

/** One invalid record. */
export type InvalidRecord = z.output<typeof InvalidRecordSchema>;
/** One file that could not be read. */
export type UnreadableFile = z.output<typeof UnreadableFileSchema>;
/** One warning of a run. */
export type IndexWarning = z.output<typeof IndexWarningSchema>;
/** The result of `indexSources`. */
export type IndexReport = z.output<typeof IndexReportSchema>;
