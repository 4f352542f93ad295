import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Express } from 'express';
import request, { type Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { EngineUnavailableError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { indexOutdated } from '../../src/search/engines/meilisearch/meilisearch-index.js';
import { openSqliteIndex } from '../../src/search/engines/sqlite/index.js';
import type { ArticleIndex } from '../../src/search/search-engine.js';
import { loadSeedArticles } from '../support/seed-articles.js';
import { createSqliteEngine } from '../support/sqlite-engine.js';

/**
 * Every response the document describes is produced here and validated against its schema
 * from GET /openapi.json; a documented response no test produced fails the suite, so the
 * document and the code cannot drift apart.
 */

const KEY = 'test-admin-key-0123456789';
type Fault = 'none' | 'unavailable' | 'bug' | 'outdated';
let fault: Fault = 'none';

/**
 * The same port, failing on demand: `unavailable` -> EngineUnavailableError, `bug` -> a plain
 * Error, `outdated` -> what the Meilisearch write side throws for an index of an older version.
 */
function failing<T extends object>(target: T): T {
  return new Proxy(target, {
    get(t, property) {
      const value: unknown = Reflect.get(t, property);
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => {
        if (fault === 'unavailable') return Promise.reject(new EngineUnavailableError(new Error('disk gone')));
        if (fault === 'bug') return Promise.reject(new Error('boom'));
        if (fault === 'outdated') return Promise.reject(indexOutdated());
        return (value as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
}

let app: Express;
let limited: Express;
let index: ArticleIndex;
let cleanup: () => Promise<void>;
let document: {
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }> }
    >
  >;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validated = new Set<string>();

beforeAll(async () => {
  const created = await createSqliteEngine(loadSeedArticles());
  cleanup = created.cleanup;
  index = await openSqliteIndex({ path: created.path, logger: silentLogger() });
  const config = loadConfig({ SEED_ON_EMPTY: 'false', RATE_LIMIT_PER_MINUTE: '0', ADMIN_API_KEY: KEY });
  app = createApp({ engine: failing(created.engine), index: failing(index), config, logger: silentLogger() });
  const limitedConfig = loadConfig({ SEED_ON_EMPTY: 'false', RATE_LIMIT_PER_MINUTE: '1', ADMIN_API_KEY: KEY });
  limited = createApp({ engine: created.engine, index, config: limitedConfig, logger: silentLogger() });
  document = (await request(app).get('/openapi.json').expect(200)).body;
  ajv.addSchema({ ...document, $id: 'openapi.json' });
});
afterAll(async () => {
  await index.close();
  await cleanup();
});

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** Checks status, media type, documented headers and body against the document; records coverage. */
function expectDocumented(res: Response, method: string, template: string): void {
  const status = String(res.status);
  const documented = document.paths[template]?.[method]?.responses[status];
  expect(documented, `${method.toUpperCase()} ${template} ${status} is not documented`).toBeDefined();
  for (const header of Object.keys(documented!.headers ?? {})) {
    expect(res.headers[header.toLowerCase()], `header ${header} of ${method} ${template} ${status}`).toBeDefined();
  }
  const mediaTypes = Object.keys(documented!.content ?? {});
  if (mediaTypes.length === 0) {
    expect(res.text ?? '').toBe('');
  } else {
    const type = String(res.headers['content-type']).split(';')[0]!;
    expect(mediaTypes).toContain(type);
    const validate = ajv.getSchema(
      `openapi.json#/${pointer('paths', template, method, 'responses', status, 'content', type, 'schema')}`,
    )!;
    const body: unknown = type === 'text/plain' || type.endsWith('+xml') ? res.text : res.body;
    expect(validate(body), `${method} ${template} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  }
  validated.add(`${method} ${template} ${status}`);
}

const auth = { Authorization: `Bearer ${KEY}` };
const article = (id: string) => ({
  id,
  title: `Contract ${id}`,
  body: 'A body.',
  section: 'World',
  publishedAt: '2024-05-01T10:00:00Z',
});

/** [method, documented path, URL, expected status, how]; one row per documented response. */
type Case = [
  method: 'get' | 'post' | 'delete',
  template: string,
  url: string,
  status: number,
  send?: (r: request.Test) => request.Test,
];
const reads: Case[] = [
  ['get', '/api/search', '/api/search?q=korea&facets=section,tags,authors,date', 200],
  ['get', '/api/search', '/api/search?page=0', 400],
  ['get', '/api/suggest', '/api/suggest?q=kor', 200],
  ['get', '/api/suggest', '/api/suggest?limit=99', 400],
  ['get', '/api/facets/{facet}', '/api/facets/tags?q=kor', 200],
  ['get', '/api/facets/{facet}', '/api/facets/colour', 400],
  ['get', '/api/articles/{id}', '/api/articles/nope', 404],
  ['get', '/api/articles/{id}', '/api/articles/a%20b', 400],
  ['get', '/api/articles/{id}/related', '/api/articles/nope/related', 404],
  ['get', '/api/articles/{id}/related', '/api/articles/nope/related?limit=21', 400],
  ['get', '/api/feed', '/api/feed?q=korea&limit=5', 200],
  ['get', '/api/feed', '/api/feed?limit=0', 400],
  ['get', '/health', '/health', 200],
  ['get', '/ready', '/ready', 200],
  ['get', '/metrics', '/metrics', 200],
];
const writes: Case[] = [
  ['post', '/api/articles', '/api/articles', 200, (r) => r.set(auth).send(article('contract-1'))],
  ['post', '/api/articles', '/api/articles', 207, (r) => r.set(auth).send([article('contract-2'), { title: '' }])],
  ['post', '/api/articles', '/api/articles', 422, (r) => r.set(auth).send([{ title: '' }])],
  ['post', '/api/articles', '/api/articles', 400, (r) => r.set(auth).send('"just a string"').type('json')],
  ['post', '/api/articles', '/api/articles', 401, (r) => r.send(article('x'))],
  [
    'post',
    '/api/articles',
    '/api/articles',
    403,
    (r) => r.set({ Authorization: 'Bearer wrong-key-wrong-key' }).send(article('x')),
  ],
  [
    'post',
    '/api/articles',
    '/api/articles',
    413,
    (r) => r.set(auth).send(Array.from({ length: 1001 }, (_, i) => article(`n${i}`))),
  ],
  ['post', '/api/articles', '/api/articles', 415, (r) => r.set(auth).type('text/plain').send('title=x')],
  ['delete', '/api/articles/{id}', '/api/articles/contract-1', 204, (r) => r.set(auth)],
  ['delete', '/api/articles/{id}', '/api/articles/never-there', 404, (r) => r.set(auth)],
  ['delete', '/api/articles/{id}', '/api/articles/a%20b', 400, (r) => r.set(auth)],
  ['delete', '/api/articles/{id}', '/api/articles/x', 401],
  [
    'delete',
    '/api/articles/{id}',
    '/api/articles/x',
    403,
    (r) => r.set({ Authorization: 'Bearer wrong-key-wrong-key' }),
  ],
];

const call = (target: Express, [method, , url, , send]: Case) => (send ?? ((r) => r))(request(target)[method](url));

describe('GET /openapi.json', () => {
  it('when fetched, then it is OpenAPI 3.1 with every route and the ProblemDetails schema', () => {
    expect(document).toMatchObject({
      openapi: '3.1.0',
      components: { schemas: { ProblemDetails: { type: 'object' } } },
    });
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/api/articles',
        '/api/articles/{id}',
        '/api/articles/{id}/related',
        '/api/facets/{facet}',
        '/api/feed',
        '/api/search',
        '/api/suggest',
        '/health',
        '/metrics',
        '/ready',
      ].sort(),
    );
  });

  it('when parameters are transformed by zod, then the wire form is documented with its constraints and description', () => {
    const params = (
      document.paths['/api/search']!.get as unknown as {
        parameters: { name: string; schema: object; description: string }[];
      }
    ).parameters;
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(byName.page).toMatchObject({
      schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1 },
      description: '1-based page number',
    });
    expect(byName.q).toMatchObject({ schema: { type: 'string', maxLength: 512 } });
    expect(byName.tag).toMatchObject({ schema: { type: 'array', items: { type: 'string' } }, explode: true });
    expect(byName.highlight).toMatchObject({
      schema: { enum: expect.arrayContaining(['true', 'false']), default: 'true' },
    });
    expect(byName.from).toMatchObject({ schema: { type: 'string' } });
  });
});

describe('documented responses', () => {
  it.each(reads)('when %s %s (%s), then the %i answer matches the document', async (...row) => {
    const res = await call(app, row).expect(row[3]);
    expectDocumented(res, row[0], row[1]);
  });

  it.each(writes)('when %s %s (%s), then the %i answer matches the document', async (...row) => {
    const res = await call(app, row).expect(row[3]);
    expectDocumented(res, row[0], row[1]);
  });

  it('when the ETag still matches, then 304 with no body, as documented', async () => {
    const id = (await request(app).get('/api/search?pageSize=1')).body.hits[0].id as string;
    const urls: Record<string, string> = {
      '/api/facets/{facet}': '/api/facets/section',
      '/api/articles/{id}': `/api/articles/${id}`,
    };
    for (const template of ['/api/search', '/api/suggest', '/api/facets/{facet}', '/api/articles/{id}']) {
      const url = urls[template] ?? `${template}?q=korea`;
      const first = await request(app).get(url).expect(200);
      const res = await request(app).get(url).set('If-None-Match', first.headers.etag!).expect(304);
      expectDocumented(res, 'get', template);
    }
    for (const [template, url] of [
      ['/api/articles/{id}/related', `/api/articles/${id}/related`],
      ['/api/feed', '/api/feed?q=korea'],
    ] as const) {
      // A fixed Host: the feed's links (and so its ETag) follow the host it is reached at.
      const first = await request(app).get(url).set('Host', 'news.example.org').expect(200);
      const res = await request(app)
        .get(url)
        .set('Host', 'news.example.org')
        .set('If-None-Match', first.headers.etag!)
        .expect(304);
      expectDocumented(res, 'get', template);
    }
  });

  it('when writes are rate limited, then 429 matches the document on every /api operation', async () => {
    const rows: Case[] = [...reads.filter((r) => r[1].startsWith('/api/')), writes[0]!, writes[8]!];
    for (const row of rows) {
      await call(limited, row);
      const res = await call(limited, row).expect(429);
      expectDocumented(res, row[0], row[1]);
    }
  });

  it.each([
    ['unavailable', 503],
    ['bug', 500],
  ] as const)(
    'when the engine fails (%s), then every engine-backed operation answers %i as documented',
    async (mode, status) => {
      const rows: Case[] = [
        ...reads.filter((r) => r[3] === 200 && r[1].startsWith('/api/')),
        ['get', '/api/articles/{id}', '/api/articles/some-id', 200],
        ['get', '/api/articles/{id}/related', '/api/articles/some-id/related', 200],
        writes[0]!,
        writes[8]!,
      ];
      fault = mode;
      try {
        for (const row of rows) expectDocumented(await call(app, row).expect(status), row[0], row[1]);
        if (mode === 'unavailable') expectDocumented(await request(app).get('/ready').expect(503), 'get', '/ready');
      } finally {
        fault = 'none';
      }
    },
  );

  it('when the index was built by an older version, then writes answer 409 index_outdated as documented', async () => {
    fault = 'outdated';
    try {
      for (const row of [writes[0]!, writes[8]!]) {
        const res = await call(app, row).expect(409);
        expect(res.body.code).toBe('index_outdated');
        expectDocumented(res, row[0], row[1]);
      }
    } finally {
      fault = 'none';
    }
  });

  it('when an article exists, then GET /api/articles/{id} 200 matches the document', async () => {
    const id = (await request(app).get('/api/search?pageSize=1')).body.hits[0].id as string;
    expectDocumented(await request(app).get(`/api/articles/${id}`).expect(200), 'get', '/api/articles/{id}');
    const related = await request(app).get(`/api/articles/${id}/related`).expect(200);
    expectDocumented(related, 'get', '/api/articles/{id}/related');
  });

  it('when every case has run, then every documented response was produced at least once', () => {
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) =>
        Object.keys(operation.responses).map((status) => `${method} ${path} ${status}`),
      ),
    );
    expect(documented.filter((key) => !validated.has(key))).toEqual([]);
  });
});
