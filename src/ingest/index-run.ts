import type { z } from 'zod';
import { ArticlesRejectedError } from '../errors.js';
import { ArticleInputSchema, type Article } from '../articles/article.schema.js';
import type { Logger } from '../logger.js';
import type { ArticleIndex } from '../search/search-engine.js';
import { MAX_REPORTED_INVALID, type InvalidRecord, type UnreadableFile } from './index-report.schema.js';
import type { SourceRecord } from './sources/source-record.js';

/** Counters of a run in progress, as `onProgress` receives them. */
export interface IndexProgress {
  read: number;
  indexed: number;
  invalid: number;
  bytesRead: number;
  bytesTotal: number;
}

/**
 * The mutable state of one indexing run: validates records, batches valid articles and
 * sends each full batch to the index, counts everything for the report.
 * @remarks Ids seen in the run are kept (for duplicates and `--sync`): memory grows with the
 * number of articles, never with their size.
 */
export class IndexRun {
  readonly seen = new Set<string>();
  readonly invalid: InvalidRecord[] = [];
  /** Files that could not be read: not records, so they count in neither `read` nor `invalidCount`. */
  readonly unreadable: UnreadableFile[] = [];
  read = 0;
  duplicates = 0;
  invalidCount = 0;
  bytesRead = 0;
  /** Distinct articles written by successful batches. */
  indexed = 0;
  // Ids of the pending batch seen for the first time: they count as indexed once it is sent.
  #firstSeenInBatch = new Set<string>();
  // A Map so that a second copy of an id in the same batch replaces the first (last one wins).
  #batch = new Map<string, Article>();
  // Where each article of the pending batch was read, to report one the engine rejects.
  #origins = new Map<string, { source: string; line: number }>();

  constructor(
    private readonly index: ArticleIndex,
    private readonly batchSize: number,
    readonly bytesTotal: number,
    private readonly logger: Logger,
  ) {}

  /** Handles one record; sends the batch when it is full. */
  async add(record: SourceRecord): Promise<void> {
    if (record.kind === 'file-error') {
      this.logger.warn({ source: record.source, reason: record.error }, 'source file not read');
      this.unreadable.push({ source: record.source, error: record.error });
      return;
    }
    this.read += 1;
    if (record.kind === 'invalid') {
      this.#reject({ source: record.source, line: record.line, errors: [{ path: '', message: record.error }] });
      return;
    }
    const parsed = ArticleInputSchema.safeParse(record.value);
    if (!parsed.success) {
      this.#reject({ source: record.source, line: record.line, errors: toRecordIssues(parsed.error) });
      return;
    }
    const article = parsed.data;
    if (this.seen.has(article.id)) this.duplicates += 1;
    else this.#firstSeenInBatch.add(article.id);
    this.seen.add(article.id);
    this.#batch.delete(article.id);
    this.#batch.set(article.id, article);
    this.#origins.set(article.id, { source: record.source, line: record.line });
    if (this.#batch.size >= this.batchSize) await this.flush();
  }

  /**
   * Sends the pending batch, if any. Articles the engine rejects one by one are reported as
   * invalid records (the rest of the batch is stored); any other adapter failure propagates
   * and ends the run.
   */
  async flush(): Promise<void> {
    if (this.#batch.size === 0) return;
    const batch = [...this.#batch.values()];
    try {
      await this.index.upsert(batch);
    } catch (error) {
      if (!(error instanceof ArticlesRejectedError)) throw error;
      for (const { id, message } of error.rejected) this.#rejectStored(id, message);
    }
    // Counted only after success: a failed batch is not indexed.
    this.indexed += this.#firstSeenInBatch.size;
    this.#firstSeenInBatch.clear();
    this.#batch.clear();
    this.#origins.clear();
    this.logger.debug({ size: batch.length, indexed: this.indexed }, 'batch indexed');
  }

  /** An article of the pending batch that the engine refused: invalid, and no longer indexed or a duplicate. */
  #rejectStored(id: string, message: string): void {
    const origin = this.#origins.get(id) ?? { source: '', line: 1 };
    if (!this.#firstSeenInBatch.delete(id)) this.duplicates -= 1;
    this.#reject({ ...origin, errors: [{ path: '', message }] });
  }

  /** Current counters. */
  progress(): IndexProgress {
    return {
      read: this.read,
      indexed: this.indexed,
      invalid: this.invalidCount,
      bytesRead: this.bytesRead,
      bytesTotal: this.bytesTotal,
    };
  }

  #reject(record: InvalidRecord): void {
    this.invalidCount += 1;
    if (this.invalid.length < MAX_REPORTED_INVALID) this.invalid.push(record);
  }
}

/**
 * zod issues -> `{ path, message }`, paths dotted. The article schema words its own messages
 * plainly ("is required", "must be a list"), so they are shown as they are.
 * @example { path: ["tags", 3], message: "must not be empty" } -> { path: "tags.3", message: "must not be empty" }
 */
export function toRecordIssues(error: z.ZodError): InvalidRecord['errors'] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
