import type { SearchLimits, Sort } from '../api/types.js';

/** What the reader is looking at; the page URL's query string is its serialised form. */
export interface SearchState {
  q: string;
  sections: string[];
  tags: string[];
  authors: string[];
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive (the whole day). */
  to?: string;
  /** Absent: the server's default (relevance with a query, newest without). */
  sort?: Sort;
  page: number;
  /** Id of the article open in the article view. */
  article?: string;
}

/** The filter lists of a state, by name. */
export type FilterKind = 'sections' | 'tags' | 'authors';

/** The sort options, in menu order (checked against the server's `Sort` below). */
export const SORT_OPTIONS = ['relevance', 'newest', 'oldest'] as const satisfies readonly Sort[];
const _allSortsListed: Exclude<Sort, (typeof SORT_OPTIONS)[number]> extends never ? true : never = true;
void _allSortsListed;

/** Hits per page the page asks for. */
export const PAGE_SIZE = 10;
// Typed from the server's constant so a change there fails the web type check.
const MAX_RESULT_WINDOW: SearchLimits['maxResultWindow'] = 10_000;
/** The last page the API will serve at PAGE_SIZE. */
export const MAX_PAGE = Math.floor(MAX_RESULT_WINDOW / PAGE_SIZE);

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ARTICLE_ID = /^[A-Za-z0-9_-]{1,128}$/;
const PAGE = /^\d{1,6}$/;

/** The state with nothing chosen: the newest articles. */
export const EMPTY_STATE: SearchState = { q: '', sections: [], tags: [], authors: [], page: 1 };

/**
 * Query string -> state. Tolerant: unknown or malformed values are dropped, as a shared
 * link should still open a search.
 * @example parseSearchState("?q=ko&tag=a,b&page=2") -> { q: "ko", tags: ["a", "b"], page: 2, ... }
 */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const state: SearchState = {
    q: params.get('q') ?? '',
    sections: listParam(params, 'section'),
    tags: listParam(params, 'tag'),
    authors: listParam(params, 'author'),
    page: pageParam(params.get('page')),
  };
  const from = params.get('from');
  const to = params.get('to');
  const sort = params.get('sort');
  const article = params.get('article');
  if (from !== null && isCalendarDate(from)) state.from = from;
  if (to !== null && isCalendarDate(to)) state.to = to;
  if (SORT_OPTIONS.some((s) => s === sort)) state.sort = sort as Sort;
  if (article !== null && ARTICLE_ID.test(article)) state.article = article;
  return state;
}

/**
 * State -> canonical query string, without the leading "?"; defaults are left out so
 * links stay short.
 * @example toQueryString({ ...EMPTY_STATE, q: "north korea", page: 2 }) -> "q=north+korea&page=2"
 */
export function toQueryString(state: SearchState): string {
  const params = new URLSearchParams(state.q === '' ? [] : [['q', state.q]]);
  for (const [name, value] of filterParams(state)) params.append(name, value);
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.article) params.set('article', state.article);
  return params.toString();
}

/** The href of a state: "?..." or "./" for the empty one. */
export function toHref(state: SearchState): string {
  const query = toQueryString(state);
  return query === '' ? './' : `?${query}`;
}

/** The filter parameters shared by search and suggest: repeated, never comma-joined. */
export function filterParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  for (const v of state.sections) params.append('section', v);
  for (const v of state.tags) params.append('tag', v);
  for (const v of state.authors) params.append('author', v);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  return params;
}

/** The sort the server applies when none is chosen. */
export function defaultSort(q: string): Sort {
  return q.trim() === '' ? 'newest' : 'relevance';
}

function listParam(params: URLSearchParams, name: string): string[] {
  // Commas separate values as in the API, so `tag=a,b` from a hand-written link works.
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return uniqueLabels(values);
}

/** Case-insensitive de-duplication, keeping the first spelling (filters compare that way). */
export function uniqueLabels(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pageParam(text: string | null): number {
  if (text === null || !PAGE.test(text)) return 1;
  return Math.min(Math.max(Number(text), 1), MAX_PAGE);
}

function isCalendarDate(text: string): boolean {
  if (!BARE_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
