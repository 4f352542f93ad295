import type { Sort } from '../api/types.js';
import type { Suggestion } from '../api/types.js';
import { defaultSort, MAX_PAGE, type FilterKind, type SearchState } from './search-state.js';

/**
 * Pure transitions of the search state. Every change of what is searched goes back to
 * page 1 and leaves the article view.
 */

/** Filter values compare case-insensitively, as on the server. */
export function sameLabel(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Whether `value` is among the chosen values of `kind`. */
export function isChosen(state: SearchState, kind: FilterKind, value: string): boolean {
  return state[kind].some((v) => sameLabel(v, value));
}

function restart(state: SearchState): SearchState {
  const { article: _article, ...rest } = state;
  return { ...rest, page: 1 };
}

/** A new query text, keeping the filters. */
export function withQuery(state: SearchState, q: string): SearchState {
  return { ...restart(state), q: q.trim() };
}

/** Adds or removes one filter value. */
export function toggleFilter(state: SearchState, kind: FilterKind, value: string): SearchState {
  const values = isChosen(state, kind, value)
    ? state[kind].filter((v) => !sameLabel(v, value))
    : [...state[kind], value];
  return { ...restart(state), [kind]: values };
}

/** Makes sure one filter value is chosen (a link from a result never removes it). */
export function addFilter(state: SearchState, kind: FilterKind, value: string): SearchState {
  return isChosen(state, kind, value) ? restart(state) : toggleFilter(state, kind, value);
}

/** Sets or clears the date range. */
export function withDates(state: SearchState, from?: string, to?: string): SearchState {
  const { from: _from, to: _to, ...rest } = restart(state);
  return { ...rest, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** Removes every filter, keeping the query and the sort. */
export function clearFilters(state: SearchState): SearchState {
  return withDates({ ...state, sections: [], tags: [], authors: [] });
}

/** A sort choice; the server's default for the query is stored as "none" to keep URLs short. */
export function withSort(state: SearchState, sort: Sort): SearchState {
  const { sort: _sort, ...rest } = restart(state);
  return sort === defaultSort(state.q) ? rest : { ...rest, sort };
}

/** Another page of the same search. */
export function withPage(state: SearchState, page: number): SearchState {
  const { article: _article, ...rest } = state;
  return { ...rest, page: Math.min(Math.max(Math.trunc(page), 1), MAX_PAGE) };
}

/** Opens an article over the current search, so "back" returns to it. */
export function withArticle(state: SearchState, id: string): SearchState {
  return { ...state, article: id };
}

/** Leaves the article view for the search underneath. */
export function withoutArticle(state: SearchState): SearchState {
  const { article: _article, ...rest } = state;
  return rest;
}

/** The sort in effect: the chosen one or the server's default. */
export function effectiveSort(state: SearchState): Sort {
  return state.sort ?? defaultSort(state.q);
}

/** One chosen filter, for the "active filters" bar. */
export type ActiveFilter = { kind: FilterKind; value: string } | { kind: 'dates'; from?: string; to?: string };

/** The chosen filters in display order. */
export function activeFilters(state: SearchState): ActiveFilter[] {
  const lists = (['sections', 'tags', 'authors'] as const).flatMap((kind) =>
    state[kind].map((value) => ({ kind, value })),
  );
  if (!state.from && !state.to) return lists;
  return [
    ...lists,
    { kind: 'dates', ...(state.from ? { from: state.from } : {}), ...(state.to ? { to: state.to } : {}) },
  ];
}

/**
 * Whether a date bucket overlaps the chosen range (YYYY-MM-DD strings order like dates).
 * @example bucketInRange({ from: "2023-03-01", to: "2023-03-31" }, "2023-03-15", undefined) -> true
 */
export function bucketInRange(
  bucket: { from: string; to: string },
  from: string | undefined,
  to: string | undefined,
): boolean {
  if (!from && !to) return false;
  return (from === undefined || bucket.to >= from) && (to === undefined || bucket.from <= to);
}

/**
 * The search a picked suggestion leads to: a query is searched, an article opened, a tag
 * section or author applied as a filter (the typed text was only a way to find it, so it goes).
 */
export function stateAfterPick(state: SearchState, suggestion: Suggestion): SearchState {
  switch (suggestion.type) {
    case 'query':
      return withQuery(state, suggestion.text);
    case 'article':
      return withArticle(state, suggestion.id);
    case 'tag':
      return addFilter(withQuery(state, ''), 'tags', suggestion.text);
    case 'section':
      return addFilter(withQuery(state, ''), 'sections', suggestion.text);
    case 'author':
      return addFilter(withQuery(state, ''), 'authors', suggestion.text);
  }
}
