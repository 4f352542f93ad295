import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type Task,
} from 'meilisearch';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type AppError, ErrorCode } from '../../src/errors.js';
import {
  type MeiliFailure,
  isMissing,
  taskFailure,
  toAppError,
} from '../../src/search/engines/meilisearch/meili-errors.js';

const SECRET_URL = 'http://meili.internal:7700/multi-search';
const SECRET_KEY = 'masterKey-abcdefgh';
const VENDOR_MESSAGE = 'Attribute `secret_field` is not filterable.';

const apiError = (status: number, code = 'invalid_search_filter') =>
  new MeilisearchApiError(new Response(null, { status }), {
    message: VENDOR_MESSAGE,
    code,
    type: 'invalid_request',
    link: 'https://docs',
  });

/** Everything a client or a log line could show of an error. */
function exposed(error: AppError): string {
  const { message, detail, code, status, errors, headers } = error;
  return JSON.stringify({
    message,
    detail,
    code,
    status,
    errors,
    headers,
    logged: pino.stdSerializers.err(error.cause as Error),
  });
}

describe('toAppError', () => {
  it('when Meilisearch answers 5xx, then the engine is unavailable (503, Retry-After)', () => {
    const error = toAppError('search', apiError(503, 'internal'));
    expect(error).toMatchObject({ code: ErrorCode.engineUnavailable, status: 503, headers: { 'Retry-After': '2' } });
    expect(error.cause).toMatchObject({ op: 'search', kind: 'http', status: 503, meiliCode: 'internal' });
  });

  it('when Meilisearch answers 4xx, then it is an internal error', () => {
    expect(toAppError('search', apiError(400))).toMatchObject({ code: ErrorCode.internal, status: 500 });
    expect(toAppError('search', apiError(404, 'index_not_found'))).toMatchObject({ code: ErrorCode.internal });
  });

  it('when Meilisearch refuses the key (401, 403), then the engine is unavailable, retryable', () => {
    for (const status of [401, 403]) {
      expect(toAppError('search', apiError(status, 'invalid_api_key'))).toMatchObject({
        code: ErrorCode.engineUnavailable,
        status: 503,
        headers: { 'Retry-After': '2' },
      });
    }
  });

  it('when the request fails on the network, then the engine is unavailable and the cause names the socket error', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error(`connect ECONNREFUSED ${SECRET_URL}`), { code: 'ECONNREFUSED' }),
    });
    const error = toAppError('search', new MeilisearchRequestError(SECRET_URL, refused));
    expect(error).toMatchObject({ code: ErrorCode.engineUnavailable, status: 503 });
    expect(error.cause).toMatchObject({ kind: 'network', netCode: 'ECONNREFUSED' });
  });

  it('when the request times out, then the engine is unavailable with a timeout cause', () => {
    const init = { headers: new Headers({ Authorization: `Bearer ${SECRET_KEY}` }) };
    const client = toAppError(
      'stats',
      new MeilisearchRequestError(SECRET_URL, new MeilisearchRequestTimeOutError(2000, init)),
    );
    const ours = toAppError(
      'search',
      new MeilisearchRequestError(SECRET_URL, new DOMException('timed out', 'TimeoutError')),
    );
    expect([client.code, ours.code]).toEqual([ErrorCode.engineUnavailable, ErrorCode.engineUnavailable]);
    expect([(client.cause as MeiliFailure).kind, (ours.cause as MeiliFailure).kind]).toEqual(['timeout', 'timeout']);
  });

  it('when a task outlives its wait, then it is a timeout error', () => {
    expect(toAppError('addDocuments', new MeilisearchTaskTimeOutError(12, 600_000))).toMatchObject({
      code: ErrorCode.timeout,
      status: 504,
    });
  });

  it('when the answer is not JSON (a proxy page), then the engine is unavailable', () => {
    expect(toAppError('search', new SyntaxError('Unexpected token <'))).toMatchObject({
      code: ErrorCode.engineUnavailable,
    });
  });

  it('when a document is not one of ours, then it is an internal error', () => {
    const zod = z.object({ id: z.string() }).safeParse({ id: 1 }).error;
    expect(toAppError('search', zod)).toMatchObject({ code: ErrorCode.internal, status: 500 });
  });

  it.each([
    ['api', apiError(503)],
    ['network', new MeilisearchRequestError(SECRET_URL, new TypeError('fetch failed'))],
    [
      'timeout',
      new MeilisearchRequestError(
        SECRET_URL,
        new MeilisearchRequestTimeOutError(2000, { headers: { Authorization: `Bearer ${SECRET_KEY}` } }),
      ),
    ],
  ])(
    'when a %s error is wrapped, then no URL, key or Meilisearch message shows in public fields or logs',
    (_kind, raw) => {
      const text = exposed(toAppError('search', raw));
      expect(text).not.toContain('meili.internal');
      expect(text).not.toContain(SECRET_KEY);
      expect(text).not.toContain(VENDOR_MESSAGE);
    },
  );
});

describe('taskFailure', () => {
  const task = {
    uid: 7,
    indexUid: 'articles',
    status: 'failed',
    type: 'documentAdditionOrUpdate',
    batchUid: 3,
    canceledBy: null,
    error: { message: VENDOR_MESSAGE, code: 'invalid_document_id', type: 'invalid_request', link: 'https://docs' },
    duration: 'PT0.1S',
    enqueuedAt: '2026-01-01T00:00:00Z',
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:00:01Z',
  } satisfies Task;

  it('when a task failed, then an internal AppError keeps the task facts, and the message only off the record', () => {
    const error = taskFailure('addDocuments', task);
    expect(error).toMatchObject({ code: ErrorCode.internal, status: 500 });
    expect(error.cause).toMatchObject({
      kind: 'task',
      taskUid: 7,
      taskStatus: 'failed',
      meiliCode: 'invalid_document_id',
    });
    expect((error.cause as { vendorMessage?: string }).vendorMessage).toBe(VENDOR_MESSAGE);
    expect(exposed(error)).not.toContain(VENDOR_MESSAGE);
  });
});

describe('isMissing', () => {
  it('when Meilisearch says the index or document does not exist, then it is missing', () => {
    expect(isMissing(apiError(404, 'index_not_found'))).toBe(true);
    expect(isMissing(apiError(404, 'document_not_found'))).toBe(true);
    expect(isMissing(apiError(400))).toBe(false);
    expect(isMissing(new Error('index_not_found'))).toBe(false);
  });
});
