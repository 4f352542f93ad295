import type { SearchResponse } from '../api/types.js';
import { replaceKeepingFocus } from './dom.js';
import type { PageElements } from './page-elements.js';
import { renderListFacets } from './render-facets.js';
import { renderHistogram } from './render-histogram.js';
import { renderPagination } from './render-pagination.js';
import { matchNote, pagePosition, renderDidYouMean, renderHits, resultsHeading } from './render-results.js';
import { renderActiveFilters, renderEmpty, renderError, renderLoading } from './render-status.js';
import { MAX_PAGE, type SearchState } from './search-state.js';
import { activeFilters, effectiveSort } from './state-changes.js';

/** Puts the controls (text box, sort menu, filter count) in line with the state. */
export function syncControls(els: PageElements, state: SearchState): void {
  if (els.input.value !== state.q) els.input.value = state.q;
  els.sort.value = effectiveSort(state);
  const relevance = els.sort.querySelector<HTMLOptionElement>('option[value="relevance"]');
  // Without words there is nothing to rank by.
  if (relevance) relevance.disabled = state.q.trim() === '';
  const count = activeFilters(state).length;
  els.filtersCount.textContent = count > 0 ? String(count) : '';
  els.filtersCount.hidden = count === 0;
}

/**
 * Points the head's feed link (what browsers and feed readers discover) and "Follow this
 * search" at the Atom feed of the current search.
 */
export function syncFeedLinks(els: PageElements, href: string, state: SearchState): void {
  const q = state.q.trim();
  els.feedLink.href = href;
  els.feedLink.title = q === '' ? 'Newest articles' : `Newest articles matching “${q}”`;
  els.followLink.href = href;
}

/** Marks the results as loading; the first load shows a message, later ones dim the old results. */
export function showSearchLoading(els: PageElements, hasResults: boolean): void {
  els.results.setAttribute('aria-busy', 'true');
  if (!hasResults) els.status.replaceChildren(renderLoading());
}

/** Fills heading, facets, active filters, hits and pager from a response. */
export function showResults(els: PageElements, state: SearchState, response: SearchResponse): void {
  els.results.removeAttribute('aria-busy');
  els.heading.textContent = resultsHeading(response.totalHits, state.q);
  els.position.textContent = pagePosition(response, MAX_PAGE);
  const note = matchNote(response.totalHits, response.fullMatches, state.q);
  els.note.replaceChildren(
    ...(note ? [note] : []),
    ...(response.suggestedQuery ? [note ? ' · ' : '', renderDidYouMean(response.suggestedQuery, state)] : []),
  );
  const histogram = renderHistogram(response.facets.date, response.dateInterval, state);
  replaceKeepingFocus(els.filterGroups, ...(histogram ? [histogram] : []), ...renderListFacets(response.facets, state));
  // With no results the empty state lists the filters itself, with buttons to remove them.
  replaceKeepingFocus(els.activeFilters, ...(response.totalHits > 0 ? renderActiveFilters(state) : []));
  if (response.hits.length === 0) replaceKeepingFocus(els.status, renderEmpty(state, response.totalHits));
  else els.status.replaceChildren();
  els.hits.replaceChildren(...(response.hits.length > 0 ? [renderHits(response.hits, state)] : []));
  replaceKeepingFocus(els.pagination, ...renderPagination(state, response.totalPages));
}

/** A failed search: the problem shown where the results were, with a retry button. */
export function showSearchError(els: PageElements, state: SearchState, error: unknown): void {
  els.results.removeAttribute('aria-busy');
  els.heading.textContent = 'Search failed';
  els.position.textContent = '';
  els.note.replaceChildren();
  // Facets of an earlier search would describe results that are not on the page.
  els.filterGroups.replaceChildren();
  replaceKeepingFocus(els.activeFilters, ...renderActiveFilters(state));
  els.status.replaceChildren(renderError(error));
  els.hits.replaceChildren();
  els.pagination.replaceChildren();
}
