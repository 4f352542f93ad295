import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleInputSchema } from '../../../src/articles/article.schema.js';
import { parseRawPage, RawPageError } from '../../../src/ingest/sources/raw-page.js';
import { sharedPath } from '../../support/shared-data.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url), 'utf8');
const YONHAP = sharedPath('seeds', 'yonhap-cyber-bureau.txt');

describe('parseRawPage on a page of our own', () => {
  const page = fixture('night-ferry-two-authors.txt');

  it('when the page has chrome, a spaced section and two authors, then every field is read and the summary has no dateline', () => {
    const article = parseRawPage(page);
    expect(article).toMatchObject({
      title: 'Night ferry linking two harbor islands returns after a decade',
      section: 'Regional Affairs',
      publishedAt: '2024-03-03T21:40:00Z',
      authors: ['Mina Cho', 'Daniel Reyes'],
    });
    expect(article.summary).toBe(
      'A night ferry between the twin islands of Ganggu and Seolmo resumed service Sunday after ten years, carrying 212 passengers on its first trip, the port authority said.',
    );
    expect(article.body.split('\n\n')).toHaveLength(4);
    expect(article.body).toMatch(/^BUSAN, March 3 \(Harbor Daily\) -- /);
    expect(article.body).toMatch(/residents over 65\.$/);
    expect(article.body).not.toMatch(/Send Feedback|How can we improve|Thanks for your feedback|Go to Contents/);
  });

  it('when a timezone is given, then the time is read in that zone and converted to UTC', () => {
    expect(parseRawPage(page, { timezone: 'Asia/Seoul' }).publishedAt).toBe('2024-03-03T12:40:00Z');
    expect(parseRawPage(page, { timezone: 'Europe/Berlin' }).publishedAt).toBe('2024-03-03T20:40:00Z');
    expect(parseRawPage(page, { timezone: 'America/New_York' }).publishedAt).toBe('2024-03-04T02:40:00Z');
  });

  it('when the page has no url, then the schema derives its id from title and date', () => {
    const first = ArticleInputSchema.parse(parseRawPage(page));
    const again = ArticleInputSchema.parse(parseRawPage(page));
    expect(first.id).toMatch(/^t-/);
    expect(again.id).toBe(first.id);
    expect(ArticleInputSchema.parse(parseRawPage(page, { timezone: 'Asia/Seoul' })).id).not.toBe(first.id);
  });

  it('when the section/date line is missing, then a RawPageError names it', () => {
    expect(() => parseRawPage(fixture('missing-section-line.txt'))).toThrow(RawPageError);
    expect(() => parseRawPage(fixture('missing-section-line.txt'))).toThrow(/Section> HH:MM <Month> DD, YYYY/);
  });

  it('when the page is empty or only chrome, then the missing title is named', () => {
    expect(() => parseRawPage('')).toThrow(/missing the title/);
    expect(() => parseRawPage('Go to Contents Go to Navigation\n\nSend Feedback\n')).toThrow(/missing the title/);
  });

  it('when the header has no body after it, then the missing body is named', () => {
    expect(() => parseRawPage('A title\n\nWorld 10:00 May 01, 2024\n\nBy A. Writer\n')).toThrow(/missing the body/);
  });

  it('when the date does not exist, then the page is refused', () => {
    expect(() => parseRawPage('T\n\nWorld 10:00 February 30, 2024\n\nText.')).toThrow(/invalid date/);
    expect(() => parseRawPage('T\n\nWorld 25:00 May 01, 2024\n\nText.')).toThrow(/invalid date/);
  });

  it('when the file has CRLF endings, a BOM, no byline and abbreviated months, then it still parses', () => {
    const text =
      '\uFEFFGo to Contents Go to Navigation\r\n\r\nTitle here\r\nScience 07:05 Sept 9, 2022\r\n\r\nFirst. Second.\r\n';
    expect(parseRawPage(text)).toEqual({
      title: 'Title here',
      section: 'Science',
      publishedAt: '2022-09-09T07:05:00Z',
      summary: 'First.',
      body: 'First. Second.',
    });
  });

  it('when the byline lists authors with commas and "and", then each is an author', () => {
    const text = 'T\n\nBy Kim Min-seo, Hana Seo, and Park Ji-hoon\n\nWorld 10:00 May 01, 2024\n\nText.';
    expect(parseRawPage(text).authors).toEqual(['Kim Min-seo', 'Hana Seo', 'Park Ji-hoon']);
  });
});

describe.skipIf(!existsSync(YONHAP))('parseRawPage on the real Yonhap page', () => {
  if (!existsSync(YONHAP)) console.warn(`skipped: ${YONHAP} is absent`);
  const text = existsSync(YONHAP) ? readFileSync(YONHAP, 'utf8') : '';

  it('when read with the default zone, then the fields are exactly those of the page', () => {
    const article = parseRawPage(text);
    expect(article.title).toBe('Pompeo approves new cyber-security bureau, citing threats from N. Korea, others');
    expect(article.section).toBe('North Korea');
    expect(article.publishedAt).toBe('2021-01-08T03:55:00Z');
    expect(article.authors).toEqual(['Byun Duk-kun']);
    expect(article.summary).toBe(
      'U.S. Secretary of State Mike Pompeo has approved the establishment of a department bureau to counter cyber-security threats from North Korea and other countries, the State Department said Thursday.',
    );
    expect(article.body.startsWith('WASHINGTON, Jan. 7 (Yonhap) --')).toBe(true);
    expect(article.body.endsWith('mostly based in other countries including China and Russia.')).toBe(true);
    expect(article.body).not.toMatch(/Send Feedback|How can we improve|Thanks for your feedback/);
    expect(ArticleInputSchema.safeParse(article).success).toBe(true);
  });

  it('when read as Asia/Seoul time, then publishedAt is nine hours earlier in UTC', () => {
    expect(parseRawPage(text, { timezone: 'Asia/Seoul' }).publishedAt).toBe('2021-01-07T18:55:00Z');
  });
});
