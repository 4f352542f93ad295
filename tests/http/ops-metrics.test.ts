import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { loadSeedArticles } from '../support/seed-articles.js';
import { withSeedEngine } from '../support/sqlite-engine.js';
import { createTestApp } from '../support/test-app.js';

let engine: SearchEngine;
let app: Express;
withSeedEngine((created) => {
  engine = created.engine;
  app = createTestApp(engine);
});

const scrape = async (target: Express) =>
  (
    await request(target)
      .get('/metrics')
      .expect(200)
      .expect('content-type', /^text\/plain/)
  ).text;
/** The value of one sample line, e.g. `name{a="b"} 3`, or undefined. */
const sample = (text: string, name: string, labels: string) => {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && labels.split(',').every((label) => l.includes(label)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('GET /metrics', () => {
  it('when requests were served, then durations are labelled by route pattern and status, never the raw URL', async () => {
    await request(app).get('/api/search?q=korea').expect(200);
    await request(app).get('/api/search?page=0').expect(400);
    await request(app).get('/api/articles/some-unknown-id').expect(404);
    await request(app).get('/api/articles/a%20b').expect(400);
    await request(app).get('/api/facets/tags?q=k').expect(200);
    await request(app).get('/api/no-such-route').expect(404);
    const text = await scrape(app);
    const count = 'article_search_http_request_duration_seconds_count';
    expect(sample(text, count, 'route="/api/search",status="200"')).toBe(1);
    expect(sample(text, count, 'route="/api/search",status="400"')).toBe(1);
    expect(sample(text, count, 'route="/api/articles/:id",status="404"')).toBe(1);
    expect(sample(text, count, 'route="/api/articles/:id",status="400"')).toBe(1);
    expect(sample(text, count, 'route="/api/facets/:facet",status="200"')).toBe(1);
    expect(sample(text, count, 'route="(unmatched)",status="404"')).toBe(1);
    expect(text).not.toContain('some-unknown-id');
    expect(text).not.toContain('no-such-route');
  });

  it('when the engine was called, then its latency is recorded per operation', async () => {
    await request(app).get('/api/suggest?q=kor').expect(200);
    const id = (await request(app).get('/api/search?pageSize=1')).body.hits[0].id as string;
    await request(app).get(`/api/articles/${id}`).expect(200);
    await request(app).get(`/api/articles/${id}/related`).expect(200);
    const text = await scrape(app);
    for (const operation of ['search', 'suggest', 'facets', 'article', 'related']) {
      expect(
        sample(text, 'article_search_engine_query_duration_seconds_count', `operation="${operation}",outcome="ok"`),
      ).toBeGreaterThan(0);
    }
  });

  it('when scraped, then the article count gauge holds the engine count', async () => {
    const line = (await scrape(app)).split('\n').find((l) => l.startsWith('article_search_articles '));
    expect(line).toBe(`article_search_articles ${loadSeedArticles().length}`);
  });

  it('when two apps are built, then each has its own registry', async () => {
    const other = createTestApp(engine);
    await request(other).get('/health').expect(200);
    const text = await scrape(other);
    expect(sample(text, 'article_search_http_request_duration_seconds_count', 'route="/api/search"')).toBeUndefined();
    expect(sample(text, 'article_search_http_request_duration_seconds_count', 'route="/health",status="200"')).toBe(1);
  });
});
