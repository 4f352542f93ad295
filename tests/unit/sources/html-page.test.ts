import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleInputSchema } from '../../../src/articles/article.schema.js';
import { mergeFields, parseHtmlArticle } from '../../../src/ingest/sources/html-page.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/html/${name}`, import.meta.url), 'utf8');

describe('parseHtmlArticle', () => {
  it('when the page has JSON-LD in an @graph, then it wins over Open Graph and meta tags', () => {
    const page = parseHtmlArticle(fixture('jsonld-article.html'));
    expect(page).toMatchObject({
      url: 'https://courier.example.org/local/river-path-lights',
      title: 'Town council votes to light the river path',
      summary: 'Solar lamps will line the four-kilometre path by autumn.',
      section: 'Local',
      tags: ['lighting', 'river path', 'council'],
      authors: ['Ines Varga', 'Tomas Lind'],
      publishedAt: '2024-05-14T18:30:00+02:00',
      updatedAt: '2024-05-15T08:00:00+02:00',
      language: 'en-GB',
      source: 'Riverside Courier',
    });
    const paragraphs = page.body?.split('\n\n') ?? [];
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^The town council voted seven to two/);
    expect(page.body).not.toMatch(/Copyright|Home/);
    expect(ArticleInputSchema.parse(page).publishedAt).toBe('2024-05-14T16:30:00Z');
  });

  it('when the page has only Open Graph, then article:* tags give section, tags and authors', () => {
    const page = parseHtmlArticle(fixture('opengraph-article.html'));
    expect(page).toMatchObject({
      url: 'https://valleypost.example.net/2023/09/bakery-cooperative',
      title: 'Village bakery reopens as a cooperative',
      summary: 'Forty residents bought shares to keep the oven burning.',
      section: 'Business',
      tags: ['Food', 'cooperatives'],
      authors: ['Ruth Okafor'],
      publishedAt: '2023-09-02T07:15:00Z',
      language: 'en-US',
      source: 'Valley Post',
    });
    expect(page.body).toMatch(/^The only bakery in the village of Elmsford/);
    expect(page.body).not.toMatch(/Most read/);
    expect(ArticleInputSchema.parse(page).tags).toEqual(['food', 'cooperatives']);
  });

  it('when the page has neither, then meta tags and <title> are used', () => {
    const page = parseHtmlArticle(fixture('plain-article.html'));
    expect(page).toMatchObject({
      title: 'Students build a weather station on the school roof',
      summary: "A physics club's station now reports wind and rain every ten minutes.",
      section: 'Education',
      tags: ['schools', 'weather', 'science'],
      authors: ['Paulo Mendes'],
      publishedAt: '2022-11-20',
      language: 'en',
    });
    // The <h1> repeats the title: it is not the first paragraph of the body.
    expect(page.body?.split('\n\n')).toHaveLength(2);
    expect(ArticleInputSchema.safeParse(page).success).toBe(true);
  });

  it('when the JSON-LD has an articleBody, then the publisher text is the body', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"Article","headline":"H","articleBody":"Given body."}</script>
      <script type="application/ld+json">{ broken</script></head><body><p>Page text that is not used.</p></body></html>`;
    expect(parseHtmlArticle(html)).toMatchObject({ title: 'H', body: 'Given body.' });
  });

  it('when nothing gives a section or a date, then validation names both', () => {
    const page = parseHtmlArticle(
      '<html><head><title>Only a title</title></head><body><p>Some text.</p></body></html>',
    );
    const result = ArticleInputSchema.safeParse(page);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['publishedAt', 'section']);
  });

  it('when fields are merged, then the first source with a value wins and empty lists do not count', () => {
    expect(
      mergeFields([
        { title: 'a', tags: [] },
        { title: 'b', tags: ['x'], section: 's' },
      ]),
    ).toEqual({ title: 'a', tags: ['x'], section: 's' });
  });
});
