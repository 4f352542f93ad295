import type { Express } from 'express';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { EngineUnavailableError } from '../../src/errors.js';
import { requestLogBindings } from '../../src/http/middleware/request-context.js';
import { REDACTED_PATHS, silentLogger } from '../../src/logger.js';
import { openSqliteIndex } from '../../src/search/engines/sqlite/index.js';
import type { ArticleIndex, SearchEngine } from '../../src/search/search-engine.js';
import { loadSeedArticles } from '../support/seed-articles.js';
import { createSqliteEngine } from '../support/sqlite-engine.js';

const KEY = 'log-test-admin-key-5f1c2d9e';
const BODY_MARKER = 'BODYTEXT-7c1e4b-SHOULD-NEVER-BE-LOGGED';

let lines: string[] = [];
let app: Express;
let index: ArticleIndex;
let failing = false;
/** The process logger as an engine adapter holds it: no request in sight. */
let adapterLogger: { warn(fields: object, msg: string): void };
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const created = await createSqliteEngine(loadSeedArticles());
  cleanup = created.cleanup;
  index = await openSqliteIndex({ path: created.path, logger: silentLogger() });
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((l) => l.trim() !== ''),
      );
      done();
    },
  });
  // The production logger's settings (redaction included), at the most verbose level, into memory.
  const logger = pino(
    { level: 'trace', redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, mixin: requestLogBindings },
    capture,
  );
  adapterLogger = logger;
  const engine: SearchEngine = new Proxy(created.engine, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property === 'search') {
        return (...args: unknown[]) => {
          if (!failing) return (value as (...a: unknown[]) => unknown).apply(target, args);
          adapterLogger.warn({ op: 'search' }, 'engine read failed');
          return Promise.reject(new EngineUnavailableError(new Error('disk')));
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const config = loadConfig({
    SEED_ON_EMPTY: 'false',
    RATE_LIMIT_PER_MINUTE: '0',
    ADMIN_API_KEY: KEY,
    LOG_LEVEL: 'trace',
  });
  app = createApp({ engine, index, config, logger });
});
afterAll(async () => {
  await index.close();
  await cleanup();
});
beforeEach(() => {
  lines = [];
});

const parsed = () =>
  lines.map((l) => JSON.parse(l) as { req?: { id?: string }; reqId?: string; msg: string; level: number });

describe('request logs', () => {
  it('when a request is served, then every line it logs carries its request id', async () => {
    await request(app).get('/api/search?q=korea').set('X-Request-Id', 'req-ok-1').expect(200);
    failing = true;
    await request(app).get('/api/search?q=korea').set('X-Request-Id', 'req-fail-1').expect(503);
    failing = false;
    const entries = parsed();
    expect(entries.filter((e) => e.req?.id === 'req-ok-1').length).toBeGreaterThanOrEqual(1);
    const failed = entries.filter((e) => e.req?.id === 'req-fail-1' || e.reqId === 'req-fail-1');
    expect(failed.map((e) => e.msg)).toEqual(expect.arrayContaining(['request failed', 'engine read failed']));
    expect(entries.every((e) => typeof e.req?.id === 'string' || typeof e.reqId === 'string')).toBe(true);
  });

  it('when the admin key is sent, right or wrong, then neither it nor the Authorization header is logged', async () => {
    await request(app)
      .post('/api/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .send({ title: 'x', body: 'y', section: 'z', publishedAt: '2024-01-01' })
      .expect(200);
    await request(app).delete('/api/articles/nope').set('Authorization', `Bearer ${KEY}-wrong`).expect(403);
    await request(app).get('/api/search').set('Authorization', `Bearer ${KEY}`).expect(200);
    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(text).not.toContain(KEY);
    expect(text).not.toMatch(/authorization/i);
  });

  it('when articles are posted, valid or not, then no part of their bodies is logged', async () => {
    const article = {
      title: `Title ${BODY_MARKER}`,
      body: `Text ${BODY_MARKER}`,
      section: 'World',
      publishedAt: '2024-01-01',
    };
    await request(app)
      .post('/api/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .send([article, { ...article, publishedAt: 'never' }])
      .expect(207);
    await request(app)
      .post('/api/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .send([{ ...article, section: '' }])
      .expect(422);
    await request(app)
      .post('/api/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .type('json')
      .send(`{"body": "${BODY_MARKER}`)
      .expect(400);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.join('\n')).not.toContain(BODY_MARKER);
  });
});
