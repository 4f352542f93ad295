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
});
