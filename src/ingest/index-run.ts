import type { Logger } from '../logger.js';
import type { ArticleIndex } from '../search/search-engine.js';
import { MAX_REPORTED_INVALID, type InvalidRecord, type UnreadableFile } from './index-report.schema.js';
import type { SourceRecord } from './sources/source-record.js';
import { ArticleBatch, validateRecord } from './article-batch.js';

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
  #batch = new ArticleBatch();
  // The batch being written while the next one is read and validated: the index writes on
  // another thread (SQLite) or server (Meilisearch), so reading need not wait for it.
  #inFlight: Promise<void> | undefined;

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
    const origin = { source: record.source, line: record.line };
    const { article, invalid } = validateRecord(record.value, origin);
    if (invalid) {
      this.#reject(invalid);
      return;
    }
    if (this.seen.has(article.id)) this.duplicates += 1;
    else this.#firstSeenInBatch.add(article.id);
    this.seen.add(article.id);
    this.#batch.add(article, origin);
    if (this.#batch.size >= this.batchSize) await this.#send();
  }

  /**
   * Sends the pending batch, if any, and waits until every batch sent is written. Articles the
   * engine rejects one by one are reported as invalid records (the rest of the batch is
   * stored); any other adapter failure propagates and ends the run.
   */
  async flush(): Promise<void> {
    await this.#send();
    await this.#settle();
  }

  /**
   * Starts writing the pending batch once the one before it is written: at most one batch is in
   * flight, so memory holds two batches at most and batches are written in order.
   */
  async #send(): Promise<void> {
    if (this.#batch.size === 0) return;
    const batch = this.#batch;
    const firstSeen = this.#firstSeenInBatch;
    this.#batch = new ArticleBatch();
    this.#firstSeenInBatch = new Set();
    await this.#settle();
    const writing = this.#write(batch, firstSeen);
    // Handled where it is awaited (#settle); until then a failure must not count as unhandled.
    writing.catch(() => undefined);
    this.#inFlight = writing;
  }

  /** When the run fails elsewhere: lets the batch in flight end (its failure is not the run's error). */
  async abandon(): Promise<void> {
    await this.#settle().catch(() => undefined);
  }

  /** Waits for the batch in flight; its failure is thrown here. */
  async #settle(): Promise<void> {
    const inFlight = this.#inFlight;
    this.#inFlight = undefined;
    await inFlight;
  }

  async #write(batch: ArticleBatch, firstSeen: Set<string>): Promise<void> {
    const size = batch.size;
    // An article the engine refused is invalid, no longer indexed (or a duplicate).
    for (const { id, record } of await batch.writeTo(this.index)) {
      if (!firstSeen.delete(id)) this.duplicates -= 1;
      this.#reject(record);
    }
    // Counted only after success: a failed batch is not indexed.
    this.indexed += firstSeen.size;
    this.logger.debug({ size, indexed: this.indexed }, 'batch indexed');
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
