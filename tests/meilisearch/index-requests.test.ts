import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/articles/article.schema.js';
import { ErrorCode } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import type { ArticleIndex } from '../../src/search/search-engine.js';
import { createMeilisearchIndex } from '../../src/search/engines/meilisearch/index.js';
import { articleIndexSettings, TERMS_INDEX_SETTINGS } from '../../src/search/engines/meilisearch/meili-settings.js';
import { termDocumentId } from '../../src/search/engines/meilisearch/title-terms.js';
import { MeiliStub } from './meili-stub.js';

const API_KEY = 'admin-key-0123456789';
const UID = 'articles';
const TERMS = `${UID}_terms`;
let stub: MeiliStub;
let index: ArticleIndex;

const article = (n: number): Article => ({
  id: `a-${n}`,
  title: `Title ${n}`,
  body: `Body ${n}`,
  section: 'World',
  tags: ['t'],
  authors: [],
  publishedAt: '2021-01-08T03:55:00Z',
  language: 'en',
});

/** The vocabulary stored in an index of the stub, as term -> docs. */
const termsOf = (uid: string): Record<string, unknown> =>
  Object.fromEntries([...(stub.indexes.get(uid)?.docs.values() ?? [])].map((d) => [d['term'], d['docs']]));

beforeEach(async () => {
  stub = await MeiliStub.start();
  index = createMeilisearchIndex({ url: stub.url, apiKey: API_KEY, indexUid: UID, logger: silentLogger() });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await stub.stop();
});

describe('begin and upsert', () => {
  it('when a run starts on a new index, then it is created and configured before any document is sent', async () => {
    await index.begin();
    await index.upsert([article(1), article(2)]);
    expect(stub.calls()).toEqual([
      `GET /indexes/${UID}`,
      'POST /indexes',
      `GET /indexes/${UID}/settings`,
      `PATCH /indexes/${UID}/settings`,
      `POST /indexes/${UID}/documents`,
    ]);
    expect(stub.requests.every((r) => r.headers.authorization === `Bearer ${API_KEY}`)).toBe(true);
    const [, create, , patch, add] = stub.requests.filter((r) => !r.path.startsWith('/tasks/'));
    expect(create?.body).toEqual({ uid: UID, primaryKey: 'id' });
    expect(patch?.body).toEqual(articleIndexSettings());
    expect(add?.query.get('primaryKey')).toBe('id');
    expect(add?.body).toEqual([
      expect.objectContaining({
        id: 'a-1',
        publishedAt: 1610078100,
        publishedAtIso: '2021-01-08T03:55:00Z',
        day: '2021-01-08',
      }),
      expect.objectContaining({ id: 'a-2' }),
    ]);
  });

  it('when the index already has our settings, then begin sends no settings update', async () => {
    stub.indexes.set(UID, { settings: structuredClone(articleIndexSettings()), docs: new Map() });
    await index.begin();
    expect(stub.calls()).toEqual([
      `GET /indexes/${UID}`,
      `GET /indexes/${UID}/documents`,
      `GET /indexes/${UID}/settings`,
    ]);
  });

  it('when the index holds documents of the previous shape (no filter keys), then only a rebuild may write to it', async () => {
    const old = { id: 'old-1', title: 'T', body: 'B', section: 'World', tags: [], authors: [] };
    stub.indexes.set(UID, { settings: structuredClone(articleIndexSettings()), docs: new Map([['old-1', old]]) });
    await expect(index.begin()).rejects.toMatchObject({ code: 'index_outdated', status: 409 });
    await expect(index.begin({ rebuild: true })).resolves.toBeUndefined();
  });

  it('when batches are upserted, then each task is awaited to success before the next batch is sent', async () => {
    await index.begin();
    await index.upsert([article(1)]);
    await index.upsert([article(2)]);
    const trail = stub.requests.map((r) => `${r.method} ${r.path}`).slice(-6);
    expect(trail).toEqual([
      `POST /indexes/${UID}/documents`,
      'GET /tasks/2',
      'GET /tasks/2',
      `POST /indexes/${UID}/documents`,
      'GET /tasks/3',
      'GET /tasks/3',
    ]);
    expect(await index.count()).toBe(2);
  });

  it('when a batch task fails, then upsert rejects with our error and no Meilisearch message', async () => {
    await index.begin();
    stub.failNextTask('documentAdditionOrUpdate', {
      message: 'Document identifier `a b` is invalid.',
      code: 'invalid_document_id',
      type: 'invalid_request',
    });
    const failure = await index.upsert([article(1)]).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: ErrorCode.internal, status: 500 });
    expect(JSON.stringify(failure)).not.toContain('identifier');
    expect((failure as Error).message).not.toContain('identifier');
  });
});

describe('delete, listIds, count', () => {
  it('when ids are deleted, then the number that existed comes from the task details', async () => {
    await index.begin();
    await index.upsert([article(1), article(2)]);
    expect(await index.delete(['a-1', 'missing'])).toBe(1);
    expect(stub.requests.find((r) => r.path.endsWith('/documents/delete-batch'))?.body).toEqual(['a-1', 'missing']);
    expect(await index.delete([])).toBe(0);
  });

  it('when ids are listed, then only the id field is fetched, page by page', async () => {
    await index.begin();
    await index.upsert(Array.from({ length: 2_500 }, (_, i) => article(i)));
    const ids: string[] = [];
    for await (const id of index.listIds()) ids.push(id);
    expect(ids).toHaveLength(2_500);
    const pages = stub.requests.filter((r) => r.method === 'GET' && r.path === `/indexes/${UID}/documents`);
    expect(pages.map((r) => [r.query.get('fields'), r.query.get('offset'), r.query.get('limit')])).toEqual([
      ['id', '0', '1000'],
      ['id', '1000', '1000'],
      ['id', '2000', '1000'],
    ]);
  });

  it('when the index does not exist, then count is 0 and there are no ids', async () => {
    expect(await index.count()).toBe(0);
    const ids: string[] = [];
    for await (const id of index.listIds()) ids.push(id);
    expect(ids).toEqual([]);
  });
});

describe('rebuild', () => {
  it('when rebuilding, then documents and vocabulary fill temporary indexes that are swapped in together, and the old ones are deleted', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
    const temp = `${UID}_rebuild_1700000000000`;
    stub.indexes.set(UID, {
      settings: structuredClone(articleIndexSettings()),
      docs: new Map([['old', { id: 'old', title: 'Old news' }]]),
    });
    stub.indexes.set(TERMS, {
      settings: structuredClone(TERMS_INDEX_SETTINGS),
      docs: new Map([['x', { id: 'x', term: 'old', docs: 1 }]]),
    });
    await index.begin({ rebuild: true });
    await index.upsert([article(1)]);
    expect(stub.indexes.get(UID)?.docs.has('old')).toBe(true); // search still sees the old index
    await index.finish();
    expect(stub.calls()).toEqual([
      `GET /indexes/${UID}`,
      `GET /indexes/${temp}`,
      'POST /indexes',
      `GET /indexes/${temp}/settings`,
      `PATCH /indexes/${temp}/settings`,
      `POST /indexes/${temp}/documents`,
      `GET /indexes/${TERMS}`,
      `GET /indexes/${temp}/documents`,
      `GET /indexes/${temp}_terms`,
      'POST /indexes',
      `GET /indexes/${temp}_terms/settings`,
      `PATCH /indexes/${temp}_terms/settings`,
      `POST /indexes/${temp}_terms/documents`,
      'POST /swap-indexes',
      `DELETE /indexes/${temp}`,
      `DELETE /indexes/${temp}_terms`,
    ]);
    expect(stub.requests.find((r) => r.path === '/swap-indexes')?.body).toEqual([
      { indexes: [UID, temp], rename: false },
      { indexes: [TERMS, `${temp}_terms`], rename: false },
    ]);
    expect([...stub.indexes.keys()]).toEqual([UID, TERMS]);
    expect([...(stub.indexes.get(UID)?.docs.keys() ?? [])]).toEqual(['a-1']);
    expect(termsOf(TERMS)).toEqual({ '1': 1, title: 1 });
  });

  it('when the swap fails, then finish rejects and the old index stays live', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
    stub.indexes.set(UID, {
      settings: structuredClone(articleIndexSettings()),
      docs: new Map([['old', { id: 'old' }]]),
    });
    await index.begin({ rebuild: true });
    stub.failNextTask('indexSwap', {
      message: 'Indexes `x` not found.',
      code: 'index_not_found',
      type: 'invalid_request',
    });
    await expect(index.finish()).rejects.toMatchObject({ code: ErrorCode.internal });
    expect(stub.indexes.get(UID)?.docs.has('old')).toBe(true);
    // Only the unused vocabulary goes; the rebuilt articles stay for another attempt.
    expect(stub.calls().filter((c) => c.startsWith('DELETE'))).toEqual([
      `DELETE /indexes/${UID}_rebuild_1700000000000_terms`,
    ]);
    expect(stub.indexes.has(`${UID}_rebuild_1700000000000`)).toBe(true);
  });
});

describe('title vocabulary', () => {
  /** term -> docs as the stub's vocabulary index holds it. */
  const vocabulary = () =>
    new Map([...(stub.indexes.get(`${UID}_terms`)?.docs.values() ?? [])].map((d) => [d['term'], d['docs']]));

  it('when an existing index is written to, then finish updates only the changed words, without a title scan or a swap', async () => {
    await index.begin();
    await index.upsert([
      { ...article(1), title: 'North Korea fires missile' },
      { ...article(2), title: 'Korea talks resume' },
    ]);
    await index.finish();
    const before = stub.calls().length;

    await index.begin();
    await index.upsert([
      { ...article(1), title: 'North Korea tests missile' },
      { ...article(3), title: 'Summit talks' },
    ]);
    await index.delete(['a-2']);
    await index.finish();
    const calls = stub.calls().slice(before);
    expect(calls).toContain(`POST /indexes/${UID}/documents/fetch`);
    expect(calls).toContain(`POST /indexes/${UID}_terms/documents/fetch`);
    expect(calls).not.toContain('POST /swap-indexes');
    const titleScans = stub.requests.filter((r) => r.method === 'GET' && r.query.get('fields') === 'title');
    expect(titleScans).toHaveLength(1); // the first run's, none since
    expect(vocabulary()).toEqual(
      new Map([
        ['missile', 1],
        ['north', 1],
        ['korea', 1],
        ['summit', 1],
        ['talks', 1],
        ['tests', 1],
      ]),
    );
  });

  it('when a run finishes, then every title is read (title field only) and the words counted per title', async () => {
    await index.begin();
    await index.upsert([
      { ...article(1), title: 'North Korea fires missile' },
      { ...article(2), title: 'Korea-Japan talks: Korea and Japan agree' },
      { ...article(3), title: 'Café talks' },
    ]);
    await index.finish();
    const read = stub.requests.find((r) => r.method === 'GET' && r.path === `/indexes/${UID}/documents`);
    expect([read?.query.get('fields'), read?.query.get('offset'), read?.query.get('limit')]).toEqual([
      'title',
      '0',
      '5000',
    ]);
    expect(termsOf(TERMS)).toEqual({
      agree: 1,
      and: 1,
      cafe: 1,
      fires: 1,
      japan: 1,
      korea: 2,
      missile: 1,
      north: 1,
      talks: 2,
    });
    const korea = stub.indexes.get(TERMS)?.docs.get(termDocumentId('korea'));
    expect(korea).toEqual({ id: termDocumentId('korea'), term: 'korea', docs: 2 });
  });

  it('when a run finishes, then the vocabulary gets its settings before any word, in a fresh index swapped with the live one', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
    const next = `${TERMS}_rebuild_1700000000000`;
    await index.begin();
    await index.upsert([article(1)]);
    await index.finish();
    expect(stub.calls().slice(-11)).toEqual([
      `POST /indexes/${UID}/documents`,
      `GET /indexes/${TERMS}`,
      `GET /indexes/${UID}/documents`,
      `GET /indexes/${next}`,
      'POST /indexes',
      `GET /indexes/${next}/settings`,
      `PATCH /indexes/${next}/settings`,
      `POST /indexes/${next}/documents`,
      'POST /indexes',
      'POST /swap-indexes',
      `DELETE /indexes/${next}`,
    ]);
    const patch = stub.requests.find((r) => r.method === 'PATCH' && r.path === `/indexes/${next}/settings`);
    expect(patch?.body).toEqual(TERMS_INDEX_SETTINGS);
    expect(stub.requests.find((r) => r.path === '/swap-indexes')?.body).toEqual([
      { indexes: [TERMS, next], rename: false },
    ]);
    expect([...stub.indexes.keys()]).toEqual([UID, TERMS]);
    expect(stub.indexes.get(TERMS)?.settings).toMatchObject(TERMS_INDEX_SETTINGS);
  });

  it('when titles fill more than one page, then they are read page by page', async () => {
    await index.begin();
    await index.upsert(Array.from({ length: 5_001 }, (_, i) => article(i)));
    await index.finish();
    const pages = stub.requests.filter((r) => r.method === 'GET' && r.path === `/indexes/${UID}/documents`);
    expect(pages.map((r) => r.query.get('offset'))).toEqual(['0', '5000']);
    expect(termsOf(TERMS)['title']).toBe(5_001);
  });

  it('when a run changed nothing and the vocabulary exists, then finish leaves it alone', async () => {
    stub.indexes.set(UID, { settings: structuredClone(articleIndexSettings()), docs: new Map() });
    stub.indexes.set(TERMS, { settings: structuredClone(TERMS_INDEX_SETTINGS), docs: new Map() });
    await index.begin();
    expect(await index.delete(['missing'])).toBe(0);
    await index.finish();
    expect(stub.calls().at(-1)).toBe(`GET /indexes/${TERMS}`);
    expect(stub.calls().some((c) => c.includes('swap'))).toBe(false);
  });

  it('when a vocabulary batch fails, then finish rejects with our error and the live vocabulary is not swapped', async () => {
    stub.indexes.set(TERMS, {
      settings: structuredClone(TERMS_INDEX_SETTINGS),
      docs: new Map([['x', { id: 'x', term: 'old', docs: 1 }]]),
    });
    await index.begin();
    await index.upsert([article(1)]);
    stub.failNextTask('documentAdditionOrUpdate', {
      message: 'No space left on device',
      code: 'no_space_left_on_device',
      type: 'system',
    });
    const failure = await index.finish().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: ErrorCode.internal, status: 500 });
    expect(JSON.stringify(failure)).not.toContain('space');
    expect(stub.calls().some((c) => c.includes('swap'))).toBe(false);
    expect(termsOf(TERMS)).toEqual({ old: 1 });
    expect([...stub.indexes.keys()]).toEqual([TERMS, UID]); // the half-built vocabulary is gone
  });
});
