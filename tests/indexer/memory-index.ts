import type { Article } from '../../src/articles/article.schema.js';
import { ArticlesRejectedError } from '../../src/errors.js';
import type { ArticleIndex, IndexRunOptions } from '../../src/search/search-engine.js';

/** One call made on the index, in order. */
export type IndexCall =
  | { method: 'begin'; options: IndexRunOptions | undefined }
  | { method: 'upsert'; ids: string[] }
  | { method: 'delete'; ids: string[] }
  | { method: 'finish' | 'close' };

/**
 * An in-memory `ArticleIndex` that records every call, for indexer tests. `failOnUpsert`
 * makes the n-th upsert (1-based) throw, all or nothing like the real adapters.
 */
export class MemoryArticleIndex implements ArticleIndex {
  readonly stored = new Map<string, Article>();
  readonly calls: IndexCall[] = [];
  upserts = 0;

  constructor(
    private readonly options: {
      failOnUpsert?: number;
      keepArticles?: boolean;
      /** Ids refused one by one (stored: the rest of the batch), as an engine's request limit would. */
      rejectIds?: ReadonlySet<string>;
    } = {},
  ) {}

  async begin(options?: IndexRunOptions): Promise<void> {
    this.calls.push({ method: 'begin', options });
    if (options?.rebuild) this.stored.clear();
  }

  async upsert(batch: readonly Article[]): Promise<void> {
    this.upserts += 1;
    this.calls.push({ method: 'upsert', ids: batch.map((a) => a.id) });
    if (this.upserts === this.options.failOnUpsert) throw new Error('engine down');
    if (this.options.keepArticles === false) return;
    const refused = batch.filter((a) => this.options.rejectIds?.has(a.id));
    for (const article of batch) if (!refused.includes(article)) this.stored.set(article.id, article);
    if (refused.length > 0) {
      throw new ArticlesRejectedError(refused.map((a) => ({ id: a.id, message: 'too large for the search engine' })));
    }
  }

  async delete(ids: readonly string[]): Promise<number> {
    this.calls.push({ method: 'delete', ids: [...ids] });
    return ids.filter((id) => this.stored.delete(id)).length;
  }

  async *listIds(): AsyncIterable<string> {
    for (const id of [...this.stored.keys()]) yield id;
  }

  async finish(): Promise<void> {
    this.calls.push({ method: 'finish' });
  }

  async count(): Promise<number> {
    return this.stored.size;
  }

  async close(): Promise<void> {
    this.calls.push({ method: 'close' });
  }

  /** Names of the calls, e.g. ["begin", "upsert", "finish"]. */
  methods(): string[] {
    return this.calls.map((c) => c.method);
  }
}
