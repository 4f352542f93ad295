import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article.schema.js';
import {
  fromMeiliDocument,
  toFilterKey,
  jsonBytes,
  toMeiliDocument,
  toRequestChunks,
} from '../../src/search/engines/meilisearch/meili-document.js';

const article: Article = {
  id: 'yonhap-1',
  url: 'https://example.org/a',
  title: 'Cyber bureau',
  summary: 'Police open a bureau',
  body: 'Body text',
  section: 'North Korea',
  tags: ['cyber'],
  authors: ['Kim Soo-yeon'],
  publishedAt: '2021-01-08T23:59:59.500Z',
  language: 'en',
};

describe('toMeiliDocument', () => {
  it('when an article is stored, then it gets numeric publishedAt, UTC year/month/day and filter keys, ISO text kept', () => {
    expect(toMeiliDocument(article)).toEqual({
      ...article,
      publishedAt: 1610150399.5,
      publishedAtIso: '2021-01-08T23:59:59.500Z',
      year: '2021',
      month: '2021-01',
      day: '2021-01-08',
      sectionKey: toFilterKey(article.section),
      tagKeys: article.tags.map(toFilterKey),
      authorKeys: article.authors.map(toFilterKey),
    });
  });

  it('when optional fields are absent, then the document has no such keys', () => {
    const { url: _url, summary: _summary, ...bare } = article;
    const doc = toMeiliDocument(bare);
    expect(doc).not.toHaveProperty('url');
    expect(doc).not.toHaveProperty('summary');
    expect(doc).not.toHaveProperty('updatedAt');
  });

  it('when the date is not ISO 8601, then it throws a TypeError', () => {
    expect(() => toMeiliDocument({ ...article, publishedAt: 'yesterday' })).toThrow(TypeError);
  });
});

describe('fromMeiliDocument', () => {
  it('when a stored document is read back, then it is the article again, derived fields dropped', () => {
    expect(
      fromMeiliDocument(toMeiliDocument({ ...article, updatedAt: '2021-01-09T00:00:00Z', source: 'Yonhap' })),
    ).toEqual({
      ...article,
      updatedAt: '2021-01-09T00:00:00Z',
      source: 'Yonhap',
    });
  });

  it('when the document is not one of ours, then it throws', () => {
    expect(() => fromMeiliDocument({ id: 'x', title: 'no body' })).toThrow();
  });
});

describe('toRequestChunks', () => {
  const doc = (id: string, size: number) => ({ id, text: 'x'.repeat(size) });

  it('when documents fit, then consecutive ones share a request up to the byte budget, in order', () => {
    const docs = [doc('a', 20), doc('b', 20), doc('c', 20)];
    const one = jsonBytes(docs[0]);
    const chunks = toRequestChunks(docs, 2 + 2 * (one + 1));
    expect(chunks.map((c) => c.map((d) => d.id))).toEqual([['a', 'b'], ['c']]);
    for (const chunk of chunks) expect(jsonBytes(chunk)).toBeLessThanOrEqual(2 + 2 * (one + 1));
  });

  it('when one document alone is over the budget, then it goes alone and the others are not held back', () => {
    const chunks = toRequestChunks([doc('a', 5), doc('big', 500), doc('b', 5)], 100);
    expect(chunks.map((c) => c.map((d) => d.id))).toEqual([['a'], ['big'], ['b']]);
  });

  it('when text is not ASCII, then bytes are counted, not characters', () => {
    expect(jsonBytes('é')).toBe(4);
  });
});
