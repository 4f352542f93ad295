import { z } from 'zod';

/** Most invalid records kept in a report; the rest are only counted, so memory stays flat. */
export const MAX_REPORTED_INVALID = 10_000;

/** One field-level problem of an invalid record; `path` is dotted ("tags.3"), empty for the whole record. */
export const RecordIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});

/**
 * A record that was not indexed: where it is (`line` 0 when the whole file could not be
 * read) and why. Shared with the admin API's bulk import.
 */
export const InvalidRecordSchema = z
  .object({
    source: z.string().describe('File path as given to the indexer'),
    line: z.number().int().min(0).describe('1-based line where the record starts; 0 for a file error'),
    errors: z.array(RecordIssueSchema).min(1),
  })
  .meta({ id: 'InvalidRecord' });

/** What an indexing run did. `read` = `indexed` + `duplicates` + invalid records (file errors excluded). */
export const IndexReportSchema = z
  .object({
    read: z.number().int().min(0).describe('Records read from the sources'),
    indexed: z.number().int().min(0).describe('Distinct articles written to the index'),
    invalid: z
      .array(InvalidRecordSchema)
      .describe(`Invalid records and file errors, the first ${MAX_REPORTED_INVALID} of them`),
    invalidCount: z.number().int().min(0).describe('All invalid records and file errors, even beyond the list'),
    duplicates: z
      .number()
      .int()
      .min(0)
      .describe('Valid records whose id appeared earlier in the run (the last one wins)'),
    deleted: z.number().int().min(0).describe('Articles removed by --sync'),
    skippedFiles: z.number().int().min(0).describe('Files inside folders with an extension the indexer does not read'),
    durationMs: z.number().min(0),
  })
  .meta({ id: 'IndexReport' });

/** One invalid record or file error. */
export type InvalidRecord = z.output<typeof InvalidRecordSchema>;
/** The result of `indexSources`. */
export type IndexReport = z.output<typeof IndexReportSchema>;
