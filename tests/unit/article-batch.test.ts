import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article.schema.js';
import { ArticlesRejectedError } from '../../src/errors.js';
import { ArticleBatch, validateBatch, validateRecord } from '../../src/ingest/article-batch.js';
import { MemoryArticleIndex } from '../indexer/memory-index.js';

const record = (id: string, title = `Title ${id}`) => ({
  id,
  title,
  body: 'Body text.',
  section: 'World',
  publishedAt: '2024-01-02T03:04:05Z',
});
const at = (line: number) => ({ source: 'a.ndjson', line });

describe('validateBatch (the admin API body)', () => {
  it('when an id repeats, then the last copy wins and takes the place where it came', () => {
    const { batch, invalid } = validateBatch([record('a'), record('b'), record('a', 'Second copy')], 'body');
    expect(batch.articles().map((a) => [a.id, a.title])).toEqual([
      ['b', 'Title b'],
      ['a', 'Second copy'],
    ]);
    expect(invalid).toEqual([]);
  });

  it('when records are invalid, then each is reported by its 1-based position with dotted paths, and the rest kept', () => {
    const { batch, invalid } = validateBatch([record('a'), { ...record('b'), title: '', tags: ['ok', ''] }], 'body');
    expect(batch.articles().map((a) => a.id)).toEqual(['a']);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ source: 'body', line: 2 });
    expect(invalid[0]!.errors.map((e) => e.path).sort()).toEqual(['tags.1', 'title']);
  });
});

describe('validateRecord', () => {
  it('when a record is valid, then the article comes back normalized; when not, where it was', () => {
    expect(validateRecord(record('x'), at(7)).article?.id).toBe('x');
    expect(validateRecord(42, at(7)).invalid).toMatchObject({ source: 'a.ndjson', line: 7 });
  });
});

describe('ArticleBatch', () => {
  const article = (id: string) => validateRecord(record(id), at(1)).article!;

  it('when the same id is added twice, then the batch holds one and says the second was not new', () => {
    const batch = new ArticleBatch();
    expect(batch.add(article('a'), at(1))).toBe(true);
    expect(batch.add(article('a'), at(2))).toBe(false);
    expect(batch.size).toBe(1);
    batch.clear();
    expect(batch.articles()).toEqual([]);
  });

  it('when the engine refuses one article, then it comes back as invalid where its last copy was read, the rest stored', async () => {
    /** Stores every article but "big", which it refuses, as an engine does one too large for a request. */
    class RefusingIndex extends MemoryArticleIndex {
      override async upsert(articles: readonly Article[]): Promise<void> {
        await super.upsert(articles.filter((a) => a.id !== 'big'));
        throw new ArticlesRejectedError([{ id: 'big', message: 'too large for one request' }]);
      }
    }
    const index = new RefusingIndex();
    const batch = new ArticleBatch();
    batch.add(article('big'), at(3));
    batch.add(article('ok'), at(4));
    batch.add(article('big'), at(5));
    expect(await batch.writeTo(index)).toEqual([
      {
        id: 'big',
        record: { source: 'a.ndjson', line: 5, errors: [{ path: '', message: 'too large for one request' }] },
      },
    ]);
    expect([...index.stored.keys()]).toEqual(['ok']);
  });

  it('when the engine fails otherwise, then the failure propagates', async () => {
    const batch = new ArticleBatch();
    batch.add(article('a'), at(1));
    await expect(batch.writeTo(new MemoryArticleIndex({ failOnUpsert: 1 }))).rejects.toThrow('engine down');
  });
});
