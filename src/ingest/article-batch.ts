import type { z } from 'zod';
import { ArticleInputSchema, type Article } from '../articles/article.schema.js';
import { ArticlesRejectedError } from '../errors.js';
import type { ArticleIndex } from '../search/search-engine.js';
import type { InvalidRecord } from './index-report.schema.js';

/**
 * Validation and batching shared by the indexer's runs and the admin API's writes, so that a
 * record is judged, a repeated id resolved and an article the engine refuses reported the same
 * way whichever door it came through.
 */

/** Where a record was read: its file (or `body`) and 1-based line (or position in the batch). */
export interface RecordOrigin {
  source: string;
  line: number;
}

/**
 * One record -> the article, or the invalid record saying where it was and why.
 * @example validateRecord({ title: '' }, { source: 'a.ndjson', line: 3 }) -> { invalid: { source: 'a.ndjson', line: 3, errors: [...] } }
 */
export function validateRecord(
  value: unknown,
  origin: RecordOrigin,
): { article: Article; invalid?: never } | { article?: never; invalid: InvalidRecord } {
  const parsed = ArticleInputSchema.safeParse(value);
  if (parsed.success) return { article: parsed.data };
  return { invalid: { ...origin, errors: toRecordIssues(parsed.error) } };
}

/** An article of a batch that the engine would not store, as the invalid record of where it was read. */
export interface RejectedRecord {
  id: string;
  record: InvalidRecord;
}

/**
 * Articles waiting to be written, one per id: a later copy replaces an earlier one and moves
 * to the end (the last copy wins, and is written where it came), remembering where it was read.
 */
export class ArticleBatch {
  readonly #byId = new Map<string, { article: Article; origin: RecordOrigin }>();

  /** Adds an article; returns whether its id was new to the batch. */
  add(article: Article, origin: RecordOrigin): boolean {
    const repeated = this.#byId.delete(article.id);
    this.#byId.set(article.id, { article, origin });
    return !repeated;
  }

  get size(): number {
    return this.#byId.size;
  }

  /** The articles, in the order of their last copies. */
  articles(): Article[] {
    return Array.from(this.#byId.values(), (entry) => entry.article);
  }

  clear(): void {
    this.#byId.clear();
  }

  /**
   * Upserts the batch. Articles the engine refuses one by one (`ArticlesRejectedError`: too
   * large for it, say) come back as invalid records where they were read; the rest of the batch
   * is stored. Any other failure propagates: nothing of the batch counts then.
   */
  async writeTo(index: ArticleIndex): Promise<RejectedRecord[]> {
    try {
      await index.upsert(this.articles());
      return [];
    } catch (error) {
      if (!(error instanceof ArticlesRejectedError)) throw error;
      return error.rejected.map(({ id, message }) => ({
        id,
        record: { ...(this.#byId.get(id)?.origin ?? { source: '', line: 1 }), errors: [{ path: '', message }] },
      }));
    }
  }
}

/**
 * A batch of records given at once (the admin API's body) -> the batch of valid articles, the
 * last copy of each id winning, and the invalid records with their 1-based position as `line`.
 * @example validateBatch([a1, { title: '' }, a1v2], 'body') -> { batch: [a1v2], invalid: [{ source: 'body', line: 2, errors }] }
 */
export function validateBatch(
  records: readonly unknown[],
  source: string,
): { batch: ArticleBatch; invalid: InvalidRecord[] } {
  const batch = new ArticleBatch();
  const invalid: InvalidRecord[] = [];
  records.forEach((record, i) => {
    const origin = { source, line: i + 1 };
    const result = validateRecord(record, origin);
    if (result.invalid) invalid.push(result.invalid);
    else batch.add(result.article, origin);
  });
  return { batch, invalid };
}

/**
 * zod issues -> `{ path, message }`, paths dotted. The article schema words its own messages
 * plainly ("is required", "must be a list"), so they are shown as they are.
 * @example { path: ["tags", 3], message: "must not be empty" } -> { path: "tags.3", message: "must not be empty" }
 */
export function toRecordIssues(error: z.ZodError): InvalidRecord['errors'] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
