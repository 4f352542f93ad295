import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { weakEtag } from '../../src/http/middleware/conditional-get.js';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { withSeedEngine } from '../support/sqlite-engine.js';
import { createTestApp } from '../support/test-app.js';

const CSP =
  "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;object-src 'none';base-uri 'none';frame-ancestors 'none';form-action 'self'";

let engine: SearchEngine;
let app: Express;
withSeedEngine((created) => {
  engine = created.engine;
  app = createTestApp(engine, { CORS_ORIGINS: 'https://news.example, https://admin.example' });
});

describe('security headers', () => {
  it.each(['/api/search?q=korea', '/health', '/docs', '/api/nothing'])(
    'when %s is fetched, then the exact CSP and helmet headers come back',
    async (url) => {
      const res = await request(app).get(url);
      expect(res.headers['content-security-policy']).toBe(CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-powered-by']).toBeUndefined();
    },
  );
});

describe('CORS', () => {
  it('when an allowed origin asks, then it is echoed with the exposed headers', async () => {
    const res = await request(app).get('/api/search').set('Origin', 'https://news.example').expect(200);
    expect(res.headers['access-control-allow-origin']).toBe('https://news.example');
    expect(res.headers['access-control-expose-headers']).toMatch(/ETag/);
    expect(res.headers.vary).toMatch(/Origin/);
  });

  it('when another origin asks, then no CORS header is sent', async () => {
    const res = await request(app).get('/api/search').set('Origin', 'https://evil.example').expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when an allowed origin sends a preflight for a write, then Authorization and DELETE are allowed', async () => {
    const res = await request(app)
      .options('/api/articles/x')
      .set('Origin', 'https://admin.example')
      .set('Access-Control-Request-Method', 'DELETE')
      .set('Access-Control-Request-Headers', 'authorization')
      .expect(204);
    expect(res.headers['access-control-allow-methods']).toMatch(/DELETE/);
    expect(res.headers['access-control-allow-headers']).toMatch(/Authorization/);
  });

  it('when CORS_ORIGINS is empty, then no origin gets CORS headers', async () => {
    const res = await request(createTestApp(engine))
      .get('/api/search')
      .set('Origin', 'https://news.example')
      .expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limiting', () => {
  it('when a client goes over RATE_LIMIT_PER_MINUTE, then 429 problem+json with Retry-After', async () => {
    const limited = createTestApp(engine, { RATE_LIMIT_PER_MINUTE: '3' });
    for (let i = 0; i < 3; i++) await request(limited).get('/api/suggest?q=k').expect(200);
    const res = await request(limited)
      .get('/api/search')
      .expect(429)
      .expect('content-type', /problem\+json/);
    expect(res.body).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.headers.ratelimit).toBeDefined();
  });

  it('when the limit is hit on /api, then /health and /ready still answer', async () => {
    const limited = createTestApp(engine, { RATE_LIMIT_PER_MINUTE: '1' });
    await request(limited).get('/api/search').expect(200);
    await request(limited).get('/api/search').expect(429);
    await request(limited).get('/health').expect(200);
    await request(limited).get('/ready').expect(200);
  });

  it('when RATE_LIMIT_PER_MINUTE is 0, then nothing is limited', async () => {
    for (let i = 0; i < 20; i++) await request(app).get('/api/suggest?q=k').expect(200);
  });
});

describe('ETag and Cache-Control', () => {
  it.each(['/api/search?q=korea', '/api/suggest?q=kor', '/api/facets/tags?q=k'])(
    'when %s is fetched twice, then the weak ETag is stable despite processingTimeMs, and If-None-Match gives 304',
    async (url) => {
      const first = await request(app).get(url).expect(200);
      const second = await request(app).get(url).expect(200);
      expect(first.headers.etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(first.headers['cache-control']).toBe('public, max-age=30');
      const cached = await request(app).get(url).set('If-None-Match', first.headers.etag!).expect(304);
      expect(cached.text).toBe('');
      expect(cached.headers.etag).toBe(first.headers.etag);
    },
  );

  it('when the content differs, then the ETag differs', async () => {
    const a = await request(app).get('/api/search?q=korea').expect(200);
    const b = await request(app).get('/api/search?q=korea&page=2').expect(200);
    expect(a.headers.etag).not.toBe(b.headers.etag);
  });

  it('when an error is answered, then it carries no ETag and no public caching', async () => {
    const res = await request(app).get('/api/search?page=0').expect(400);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['cache-control']).toBeUndefined();
  });

  it('when only processingTimeMs differs, then weakEtag is the same', () => {
    expect(weakEtag({ q: 'x', hits: [], processingTimeMs: 1.2 })).toBe(
      weakEtag({ q: 'x', hits: [], processingTimeMs: 88 }),
    );
    expect(weakEtag({ q: 'x' })).not.toBe(weakEtag({ q: 'y' }));
  });
});

describe('request timeout', () => {
  it('when the engine is slower than REQUEST_TIMEOUT_MS, then 503 problem+json code timeout within the budget', async () => {
    const slow: SearchEngine = { ...engineMethods(engine), search: (q) => delay(1_500).then(() => engine.search(q)) };
    const timed = createTestApp(slow, { REQUEST_TIMEOUT_MS: '200' });
    const started = performance.now();
    const res = await request(timed)
      .get('/api/search?q=korea')
      .expect(503)
      .expect('content-type', /problem\+json/);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(res.body).toMatchObject({ status: 503, code: 'timeout' });
    expect(res.headers['retry-after']).toBeDefined();
    // The late engine answer is dropped without crashing the app.
    await delay(1_500);
    await request(timed).get('/health').expect(200);
  });
});

describe('/docs', () => {
  it('when the page is fetched, then it loads only same-origin scripts and no inline script', async () => {
    const res = await request(app).get('/docs').expect(200).expect('content-type', /html/);
    const scripts = [...res.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(attributes).toMatch(/src="\/docs\//);
      expect(inline!.trim()).toBe('');
    }
    // Every asset the page loads is served (the link back to the search page is a page, not an asset).
    for (const [, src] of res.text.matchAll(/(?:src|href)="(\/docs\/[^"]+)"/g))
      await request(app).get(src!).expect(200);
  });

  it('when the page is read, then it links back to the search page, not to itself', async () => {
    const page = await request(app).get('/docs').expect(200);
    expect(page.text).toMatch(/<a href="\/">[^<]*search page/i);
    const document = await request(app).get('/openapi.json').expect(200);
    expect(document.body.info.description).not.toMatch(/\/docs/);
  });

  it('when the init script is fetched, then it points Swagger UI at /openapi.json', async () => {
    const res = await request(app)
      .get('/docs/swagger-init.js')
      .expect(200)
      .expect('content-type', /javascript/);
    expect(res.text).toContain("url: '/openapi.json'");
  });

  it('when a file of swagger-ui-dist that the page does not use is asked for, then 404', async () => {
    await request(app).get('/docs/assets/index.html').expect(404);
    await request(app).get('/docs/assets/..%2F..%2Fpackage.json').expect(404);
  });
});

function engineMethods(e: SearchEngine): SearchEngine {
  return {
    kind: e.kind,
    search: (q) => e.search(q),
    suggest: (q) => e.suggest(q),
    searchFacetValues: (q) => e.searchFacetValues(q),
    getArticle: (id) => e.getArticle(id),
    related: (q) => e.related(q),
    ready: () => e.ready(),
    close: () => Promise.resolve(),
  };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
