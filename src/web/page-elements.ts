import { byId } from './dom.js';

/** The fixed parts of index.html the script fills in. */
export interface PageElements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  listbox: HTMLElement;
  suggestStatus: HTMLElement;
  searchView: HTMLElement;
  articleView: HTMLElement;
  filtersToggle: HTMLButtonElement;
  filtersCount: HTMLElement;
  filters: HTMLElement;
  filterGroups: HTMLElement;
  results: HTMLElement;
  heading: HTMLElement;
  position: HTMLElement;
  /** "N results with all your words, then M with some" and "Did you mean …". */
  note: HTMLElement;
  sort: HTMLSelectElement;
  activeFilters: HTMLElement;
  status: HTMLElement;
  hits: HTMLElement;
  pagination: HTMLElement;
  announcer: HTMLElement;
  /** `<link rel="alternate" type="application/atom+xml">` in the head. */
  feedLink: HTMLLinkElement;
  /** "Follow this search". */
  followLink: HTMLAnchorElement;
}

/** Looks the page's parts up once; a missing one fails loudly at start. */
export function findPageElements(): PageElements {
  return {
    form: byId('search-form', HTMLFormElement),
    input: byId('search-input', HTMLInputElement),
    listbox: byId('suggestions', HTMLElement),
    suggestStatus: byId('suggestions-status', HTMLElement),
    searchView: byId('search-view', HTMLElement),
    articleView: byId('article-view', HTMLElement),
    filtersToggle: byId('filters-toggle', HTMLButtonElement),
    filtersCount: byId('filters-count', HTMLElement),
    filters: byId('filters', HTMLElement),
    filterGroups: byId('filter-groups', HTMLElement),
    results: byId('results', HTMLElement),
    heading: byId('results-heading', HTMLElement),
    position: byId('results-position', HTMLElement),
    note: byId('results-note', HTMLElement),
    sort: byId('sort', HTMLSelectElement),
    activeFilters: byId('active-filters', HTMLElement),
    status: byId('results-status', HTMLElement),
    hits: byId('hits', HTMLElement),
    pagination: byId('pagination', HTMLElement),
    announcer: byId('announcer', HTMLElement),
    feedLink: byId('feed-link', HTMLLinkElement),
    followLink: byId('follow-link', HTMLAnchorElement),
  };
}
