import { z } from 'zod';
import { InvalidRecordSchema } from '../../ingest/index-report.schema.js';
import { AppError, ErrorCode } from '../../errors.js';
import { ProblemDetailsSchema } from '../middleware/problem-details.js';

/**
 * Limits of one write request. `lockWaitMs`: how long a write waits while another process (the
 * indexer) holds the index before it answers 503 `index_busy`, so a client hears back within 2 s.
 */
export const ADMIN_LIMITS = { maxArticles: 1_000, maxBodyBytes: 10 * 1024 * 1024, lockWaitMs: 1_000 } as const;

/** Where admin-API records come from, in the indexer's report shape. */
export const BODY_SOURCE = 'body';

/** Answer of `POST /api/articles` (200 all valid, 207 some invalid): the indexer's report shape. */
export const WriteReportSchema = z
  .object({
    indexed: z
      .number()
      .int()
      .min(0)
      .describe('Distinct articles written (a repeated id counts once; the last copy wins)'),
    invalid: z
      .array(InvalidRecordSchema)
      .describe('Records not indexed: source "body", line = 1-based position in the batch'),
  })
  .meta({ id: 'WriteReport' });
export type WriteReport = z.output<typeof WriteReportSchema>;

/** 422 answer when no record of the batch is valid: problem details plus the same report. */
export const WriteRejectedSchema = ProblemDetailsSchema.extend({
  indexed: z.literal(0),
  invalid: z.array(InvalidRecordSchema),
}).meta({ id: 'WriteRejected' });

/**
 * The parsed JSON body -> its records: one object is a batch of one; a batch holds 1 to 1,000.
 * Each record is validated later, on its own, so one bad article never rejects the batch.
 * @throws AppError 413 `payload_too_large` past 1,000 records; 400 `invalid_parameter` (path `body`) for anything else
 */
export function toWriteRecords(body: unknown): unknown[] {
  const records = Array.isArray(body) ? body : [body];
  if (records.length > ADMIN_LIMITS.maxArticles) {
    throw new AppError(ErrorCode.payloadTooLarge, 413, 'Too many articles', {
      detail: `At most ${ADMIN_LIMITS.maxArticles} articles per request; split the batch.`,
    });
  }
  if (records.length === 0 || (!Array.isArray(body) && (typeof body !== 'object' || body === null))) {
    throw new AppError(ErrorCode.invalidParameter, 400, 'Invalid request body', {
      errors: [
        { path: 'body', message: `must be an article or an array of 1 to ${ADMIN_LIMITS.maxArticles} articles` },
      ],
    });
  }
  return records;
}
