import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { IndexBusyError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { withDeferredFinish } from '../../src/search/deferred-finish.js';
import { createMetrics, type Metrics } from '../../src/metrics/metrics.js';
import { openSqliteIndex } from '../../src/search/engines/sqlite/index.js';
import type { ArticleIndex } from '../../src/search/search-engine.js';
import { loadSeedArticles } from '../support/seed-articles.js';
import { createSqliteEngine } from '../support/sqlite-engine.js';
import { createTestApp } from '../support/test-app.js';

const KEY = 'admin-key-for-tests-0123456789';
const auth = { Authorization: `Bearer ${KEY}` };

let app: Express;
let metrics: Metrics;
let index: ArticleIndex;
let disabled: Express;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const created = await createSqliteEngine(loadSeedArticles());
  cleanup = created.cleanup;
  index = await openSqliteIndex({ path: created.path, logger: silentLogger() });
  metrics = createMetrics();
  const config = loadConfig({ SEED_ON_EMPTY: 'false', RATE_LIMIT_PER_MINUTE: '0', ADMIN_API_KEY: KEY });
  app = createApp({ engine: created.engine, index, config, logger: silentLogger(), metrics });
  disabled = createTestApp(created.engine);
});
afterAll(async () => {
  await index.close();
  await cleanup();
});

/** An article whose words appear nowhere in the seed, so searches can see it arrive and leave. */
const article = (id: string, word = 'zorblax') => ({
  id,
  title: `The ${word} report ${id}`,
  body: `Long text about ${word} and nothing else.`,
  section: 'Science',
  tags: ['Testing'],
  publishedAt: '2024-06-01T08:00:00Z',
});
const post = (body: unknown) =>
  request(app)
    .post('/api/articles')
    .set(auth)
    .send(body as object);
const searchIds = async (q: string) =>
  (
    await request(app)
      .get('/api/search')
      .query({ q: `${q} `, highlight: 'false' })
      .expect(200)
  ).body.hits.map((h: { id: string }) => h.id);

describe('when ADMIN_API_KEY is not set', () => {
  it('then POST and DELETE answer 403 writes_disabled', async () => {
    const res = await request(disabled)
      .post('/api/articles')
      .set(auth)
      .send(article('a1'))
      .expect(403)
      .expect('content-type', /problem\+json/);
    expect(res.body.code).toBe('writes_disabled');
    expect((await request(disabled).delete('/api/articles/a1').set(auth).expect(403)).body.code).toBe(
      'writes_disabled',
    );
  });
});

describe('authentication', () => {
  it('when no Authorization header is sent, then 401 with WWW-Authenticate: Bearer', async () => {
    const res = await request(app)
      .post('/api/articles')
      .send(article('a1'))
      .expect(401)
      .expect('content-type', /problem\+json/);
    expect(res.body.code).toBe('unauthorized');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it('when the scheme is not Bearer, then 401', async () => {
    await request(app).post('/api/articles').set('Authorization', `Basic ${KEY}`).send(article('a1')).expect(401);
  });

  it.each([['wrong-key-of-the-same-len-gth!'], ['short'], [`${KEY}x`]])(
    'when the key is wrong (%s), then 403 forbidden',
    async (key) => {
      const res = await request(app).delete('/api/articles/a1').set('Authorization', `Bearer ${key}`).expect(403);
      expect(res.body.code).toBe('forbidden');
    },
  );
});

describe('POST /api/articles', () => {
  it('when the body is not JSON, then 415 problem+json', async () => {
    const res = await request(app)
      .post('/api/articles')
      .set(auth)
      .type('text/plain')
      .send('hello')
      .expect(415)
      .expect('content-type', /problem\+json/);
    expect(res.body.code).toBe('unsupported_media_type');
    await request(app).post('/api/articles').set(auth).expect(415);
  });

  it('when the body is over 10 MB, then 413 problem+json', async () => {
    const huge = JSON.stringify({ ...article('big'), body: 'x'.repeat(10.5 * 1024 * 1024) });
    const res = await request(app)
      .post('/api/articles')
      .set(auth)
      .type('json')
      .send(huge)
      .expect(413)
      .expect('content-type', /problem\+json/);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('when the batch holds more than 1,000 articles, then 413 and nothing is written', async () => {
    const res = await post(Array.from({ length: 1001 }, (_, i) => article(`many-${i}`, 'quuxmany'))).expect(413);
    expect(res.body.code).toBe('payload_too_large');
    expect(await searchIds('quuxmany')).toEqual([]);
  });

  it('when the JSON is malformed, then 400 names the body', async () => {
    const res = await request(app).post('/api/articles').set(auth).type('json').send('{"title": ').expect(400);
    expect(res.body.errors[0].path).toBe('body');
  });

  it('when one valid article is sent, then 200 { indexed: 1, invalid: [] } and searches see it at once', async () => {
    expect(await searchIds('zorblax')).toEqual([]);
    const res = await post(article('one-1'))
      .expect(200)
      .expect('content-type', /application\/json/);
    expect(res.body).toEqual({ indexed: 1, invalid: [] });
    expect(await searchIds('zorblax')).toEqual(['one-1']);
    const stored = await request(app).get('/api/articles/one-1').expect(200);
    expect(stored.body).toMatchObject({ title: 'The zorblax report one-1', tags: ['testing'] });
  });

  it('when an article is sent again with changes, then searches see the new version', async () => {
    await post({ ...article('one-1'), title: 'Renamed flimflam piece' }).expect(200);
    expect(await searchIds('flimflam')).toEqual(['one-1']);
    expect((await request(app).get('/api/articles/one-1')).body.title).toBe('Renamed flimflam piece');
  });

  it('when some records are invalid, then 207 reports them by 1-based position and every valid one is indexed', async () => {
    const res = await post([
      article('mix-1', 'wibblewob'),
      { ...article('mix-2'), title: '' },
      article('mix-3', 'wibblewob'),
      'nonsense',
    ]).expect(207);
    expect(res.body.indexed).toBe(2);
    expect(res.body.invalid).toEqual([
      { source: 'body', line: 2, errors: [expect.objectContaining({ path: 'title' })] },
      { source: 'body', line: 4, errors: [expect.objectContaining({ path: '' })] },
    ]);
    expect((await searchIds('wibblewob')).sort()).toEqual(['mix-1', 'mix-3']);
  });

  it('when every record is invalid, then 422 problem+json carries the same report and nothing is indexed', async () => {
    const res = await post([{ ...article('bad-1', 'snorkwump'), publishedAt: 'yesterday' }])
      .expect(422)
      .expect('content-type', /problem\+json/);
    expect(res.body).toMatchObject({ status: 422, code: 'invalid_article', indexed: 0 });
    expect(res.body.invalid).toEqual([
      { source: 'body', line: 1, errors: [expect.objectContaining({ path: 'publishedAt' })] },
    ]);
    expect(await searchIds('snorkwump')).toEqual([]);
  });

  it('when one author is sent as a string, then it is stored as a list of one, as the indexer reads it', async () => {
    await post({ ...article('one-author'), authors: 'Jane Doe' }).expect(200);
    expect((await request(app).get('/api/articles/one-author').expect(200)).body.authors).toEqual(['Jane Doe']);
  });

  it('when a record lacks a field or has the wrong type, then the report says so in plain words', async () => {
    const { body: _body, ...noBody } = article('plain-1');
    const res = await post([article('plain-ok'), noBody, { ...article('plain-2'), tags: 'news' }]).expect(207);
    expect(res.body.invalid).toEqual([
      { source: 'body', line: 2, errors: [{ path: 'body', message: 'is required' }] },
      { source: 'body', line: 3, errors: [{ path: 'tags', message: 'must be a list' }] },
    ]);
  });

  it('when an id appears twice in a batch, then it counts once and the last copy wins', async () => {
    const res = await post([article('dup-1', 'first'), { ...article('dup-1'), title: 'Second gadzooks copy' }]).expect(
      200,
    );
    expect(res.body.indexed).toBe(1);
    expect((await request(app).get('/api/articles/dup-1')).body.title).toBe('Second gadzooks copy');
  });

  it('when articles are written, then suggestions learn their words too', async () => {
    await post(article('sugg-1', 'quibblezap')).expect(200);
    const res = await request(app).get('/api/suggest').query({ q: 'quibblez' }).expect(200);
    expect(JSON.stringify(res.body.suggestions)).toMatch(/quibblezap/i);
  });
});

describe('DELETE /api/articles/:id', () => {
  it('when the article exists, then 204, it is gone from search and from GET; a second delete is 404', async () => {
    await post(article('del-1', 'vanishword')).expect(200);
    expect(await searchIds('vanishword')).toEqual(['del-1']);
    const res = await request(app).delete('/api/articles/del-1').set(auth).expect(204);
    expect(res.text).toBe('');
    expect(await searchIds('vanishword')).toEqual([]);
    await request(app).get('/api/articles/del-1').expect(404);
    expect((await request(app).delete('/api/articles/del-1').set(auth).expect(404)).body.code).toBe(
      'article_not_found',
    );
  });

  it('when the id is malformed, then 400 names it', async () => {
    const res = await request(app).delete('/api/articles/..%2Fetc').set(auth).expect(400);
    expect(res.body.errors[0].path).toBe('id');
  });
});

describe('indexing metrics', () => {
  it('when articles were written and deleted through the API, then the counters say how many', async () => {
    const text = await metrics.registry.metrics();
    const upserted = Number(/article_search_articles_upserted_total\{via="admin"\} (\d+)/.exec(text)?.[1]);
    const deleted = Number(/article_search_articles_deleted_total\{via="admin"\} (\d+)/.exec(text)?.[1]);
    expect(upserted).toBeGreaterThanOrEqual(7);
    expect(deleted).toBe(1);
  });
});

describe('withDeferredFinish', () => {
  /** An index that only counts calls. */
  function countingIndex() {
    const calls = { finish: 0, close: 0 };
    const index: ArticleIndex = {
      begin: () => Promise.resolve(),
      upsert: () => Promise.resolve(),
      delete: () => Promise.resolve(0),
      listIds: async function* () {},
      count: () => Promise.resolve(0),
      finish: () => Promise.resolve(void (calls.finish += 1)),
      close: () => Promise.resolve(void (calls.close += 1)),
    };
    return { index, calls };
  }
  const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('when writes come in a burst, then the real finish runs once, after they pause', async () => {
    const { index, calls } = countingIndex();
    const deferred = withDeferredFinish(index, { quietMs: 50, onError: () => {} });
    for (let i = 0; i < 5; i++) await deferred.finish();
    expect(calls.finish).toBe(0);
    await delay(120);
    expect(calls.finish).toBe(1);
  });

  it('when writes never pause, then finish still runs within maxDelayMs', async () => {
    const { index, calls } = countingIndex();
    const deferred = withDeferredFinish(index, { quietMs: 60, maxDelayMs: 100, onError: () => {} });
    for (let i = 0; i < 8; i++) {
      await deferred.finish();
      await delay(30);
    }
    expect(calls.finish).toBeGreaterThanOrEqual(1);
    await deferred.close();
  });

  it('when a finish finds the index busy (another process writing), then it is tried again, not reported', async () => {
    const { index, calls } = countingIndex();
    let busy = 2;
    const flaky: ArticleIndex = {
      ...index,
      finish: () => (busy-- > 0 ? Promise.reject(new IndexBusyError()) : index.finish()),
    };
    const errors: unknown[] = [];
    const deferred = withDeferredFinish(flaky, { quietMs: 20, onError: (error) => errors.push(error) });
    await deferred.finish();
    await delay(200);
    expect(calls.finish).toBe(1);
    expect(errors).toEqual([]);
    await deferred.close();
  });

  it('when closed with a finish pending, then it finishes before closing', async () => {
    const { index, calls } = countingIndex();
    const deferred = withDeferredFinish(index, { quietMs: 10_000, onError: () => {} });
    await deferred.finish();
    await deferred.close();
    expect(calls).toEqual({ finish: 1, close: 1 });
  });
});
