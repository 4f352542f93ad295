import type { Article } from '../api/types.js';
import type { ProblemDetails } from '../api/types.js';
import type { SuggestLimits, Suggestion, SuggestResponse } from '../api/types.js';
import type { SearchResponse } from '../api/types.js';
import type { RelatedLimits, RelatedResponse } from '../api/types.js';
import { filterParams, PAGE_SIZE, type SearchState } from './search-state.js';

/** Facets the page shows; `authors` is not in the server's default set. */
const FACETS = 'section,tags,authors,date';
const FACET_LIMIT = 12;
// Typed from the server's constants so a change there fails the web type check.
const SUGGEST_LIMIT: SuggestLimits['defaultLimit'] = 8;
/** Related articles shown under an article: the API's default. */
const RELATED_LIMIT: RelatedLimits['defaultLimit'] = 5;
/** Longest text the suggest endpoint accepts; longer input gets no suggestions. */
export const SUGGEST_MAX_CHARS: SuggestLimits['qChars'] = 200;

/** A failed API call: the problem details of the response, or `status` 0 when the network failed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<ProblemDetails>,
    options?: { cause?: unknown },
  ) {
    super(problem.title ?? `HTTP ${status}`, options);
    this.name = 'ApiError';
  }
}

/** The calls the page makes; the only module that talks HTTP. */
export interface ApiClient {
  search(state: SearchState, signal: AbortSignal): Promise<SearchResponse>;
  suggest(q: string, state: SearchState, signal: AbortSignal): Promise<Suggestion[]>;
  article(id: string, signal: AbortSignal): Promise<Article>;
  related(id: string, signal: AbortSignal): Promise<RelatedResponse>;
  /** The absolute URL of the Atom feed of a search (no request is made). */
  feedUrl(state: SearchState): string;
}

/** State -> `GET /api/search` parameters. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams(state.q === '' ? [] : [['q', state.q]]);
  for (const [name, value] of filterParams(state)) params.append(name, value);
  if (state.sort) params.set('sort', state.sort);
  params.set('page', String(state.page));
  params.set('pageSize', String(PAGE_SIZE));
  params.set('facets', FACETS);
  params.set('facetLimit', String(FACET_LIMIT));
  return params;
}

/** Typed text + current filters -> `GET /api/suggest` parameters (suggestions match the filters). */
export function toSuggestParams(q: string, state: SearchState): URLSearchParams {
  const params = new URLSearchParams([
    ['q', q],
    ['limit', String(SUGGEST_LIMIT)],
  ]);
  for (const [name, value] of filterParams(state)) params.append(name, value);
  return params;
}

/**
 * State -> `GET /api/feed` parameters: the search's words and filters; a feed is always newest
 * first and has no pages.
 * @example toFeedParams({ q: "korea", tags: ["missiles"], sort: "oldest", page: 3, ... }).toString() -> "q=korea&tag=missiles"
 */
export function toFeedParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams(state.q.trim() === '' ? [] : [['q', state.q]]);
  for (const [name, value] of filterParams(state)) params.append(name, value);
  return params;
}

/** A client for the API under `base` (e.g. `https://host/api/`). */
export function createApiClient(base: URL, fetchFn: typeof fetch = fetch.bind(globalThis)): ApiClient {
  async function get<T>(path: string, params: URLSearchParams | undefined, signal: AbortSignal): Promise<T> {
    const url = new URL(path, base);
    if (params) url.search = params.toString();
    let response: Response;
    try {
      response = await fetchFn(url, { signal, headers: { Accept: 'application/json' } });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ApiError(
        0,
        { title: 'The search service could not be reached', detail: 'Check your connection and try again.' },
        { cause: error },
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw new ApiError(response.status, isObject(body) ? (body as Partial<ProblemDetails>) : {});
    if (!isObject(body)) throw new ApiError(response.status, { title: 'Unexpected response from the search service' });
    // Same-origin responses typed by the server's own schemas (which its tests check);
    // bundling zod to re-validate them would triple the page's script size.
    return body as T;
  }
  return {
    search: (state, signal) => get<SearchResponse>('search', toSearchParams(state), signal),
    suggest: async (q, state, signal) =>
      (await get<SuggestResponse>('suggest', toSuggestParams(q, state), signal)).suggestions,
    article: (id, signal) => get<Article>(`articles/${encodeURIComponent(id)}`, undefined, signal),
    related: (id, signal) =>
      get<RelatedResponse>(
        `articles/${encodeURIComponent(id)}/related`,
        new URLSearchParams([['limit', String(RELATED_LIMIT)]]),
        signal,
      ),
    feedUrl: (state) => {
      const url = new URL('feed', base);
      url.search = toFeedParams(state).toString();
      return url.href;
    },
  };
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
