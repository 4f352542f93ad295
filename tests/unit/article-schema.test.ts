import { describe, expect, it } from 'vitest';
import { ARTICLE_ID_PATTERN, deriveArticleId } from '../../src/articles/article-id.js';
import { ArticleInputSchema } from '../../src/articles/article.schema.js';

const valid = {
  url: 'https://news.example.org/world/2021/01/a',
  title: 'A title',
  body: 'A body.',
  section: 'World',
  publishedAt: '2021-01-08T03:55:00+09:00',
};

describe('ArticleInputSchema', () => {
  it('when an article has no id, then one is derived stably from its url', () => {
    const a = ArticleInputSchema.parse(valid);
    const b = ArticleInputSchema.parse({ ...valid, url: `${valid.url}#comments`, title: 'Changed' });
    expect(a.id).toMatch(ARTICLE_ID_PATTERN);
    expect(a.id).toBe(b.id);
  });

  it('when an article has no url, then the id comes from title and publication time', () => {
    const { url: _url, ...noUrl } = valid;
    const a = ArticleInputSchema.parse(noUrl);
    expect(a.id).toBe(deriveArticleId({ title: 'A title', publishedAt: '2021-01-07T18:55:00Z' }));
  });

  it('when dates carry a zone, then they are stored in UTC', () => {
    expect(ArticleInputSchema.parse(valid).publishedAt).toBe('2021-01-07T18:55:00Z');
    expect(ArticleInputSchema.parse({ ...valid, publishedAt: '2021-01-08' }).publishedAt).toBe('2021-01-08T00:00:00Z');
  });

  it('when optional fields are missing or null, then defaults apply and unknown fields are dropped', () => {
    const a = ArticleInputSchema.parse({ ...valid, summary: null, tags: null, extra: 'x' });
    expect(a).toMatchObject({ tags: [], authors: [], language: 'en' });
    expect(a).not.toHaveProperty('extra');
    expect(a).not.toHaveProperty('summary');
  });

  it('when tags repeat in another case, then they are lower-cased and kept once', () => {
    expect(ArticleInputSchema.parse({ ...valid, tags: ['AI', 'ai', ' Cyber  Security '] }).tags).toEqual([
      'ai',
      'cyber security',
    ]);
  });

  it('when text holds control characters, then they are removed', () => {
    expect(ArticleInputSchema.parse({ ...valid, title: 'A\u0000 ti\u0007tle' }).title).toBe('A title');
  });

  it('when required fields are missing or invalid, then every problem is reported by path', () => {
    const result = ArticleInputSchema.safeParse({
      title: ' ',
      body: '',
      publishedAt: '2021-02-30',
      tags: Array(51).fill('t'),
      id: 'bad id!',
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'body', 'section', 'publishedAt', 'tags', 'id']));
  });

  it('when the language is not a BCP 47 tag, then it is invalid', () => {
    expect(ArticleInputSchema.safeParse({ ...valid, language: 'english!' }).success).toBe(false);
    expect(ArticleInputSchema.parse({ ...valid, language: 'pt-BR' }).language).toBe('pt-BR');
  });

  it('when fields are missing or of the wrong type, then each message says so plainly', () => {
    const result = ArticleInputSchema.safeParse({ title: 'T', section: 7, tags: 'ai', publishedAt: 'soon' });
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({
      body: 'is required',
      section: 'must be text',
      tags: 'must be a list',
      publishedAt: expect.stringMatching(/^is not a date: /),
    });
  });

  it('when a date has the right form but does not exist, then the message says it does not exist', () => {
    const result = ArticleInputSchema.safeParse({ ...valid, publishedAt: '2024-02-30' });
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ['publishedAt'], message: 'is not a date: 2024-02-30 does not exist' }),
    ]);
  });

  it('when a record is not an object, then the message says one article is an object', () => {
    const result = ArticleInputSchema.safeParse('hello');
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: [], message: 'must be an object (one article)' }),
    ]);
  });

  it('when a text is too long or the url is not http, then the message gives the limit or the rule', () => {
    const result = ArticleInputSchema.safeParse({ ...valid, title: 'x'.repeat(1_001), url: 'ftp://example.org/a' });
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({ title: 'must be at most 1000 characters', url: 'must be an http(s) URL' });
  });

  it('when authors is one name as a string, then it is a list of one', () => {
    expect(ArticleInputSchema.parse({ ...valid, authors: 'Jane Doe' }).authors).toEqual(['Jane Doe']);
  });

  it('when authors is a string with ";" or "|" between names, then it is split as a CSV cell is', () => {
    expect(ArticleInputSchema.parse({ ...valid, authors: 'Jane Doe; John Roe | Kim Min-seo' }).authors).toEqual([
      'Jane Doe',
      'John Roe',
      'Kim Min-seo',
    ]);
  });

  it('when authors is neither a name nor a list of names, then the message says what it must be', () => {
    const result = ArticleInputSchema.safeParse({ ...valid, authors: 42 });
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ['authors'], message: 'must be a name or a list of names' }),
    ]);
  });
});
