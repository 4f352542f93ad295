import { ApiError } from './api-client.js';
import { h } from './dom.js';
import { formatRange } from './format.js';
import { toHref, type SearchState } from './search-state.js';
import { activeFilters, withPage, type ActiveFilter } from './state-changes.js';

const KIND_LABEL = { sections: 'Section', tags: 'Tag', authors: 'Author', dates: 'Published' } as const;

/** The label of an active filter, e.g. "Tag: asia". */
export function filterLabel(filter: ActiveFilter): string {
  const value = filter.kind === 'dates' ? formatRange(filter.from, filter.to) : filter.value;
  return `${KIND_LABEL[filter.kind]}: ${value}`;
}

/** A button that removes one active filter (handled by the page controller). */
export function removeFilterButton(filter: ActiveFilter, text: string): HTMLButtonElement {
  const key = filter.kind === 'dates' ? 'dates' : `${filter.kind}:${filter.value.toLowerCase()}`;
  return h(
    'button',
    {
      type: 'button',
      class: 'chip chip--removable',
      'data-action': filter.kind === 'dates' ? 'clear-dates' : 'toggle',
      'data-kind': filter.kind === 'dates' ? undefined : filter.kind,
      'data-value': filter.kind === 'dates' ? undefined : filter.value,
      'data-key': `remove:${key}`,
      'aria-label': `Remove filter ${filterLabel(filter)}`,
    },
    text,
    h('span', { class: 'chip__x', 'aria-hidden': 'true' }, '×'),
  );
}

/** The bar of chosen filters above the results, each removable, and "Clear all". */
export function renderActiveFilters(state: SearchState): HTMLElement[] {
  const filters = activeFilters(state);
  if (filters.length === 0) return [];
  return [
    h(
      'ul',
      { class: 'active-filters', 'aria-label': 'Active filters' },
      ...filters.map((f) => h('li', {}, removeFilterButton(f, filterLabel(f)))),
      filters.length > 1 &&
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'link-button', 'data-action': 'clear-filters', 'data-key': 'clear-filters' },
            'Clear all',
          ),
        ),
    ),
  ];
}

/** Shown while the first results of a search load. */
export function renderLoading(): HTMLElement {
  return h(
    'div',
    { class: 'notice notice--loading' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    'Loading results…',
  );
}

/** No hits: suggests removing filters (one button per filter) or other words. */
export function renderEmpty(state: SearchState, totalHits: number): HTMLElement {
  if (totalHits > 0) {
    return h(
      'div',
      { class: 'notice' },
      h('h3', { class: 'notice__title' }, 'This page is past the last one'),
      h('p', {}, h('a', { href: toHref(withPage(state, 1)), 'data-nav': true }, 'Go to the first page')),
    );
  }
  const filters = activeFilters(state);
  return h(
    'div',
    { class: 'notice notice--empty' },
    h('h3', { class: 'notice__title' }, 'No articles match'),
    filters.length > 0
      ? h('p', {}, 'Try removing a filter:')
      : h(
          'p',
          {},
          state.q.trim() === '' ? 'The archive is empty.' : 'Check the spelling, or try fewer or different words.',
        ),
    filters.length > 0 &&
      h(
        'ul',
        { class: 'active-filters' },
        ...filters.map((f) => h('li', {}, removeFilterButton(f, `Remove ${filterLabel(f)}`))),
        filters.length > 1 &&
          h(
            'li',
            {},
            h('button', { type: 'button', class: 'button', 'data-action': 'clear-filters' }, 'Remove all filters'),
          ),
      ),
  );
}

/** A failed search: the problem's title and detail, the request id for support, and a retry button. */
export function renderError(error: unknown): HTMLElement {
  const problem = error instanceof ApiError ? error.problem : {};
  const title = problem.title ?? 'Something went wrong';
  const detail = problem.detail ?? (error instanceof ApiError ? undefined : 'The page could not show the results.');
  return h(
    'div',
    { class: 'notice notice--error', role: 'alert' },
    h('h3', { class: 'notice__title' }, title),
    detail && h('p', { class: 'notice__detail' }, detail),
    problem.requestId && h('p', { class: 'notice__ref' }, `Reference: ${problem.requestId}`),
    h('button', { type: 'button', class: 'button', 'data-action': 'retry', 'data-key': 'retry' }, 'Try again'),
  );
}
