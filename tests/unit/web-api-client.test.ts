import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, toFeedParams, toSearchParams, toSuggestParams } from '../../src/web/api-client.js';
import { EMPTY_STATE, PAGE_SIZE, type SearchState } from '../../src/web/search-state.js';

const state: SearchState = {
  ...EMPTY_STATE,
  q: 'korea',
  sections: ['World', 'Politics'],
  tags: ['ai'],
  from: '2023-01-01',
  sort: 'oldest',
  page: 2,
  article: 'x',
};

/** A fetch that records the URL and answers with `body` and `status`. */
function fakeFetch(status: number, body: unknown, seen: URL[] = []): typeof fetch {
  return async (input) => {
    seen.push(new URL(String(input)));
    return new Response(body === undefined ? 'not json' : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
}

describe('web API client', () => {
  it('when a search is sent, then filters repeat, facets include authors, and the article is not sent', () => {
    const params = toSearchParams(state);
    expect(params.getAll('section')).toEqual(['World', 'Politics']);
    expect(Object.fromEntries([...params].filter(([k]) => k !== 'section'))).toEqual({
      q: 'korea',
      tag: 'ai',
      from: '2023-01-01',
      sort: 'oldest',
      page: '2',
      pageSize: String(PAGE_SIZE),
      facets: 'section,tags,authors,date',
      facetLimit: '12',
    });
  });

  it('when suggestions are asked for, then the typed text and the filters are sent, not the page', () => {
    const params = toSuggestParams('north ko', state);
    expect(params.get('q')).toBe('north ko');
    expect(params.get('limit')).toBe('8');
    expect(params.getAll('tag')).toEqual(['ai']);
    expect(params.has('page')).toBe(false);
  });

  it('when the API answers, then the client calls the URL under its base', async () => {
    const seen: URL[] = [];
    const api = createApiClient(
      new URL('http://host/prefix/api/'),
      fakeFetch(
        200,
        { q: 'ko', suggestions: [{ type: 'query', text: 'korea', highlight: 'korea' }], processingTimeMs: 1 },
        seen,
      ),
    );
    await expect(api.suggest('ko', EMPTY_STATE, new AbortController().signal)).resolves.toEqual([
      { type: 'query', text: 'korea', highlight: 'korea' },
    ]);
    await api.article('a b', new AbortController().signal).catch(() => undefined);
    expect(seen.map((u) => u.pathname)).toEqual(['/prefix/api/suggest', '/prefix/api/articles/a%20b']);
  });

  it('when related articles are asked for, then the article path is encoded and the default limit sent', async () => {
    const seen: URL[] = [];
    const client = createApiClient(
      new URL('https://news.example.org/base/api/'),
      fakeFetch(200, { id: 'a b', hits: [] }, seen),
    );
    expect(await client.related('a b', new AbortController().signal)).toEqual({ id: 'a b', hits: [] });
    expect(seen[0]?.href).toBe('https://news.example.org/base/api/articles/a%20b/related?limit=5');
  });

  it('when a feed link is made, then it holds the words and filters, not the sort, page or article', () => {
    expect(toFeedParams(state).toString()).toBe('q=korea&section=World&section=Politics&tag=ai&from=2023-01-01');
    expect(toFeedParams({ ...EMPTY_STATE, q: '  ' }).toString()).toBe('');
    const client = createApiClient(new URL('https://news.example.org/base/api/'), fakeFetch(200, {}));
    expect(client.feedUrl({ ...EMPTY_STATE, q: 'north korea', tags: ['a&b'] })).toBe(
      'https://news.example.org/base/api/feed?q=north+korea&tag=a%26b',
    );
  });

  it('when the API answers with a problem, then an ApiError carries its status and details', async () => {
    const problem = {
      type: 't',
      title: 'Invalid request parameter',
      status: 400,
      detail: 'Check: from',
      code: 'invalid_parameter',
      requestId: 'r1',
    };
    const api = createApiClient(new URL('http://host/api/'), fakeFetch(400, problem));
    const error = await api.search(EMPTY_STATE, new AbortController().signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, problem: { code: 'invalid_parameter', detail: 'Check: from' } });
  });

  it('when the network fails, then the error has status 0 and a readable title', async () => {
    const api = createApiClient(new URL('http://host/api/'), async () => {
      throw new TypeError('fetch failed');
    });
    await expect(api.search(EMPTY_STATE, new AbortController().signal)).rejects.toMatchObject({
      status: 0,
      problem: { title: expect.any(String) },
    });
  });

  it('when a 5xx has no JSON body, then the error still has the status', async () => {
    const api = createApiClient(new URL('http://host/api/'), fakeFetch(502, undefined));
    await expect(api.search(EMPTY_STATE, new AbortController().signal)).rejects.toMatchObject({ status: 502 });
  });
});
