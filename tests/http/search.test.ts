import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedArticles } from '../support/seed-articles.js';
import { createSqliteEngine } from '../support/sqlite-engine.js';
import { createTestApp } from '../support/test-app.js';

let app: Express;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const created = await createSqliteEngine(loadSeedArticles());
  cleanup = created.cleanup;
  app = createTestApp(created.engine);
});
afterAll(() => cleanup());

const search = (query: Record<string, string | string[]>) => request(app).get('/api/search').query(query);

describe('GET /api/search', () => {
  it('when typing "cyber secur", then cyber-security articles come first with the typed part marked', async () => {
    const res = await search({ q: 'cyber secur' })
      .expect(200)
      .expect('content-type', /application\/json/);
    expect(res.body.totalHits).toBeGreaterThan(5);
    expect(res.body.hits[0].highlight.title).toMatch(/<mark>cyber<\/mark>[ -]<mark>secur<\/mark>ity/i);
    expect(res.body).toMatchObject({ q: 'cyber secur', page: 1, pageSize: 20, sort: 'relevance' });
  });

  it('when a search is answered, then Server-Timing gives the engine share of processingTimeMs', async () => {
    const res = await search({ q: 'government' }).expect(200);
    const engine = /^engine;dur=(\d+(?:\.\d+)?)$/.exec(String(res.headers['server-timing']));
    expect(engine).not.toBeNull();
    expect(Number(engine![1])).toBeLessThanOrEqual(res.body.processingTimeMs + 0.1);
  });

  it('when a word is misspelt ("goverment"), then government articles are found', async () => {
    const res = await search({ q: 'goverment' }).expect(200);
    expect(res.body.totalHits).toBeGreaterThan(10);
    expect(res.body.hits[0].highlight.title + res.body.hits[0].highlight.snippet).toMatch(/<mark>government<\/mark>/i);
  });

  it('when no q is given, then the newest articles come first with section, tags and date facets', async () => {
    const res = await search({}).expect(200);
    const dates = res.body.hits.map((h: { publishedAt: string }) => h.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(Object.keys(res.body.facets).sort()).toEqual(['date', 'section', 'tags']);
    expect(res.body.facets.section.length).toBeGreaterThanOrEqual(8);
    expect(res.body.dateInterval).toBe('month');
  });

  it('when sorting oldest first, then dates ascend', async () => {
    const res = await search({ q: 'government ', sort: 'oldest', pageSize: '50' }).expect(200);
    const dates = res.body.hits.map((h: { publishedAt: string }) => h.publishedAt);
    expect(dates).toEqual([...dates].sort());
  });

  it('when filtering by section, then only those sections come back and the section facet still offers the others', async () => {
    const res = await search({ section: ['Politics', 'Economy'], pageSize: '100' }).expect(200);
    expect(new Set(res.body.hits.map((h: { section: string }) => h.section))).toEqual(new Set(['Politics', 'Economy']));
    expect(res.body.facets.section.length).toBeGreaterThan(2);
  });

  it('when filtering by two tags, then every hit holds both', async () => {
    const res = await search({ tag: 'korea,north-korea', pageSize: '100' }).expect(200);
    expect(res.body.totalHits).toBeGreaterThan(0);
    for (const hit of res.body.hits) expect(hit.tags).toEqual(expect.arrayContaining(['korea', 'north-korea']));
  });

  it('when filtering by author, then every hit is by one of them', async () => {
    const res = await search({ author: 'Kwon Tae-min', facets: 'authors' }).expect(200);
    for (const hit of res.body.hits) expect(hit.authors).toContain('Kwon Tae-min');
    expect(res.body.facets.authors[0]).toEqual({ value: 'Kwon Tae-min', count: res.body.totalHits });
  });

  it('when filtering by dates, then bounds are inclusive and a bare "to" covers its whole day', async () => {
    const all = await search({ pageSize: '1' }).expect(200);
    const newest = all.body.hits[0].publishedAt as string;
    const day = newest.slice(0, 10);
    const res = await search({ from: day, to: day }).expect(200);
    expect(res.body.hits.map((h: { publishedAt: string }) => h.publishedAt)).toContain(newest);
    for (const hit of res.body.hits) expect(hit.publishedAt.slice(0, 10)).toBe(day);
  });

  it('when paging, then pages do not overlap and totals stay exact', async () => {
    const p1 = await search({ pageSize: '10', page: '1' }).expect(200);
    const p2 = await search({ pageSize: '10', page: '2' }).expect(200);
    expect(p1.body.totalHits).toBe(p2.body.totalHits);
    expect(p1.body.totalPages).toBe(Math.ceil(p1.body.totalHits / 10));
    const ids1 = p1.body.hits.map((h: { id: string }) => h.id);
    expect(p2.body.hits.some((h: { id: string }) => ids1.includes(h.id))).toBe(false);
  });

  it('when facets are chosen and limited, then only those come back, cut to facetLimit', async () => {
    const res = await search({ facets: 'tags,authors', facetLimit: '3' }).expect(200);
    expect(Object.keys(res.body.facets).sort()).toEqual(['authors', 'tags']);
    expect(res.body.facets.tags).toHaveLength(3);
    const none = await search({ facets: '' }).expect(200);
    expect(none.body.facets).toEqual({});
  });

  it('when a date interval is asked for, then buckets use it', async () => {
    const res = await search({ facets: 'date', dateInterval: 'year' }).expect(200);
    expect(res.body.dateInterval).toBe('year');
    expect(res.body.facets.date[0]).toMatchObject({
      value: expect.stringMatching(/^\d{4}$/),
      from: expect.stringMatching(/-01-01$/),
    });
  });

  it('when highlight=false, then hits carry no highlight', async () => {
    const res = await search({ q: 'korea', highlight: 'false' }).expect(200);
    expect(res.body.hits[0]).not.toHaveProperty('highlight');
  });

  it('when a phrase and an exclusion are used, then they hold', async () => {
    const res = await search({ q: '"north korea" -missiles', pageSize: '100', highlight: 'false' }).expect(200);
    expect(res.body.totalHits).toBeGreaterThan(0);
    const ids = res.body.hits.map((h: { id: string }) => h.id);
    const withMissiles = await search({ q: '"north korea" missiles ', pageSize: '100', highlight: 'false' }).expect(
      200,
    );
    for (const hit of withMissiles.body.hits) if (/missiles/i.test(hit.title)) expect(ids).not.toContain(hit.id);
  });

  it('when nothing matches, then an empty page with zero totals comes back', async () => {
    const res = await search({ q: 'zzxqv ' }).expect(200);
    expect(res.body).toMatchObject({ hits: [], totalHits: 0, totalPages: 0 });
  });

  it.each([
    [{ sort: 'best' }, 'sort'],
    [{ page: '0' }, 'page'],
    [{ pageSize: '101' }, 'pageSize'],
    [{ from: '2022-02-01', to: '2022-01-01' }, 'to'],
    [{ from: '2022-13-01' }, 'from'],
    [{ q: 'x'.repeat(513) }, 'q'],
    [{ facets: 'section,colour' }, 'facets'],
    [{ page: '200', pageSize: '100' }, 'page'],
  ])('when given %o, then 400 problem+json names %s', async (params, path) => {
    const res = await search(params)
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'invalid_parameter', errors: [{ path }] });
    expect(res.body.type).toMatch(/^https:\/\//);
  });

  it('when an unknown parameter is given, then 400 with code unknown_parameter', async () => {
    const res = await search({ sortt: 'newest' }).expect(400);
    expect(res.body).toMatchObject({ code: 'unknown_parameter', errors: [{ path: 'sortt' }] });
  });

  it('when an unknown parameter is given, then the answer lists the valid names', async () => {
    const res = await search({ sortt: 'newest' }).expect(400);
    const valid =
      'q, section, tag, author, from, to, sort, page, pageSize, facets, facetLimit, dateInterval, highlight, matchingStrategy';
    expect(res.body.errors[0].message).toBe(`is not a known parameter; valid: ${valid}`);
    expect(res.body.detail).toContain(valid);
    const suggest = await request(app).get('/api/suggest').query({ q: 'kor', lmit: '3' }).expect(400);
    expect(suggest.body.errors[0].message).toMatch(/; valid: q, .*limit/);
  });

  it.each([
    ['from', '2024-02-30'],
    ['to', '2023-04-31T10:00:00Z'],
  ])(
    'when %s is a well-formed date that does not exist, then the message says it does not exist',
    async (name, value) => {
      const res = await search({ [name]: value }).expect(400);
      expect(res.body.errors).toEqual([{ path: name, message: `${value} does not exist` }]);
    },
  );
});

describe('GET /api/articles/:id', () => {
  it('when the id exists, then the full article comes back', async () => {
    const hit = (await search({ pageSize: '1' })).body.hits[0];
    const res = await request(app).get(`/api/articles/${hit.id}`).expect(200);
    expect(res.body).toMatchObject({ id: hit.id, title: hit.title, body: expect.any(String), language: 'en' });
  });

  it('when an article is fetched again with its ETag, then 304 without a body', async () => {
    const hit = (await search({ pageSize: '1' })).body.hits[0];
    const first = await request(app).get(`/api/articles/${hit.id}`).expect(200);
    expect(first.headers.etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=30');
    const cached = await request(app).get(`/api/articles/${hit.id}`).set('If-None-Match', first.headers.etag!);
    expect(cached.status).toBe(304);
    expect(cached.text).toBe('');
    const other = (await search({ pageSize: '2' })).body.hits[1];
    const changed = await request(app).get(`/api/articles/${other.id}`).set('If-None-Match', first.headers.etag!);
    expect(changed.status).toBe(200);
  });

  it('when the id is unknown, then 404 article_not_found', async () => {
    const res = await request(app)
      .get('/api/articles/nope')
      .expect(404)
      .expect('content-type', /problem\+json/);
    expect(res.body.code).toBe('article_not_found');
  });

  it('when the id is malformed, then 400 names it', async () => {
    const res = await request(app).get('/api/articles/a%20b').expect(400);
    expect(res.body.errors[0].path).toBe('id');
  });
});

describe('health, readiness and unknown routes', () => {
  it('when asked, then /health is ok and /ready gives the engine and article count', async () => {
    await request(app).get('/health').expect(200, { status: 'ok' });
    const ready = await request(app).get('/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ready', engine: 'sqlite', articleCount: loadSeedArticles().length });
  });

  it('when a route does not exist, then 404 problem+json', async () => {
    const res = await request(app)
      .get('/api/nothing')
      .expect(404)
      .expect('content-type', /problem\+json/);
    expect(res.body.code).toBe('not_found');
  });

  it('when a browser asks for an unknown page, then a small HTML 404 links to the search page', async () => {
    const res = await request(app)
      .get('/no-such-page')
      .set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
      .expect(404)
      .expect('content-type', /text\/html/);
    expect(res.text).toMatch(/<a href="\/">/);
    expect(res.text).toContain('/no-such-page');
    expect(res.text).not.toMatch(/<script|style=/);
  });

  it('when an unknown path holds markup, then the HTML 404 escapes it', async () => {
    const res = await request(app).get('/%3Cimg%20src=x%3E').set('Accept', 'text/html').expect(404);
    expect(res.text).not.toContain('<img');
    expect(res.text).toContain('&lt;img');
  });

  it.each([undefined, 'application/json', '*/*', 'application/problem+json, text/html;q=0.5'])(
    'when an API client (Accept: %s) asks for an unknown route, then it keeps problem+json',
    async (accept) => {
      const req = request(app).get('/no-such-page');
      const res = await (accept === undefined ? req : req.set('Accept', accept))
        .expect(404)
        .expect('content-type', /problem\+json/);
      expect(res.body.code).toBe('not_found');
    },
  );

  it('when a request id is sent, then it is echoed; else one is generated', async () => {
    const res = await request(app).get('/health').set('X-Request-Id', 'abc-123').expect(200);
    expect(res.headers['x-request-id']).toBe('abc-123');
    const gen = await request(app).get('/health').expect(200);
    expect(gen.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
