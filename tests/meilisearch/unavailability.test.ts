import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { SearchParamsSchema } from '../../src/search/search.schema.js';
import { createMeilisearchEngine, createMeilisearchIndex } from '../../src/search/engines/meilisearch/index.js';
import { MeiliStub } from './meili-stub.js';

const API_KEY = 'secret-key-0123456789';
const UID = 'articles';
const query = SearchParamsSchema.parse({ q: 'secur' });
let stub: MeiliStub;

beforeEach(async () => {
  stub = await MeiliStub.start();
  stub.indexes.set(UID, { settings: {}, docs: new Map() });
});
afterEach(() => stub.stop().catch(() => undefined));

const engine = () => createMeilisearchEngine({ url: stub.url, apiKey: API_KEY, indexUid: UID, logger: silentLogger() });

/** What a client could ever see of an error: the public fields the problem+json renderer uses. */
function publicText(error: AppError): string {
  return JSON.stringify({
    message: error.message,
    detail: error.detail,
    code: error.code,
    status: error.status,
    errors: error.errors,
    headers: error.headers,
  });
}

async function failure(run: () => Promise<unknown>): Promise<{ error: AppError; ms: number }> {
  const started = performance.now();
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return { error: error as AppError, ms: performance.now() - started };
}

describe('when Meilisearch cannot answer', () => {
  it('when it answers 503, then the search fails with engine_unavailable (503) and no URL, key or message', async () => {
    stub.mode = 'down';
    const { error } = await failure(() => engine().search(query));
    expect(error).toMatchObject({ code: ErrorCode.engineUnavailable, status: 503 });
    for (const secret of [stub.url, '127.0.0.1', API_KEY, 'stub is down'])
      expect(publicText(error)).not.toContain(secret);
  });

  it('when it never answers, then the search fails with engine_unavailable within 2 s', async () => {
    stub.mode = 'hang';
    const { error, ms } = await failure(() => engine().search(query));
    expect(error.code).toBe(ErrorCode.engineUnavailable);
    expect(ms).toBeLessThan(2_500);
  });

  it('when the connection is refused, then it fails fast, and the next call succeeds once Meilisearch is back', async () => {
    const search = engine();
    await stub.stop();
    const { error, ms } = await failure(() => search.search(query));
    expect(error.code).toBe(ErrorCode.engineUnavailable);
    expect(ms).toBeLessThan(2_000);
    expect(publicText(error)).not.toContain(stub.url);
    await stub.restart();
    await expect(search.search(query)).resolves.toMatchObject({ totalHits: 0 });
    await expect(search.ready()).resolves.toEqual({ articleCount: 0 });
  });

  it('when it answers 503 to a suggestion, then suggest fails with engine_unavailable and no message', async () => {
    stub.mode = 'down';
    const { error } = await failure(() =>
      engine().suggest({ q: 'north ko', limit: 8, filters: { sections: [], tags: [], authors: [] } }),
    );
    expect(error).toMatchObject({ code: ErrorCode.engineUnavailable, status: 503 });
    expect(publicText(error)).not.toContain('stub is down');
  });

  it('when it stops answering between the two suggest round trips, then suggest fails within the one 2 s budget', async () => {
    stub.reply('POST /multi-search', (req) => {
      stub.mode = 'hang'; // this answer still goes out; the next request never gets one
      const queries = (req.body as { queries: { indexUid: string }[] }).queries;
      const hits = (uid: string) => (uid.endsWith('_terms') ? [{ term: 'korea' }] : []);
      return [
        200,
        {
          results: queries.map((q) => ({
            indexUid: q.indexUid,
            hits: hits(q.indexUid),
            query: '',
            processingTimeMs: 0,
            limit: 8,
            offset: 0,
          })),
        },
      ];
    });
    const { error, ms } = await failure(() =>
      engine().suggest({ q: 'north ko', limit: 8, filters: { sections: [], tags: [], authors: [] } }),
    );
    expect(error.code).toBe(ErrorCode.engineUnavailable);
    expect(ms).toBeLessThan(2_500);
  });

  it('when health is down, then ready rejects with engine_unavailable', async () => {
    stub.mode = 'down';
    const { error } = await failure(() => engine().ready());
    expect(error.code).toBe(ErrorCode.engineUnavailable);
  });

  it('when the indexer cannot reach it, then upsert rejects with engine_unavailable', async () => {
    const index = createMeilisearchIndex({
      url: stub.url,
      apiKey: API_KEY,
      indexUid: UID,
      logger: silentLogger(),
      requestTimeoutMs: 500,
    });
    await stub.stop();
    const { error } = await failure(() =>
      index.upsert([
        {
          id: 'a',
          title: 'T',
          body: 'B',
          section: 'S',
          tags: [],
          authors: [],
          publishedAt: '2021-01-01T00:00:00Z',
          language: 'en',
        },
      ]),
    );
    expect(error.code).toBe(ErrorCode.engineUnavailable);
    expect(publicText(error)).not.toContain(API_KEY);
  });
});
