import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { atomViolations, parseXml, readFeed } from '../support/atom.js';
import { passesFilters } from '../support/brute-force.js';
import { contractArticles } from './contract-corpus.js';
import { CONTRACT_ENGINES, useContractApp } from './engines.js';

describe.each(CONTRACT_ENGINES)('topic feed contract on $name', (engine) => {
  const { name, skip } = engine;
  const articles = contractArticles();
  const app = useContractApp(engine, () => articles);
  // A fixed Host: the feed's absolute URLs (and so its ETag) follow the host it was reached at,
  // and supertest listens on a new port for every request.
  const HOST = 'news.example.org';
  const feed = (query: Record<string, string | string[]> = {}) =>
    request(app()).get('/api/feed').set('Host', HOST).query(query);
  const parsed = async (query: Record<string, string | string[]> = {}) => {
    const res = await feed(query)
      .expect(200)
      .expect('content-type', /^application\/atom\+xml; charset=utf-8$/);
    const doc = parseXml(res.text);
    return { res, doc, feed: readFeed(doc) };
  };

  describe.skipIf(Boolean(skip))(skip ?? name, () => {
    it('when a feed is asked, then it is Atom 1.0 with every element RFC 4287 requires', async () => {
      const { doc, feed: f } = await parsed({ q: 'korea', tag: 'north-korea', limit: '5' });
      expect(atomViolations(doc)).toEqual([]);
      expect(f.title).toBe('Newest articles matching “korea” tagged north-korea');
      const self = f.links.find((l) => l.rel === 'self')!;
      expect(self.type).toBe('application/atom+xml');
      expect(f.id).toBe('http://news.example.org/api/feed?q=korea&tag=north-korea');
      expect(new URL(self.href).pathname).toBe('/api/feed');
      expect(new URL(self.href).searchParams.get('limit')).toBe('5');
      const alternate = f.links.find((l) => l.rel === 'alternate')!;
      expect(alternate.type).toBe('text/html');
      expect(new URL(alternate.href).pathname).toBe('/');
      expect(new URL(alternate.href).search).toBe('?q=korea&tag=north-korea');
      expect(f.entries).toHaveLength(5);
      for (const entry of f.entries) {
        const article = articles.find((a) => a.title === entry.title)!;
        expect(entry.id).toBe(article.url ?? expect.stringMatching(/^tag:/));
        expect(entry.link).toBe(article.url ?? expect.stringContaining(`?article=${article.id}`));
        expect(entry.authors).toEqual(article.authors);
        expect(entry.categories.map((c) => c.term)).toEqual([article.section, ...article.tags]);
        // Without a summary, the entry gives the start of its body.
        if (article.summary) expect(entry.summary).toBe(article.summary);
        else expect(article.body.replace(/\s+/g, ' ')).toContain(entry.summary!.replace(/^…|…$/g, ''));
        expect(Date.parse(entry.published!)).toBe(Date.parse(article.publishedAt));
      }
    });

    it('when entries are listed, then they are the newest matches first, as /api/search sorts newest', async () => {
      const query = { q: 'government', section: ['Politics', 'Economy'] };
      const { feed: f } = await parsed({ ...query, limit: '7' });
      const search = await request(app())
        .get('/api/search')
        .query({ ...query, sort: 'newest', pageSize: '7' })
        .expect(200);
      expect(f.entries.map((e) => e.title)).toEqual(search.body.hits.map((h: { title: string }) => h.title));
      const dates = f.entries.map((e) => Date.parse(e.published!));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      expect(f.updated).toBe(f.entries[0]!.updated);
    });

    it('when no limit is given, then 20 entries; filters hold for each', async () => {
      const { feed: f } = await parsed({ from: '2023-01-01', to: '2024-06-30' });
      expect(f.entries).toHaveLength(20);
      for (const e of f.entries) {
        const article = articles.find((a) => a.title === e.title)!;
        expect(passesFilters(article, { from: '2023-01-01', to: '2024-06-30' })).toBe(true);
      }
    });

    it('when a title holds <script> and quotes, then the XML escapes them and a parser reads the text back', async () => {
      const { res, feed: f } = await parsed({ q: 'adverts script' });
      const article = articles.find((a) => a.id === 'contract-html')!;
      expect(res.text).not.toContain('<script>');
      expect(res.text).toContain('&lt;script&gt;');
      const entry = f.entries.find((e) => e.title === article.title);
      expect(entry?.summary).toBe(article.summary);
      expect(entry?.id).toMatch(/^tag:[^,]+,2021-06-01:article\/contract-html$/);
      expect(f.title).toBe('Newest articles matching “adverts script”');
    });

    it('when nothing matches, then the feed is still valid, with no entry', async () => {
      const { doc, feed: f } = await parsed({ q: 'zzqxjv ' });
      expect(atomViolations(doc)).toEqual([]);
      expect(f.entries).toEqual([]);
    });

    it('when polled with its ETag or its Last-Modified, then 304; with an older date, the feed again', async () => {
      const first = await feed({ tag: 'space' }).expect(200);
      const etag = String(first.headers.etag);
      const lastModified = String(first.headers['last-modified']);
      expect(etag).toMatch(/^W\/"/);
      expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
      expect(new Date(lastModified).getTime()).toBe(Date.parse(readFeed(parseXml(first.text)).updated));
      await feed({ tag: 'space' }).set('If-None-Match', etag).expect(304);
      await feed({ tag: 'space' }).set('If-Modified-Since', lastModified).expect(304);
      const older = new Date(Date.parse(lastModified) - 86_400_000).toUTCString();
      await feed({ tag: 'space' }).set('If-Modified-Since', older).expect(200);
      await feed({ tag: 'moon' }).set('If-None-Match', etag).expect(200);
    });

    it('when a parameter is wrong, then problem+json names it', async () => {
      for (const [query, path] of [
        [{ limit: '0' }, 'limit'],
        [{ limit: '101' }, 'limit'],
        [{ from: 'yesterday' }, 'from'],
        [{ from: '2024-01-01', to: '2023-01-01' }, 'to'],
      ] as const) {
        const res = await feed(query)
          .expect(400)
          .expect('content-type', /application\/problem\+json/);
        expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
      }
      expect((await feed({ sort: 'oldest' }).expect(400)).body.code).toBe('unknown_parameter');
    });
  });
});
