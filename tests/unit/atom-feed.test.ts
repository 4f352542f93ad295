import { describe, expect, it } from 'vitest';
import {
  EMPTY_FEED_UPDATED,
  entryId,
  feedUpdated,
  snippetText,
  toAtomFeed,
  xmlEscape,
} from '../../src/http/feed/atom-feed.js';
import { feedSearchParams, feedTitle, readerPageParams } from '../../src/search/feed/feed-description.js';
import { FeedParamsSchema, toFeedSearch } from '../../src/search/feed/feed.schema.js';
import type { SearchHit } from '../../src/search/search.schema.js';
import { atomViolations, parseXml, readFeed } from '../support/atom.js';

const hit = (id: string, fields: Partial<SearchHit> = {}): SearchHit => ({
  id,
  title: `Title ${id}`,
  summary: null,
  section: 'World',
  tags: [],
  authors: [],
  publishedAt: '2021-01-08T03:55:00Z',
  url: null,
  ...fields,
});

const input = (entries: SearchHit[]) => ({
  id: 'https://news.example.org/api/feed?q=x',
  title: 'Newest articles matching “x”',
  selfUrl: 'https://news.example.org/api/feed?q=x',
  alternateUrl: 'https://news.example.org/?q=x',
  articleUrlBase: 'https://news.example.org/?article=',
  tagAuthority: 'news.example.org',
  publisher: 'Article search',
  entries,
});

describe('toAtomFeed', () => {
  it('when hits are rendered, then the document is valid Atom and hostile text comes back as written', () => {
    const title = 'Hackers hid <script>alert("x")</script> & \'quotes\' \u0007in ads';
    const xml = toAtomFeed(
      input([
        hit('a-1', {
          title,
          summary: 'A <b>bold</b> claim',
          tags: ['cyber & co', '<tag>'],
          authors: ["O'Brien <ob@example.org>"],
          url: 'https://news.example.org/a?x=1&y=2',
          publishedAt: '2021-01-09T00:00:00Z',
        }),
        hit('b-2', { highlight: { title: 't', snippet: '…the &lt;b&gt; <mark>x</mark> word…' } }),
      ]),
    );
    expect(xml).not.toMatch(/<script|<b>|<tag>/);
    expect(xml).not.toContain('\u0007');
    const doc = parseXml(xml);
    expect(atomViolations(doc)).toEqual([]);
    const feed = readFeed(doc);
    expect(feed.updated).toBe('2021-01-09T00:00:00Z');
    const [a, b] = feed.entries;
    expect(a).toEqual({
      id: 'https://news.example.org/a?x=1&y=2',
      title: title.replace('\u0007', ''),
      link: 'https://news.example.org/a?x=1&y=2',
      published: '2021-01-09T00:00:00Z',
      updated: '2021-01-09T00:00:00Z',
      authors: ["O'Brien <ob@example.org>"],
      categories: [
        { term: 'World', label: 'Section: World' },
        { term: 'cyber & co', label: 'Tag: cyber & co' },
        { term: '<tag>', label: 'Tag: <tag>' },
      ],
      summary: 'A <b>bold</b> claim',
    });
    expect(b).toMatchObject({
      id: 'tag:news.example.org,2021-01-08:article/b-2',
      link: 'https://news.example.org/?article=b-2',
      summary: '…the <b> x word…',
    });
  });

  it('when there is no entry, then the feed is valid and dated at a fixed instant', () => {
    const doc = parseXml(toAtomFeed(input([])));
    expect(atomViolations(doc)).toEqual([]);
    expect(readFeed(doc).updated).toBe(EMPTY_FEED_UPDATED);
  });
});

describe('feed helpers', () => {
  it('when entries are dated, then the feed is as new as its newest entry, whatever the order', () => {
    expect(feedUpdated([{ publishedAt: '2021-01-08T00:00:00Z' }, { publishedAt: '2022-03-01T10:00:00Z' }])).toBe(
      '2022-03-01T10:00:00Z',
    );
  });

  it('when an article has no URL, then its id is a tag URI of the host, its day and its id', () => {
    expect(entryId({ id: 'a-1', url: null, publishedAt: '2021-01-08T03:55:00Z' }, 'example.org')).toBe(
      'tag:example.org,2021-01-08:article/a-1',
    );
    expect(entryId({ id: 'a-1', url: 'https://x.org/a', publishedAt: '2021-01-08T03:55:00Z' }, 'example.org')).toBe(
      'https://x.org/a',
    );
  });

  it('when text is escaped for XML, then markup characters become entities and forbidden characters go', () => {
    expect(xmlEscape('<a href="x">\'&\'</a>\u0000\uFFFE\uD800ok')).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;ok',
    );
    expect(snippetText('a &amp;lt; <mark>b</mark> &quot;c&quot;')).toBe('a &lt; b "c"');
  });
});

describe('feed request', () => {
  const parse = (query: Record<string, string | string[]>) => FeedParamsSchema.parse(query);

  it('when a feed is asked, then its search is newest first, one page of `limit`, without facets', () => {
    expect(toFeedSearch(parse({ q: 'korea', limit: '7' }))).toMatchObject({
      q: 'korea',
      sort: 'newest',
      page: 1,
      pageSize: 7,
      facets: [],
    });
    expect(parse({}).limit).toBe(20);
  });

  it('when the same search is written two ways, then its canonical parameters and title are the same', () => {
    const a = parse({ tag: 'a,b', section: 'World', from: '2021-01-08', to: '2021-02-01', q: 'ko' });
    const b = parse({ q: 'ko', to: '2021-02-01', section: ['World'], tag: ['a', 'b'], from: '2021-01-08T00:00:00Z' });
    expect(feedSearchParams(a).toString()).toBe('q=ko&section=World&tag=a&tag=b&from=2021-01-08&to=2021-02-01');
    expect(feedSearchParams(b).toString()).toBe(feedSearchParams(a).toString());
    expect(feedTitle(a)).toBe('Newest articles matching “ko” in World tagged a and b from 2021-01-08 until 2021-02-01');
    expect(feedSearchParams(parse({ limit: '5' }), true).toString()).toBe('limit=5');
    expect(feedSearchParams(parse({ limit: '20' }), true).toString()).toBe('');
  });

  it('when a bound is a datetime, then the feed keeps it and the reader page gets its day', () => {
    const feed = parse({ from: '2021-01-08T12:30:00Z', author: ['Kim', 'Lee'] });
    expect(feedSearchParams(feed).get('from')).toBe('2021-01-08T12:30:00Z');
    expect(readerPageParams(feed).toString()).toBe('author=Kim&author=Lee&from=2021-01-08');
    expect(feedTitle(feed)).toBe('Newest articles by Kim or Lee from 2021-01-08T12:30:00Z');
  });
});
