import { SUGGEST_MAX_CHARS, type ApiClient } from './api-client.js';
import { attachAutocomplete } from './autocomplete.js';
import { latestOnly } from './latest-only.js';
import type { PageElements } from './page-elements.js';
import { renderArticle, renderArticleError, renderArticleLoading } from './render-article.js';
import { failRelated, fillRelated } from './render-related.js';
import { showResults, showSearchError, showSearchLoading, syncControls, syncFeedLinks } from './results-view.js';
import {
  parseSearchState,
  SORT_OPTIONS,
  toHref,
  toQueryString,
  type FilterKind,
  type SearchState,
} from './search-state.js';
import {
  clearFilters,
  stateAfterPick,
  toggleFilter,
  withDates,
  withoutArticle,
  withQuery,
  withSort,
} from './state-changes.js';

const SITE = 'The Example Newsroom';
/** Where focus goes after a change: kept where the reader is, or moved to the new content. */
type Focus = 'keep' | 'content' | 'none';

/**
 * The page controller: the URL is the state; every change pushes a history entry and
 * renders from the state, so reload, shared links and back/forward all show the same thing.
 */
export function startSearchPage(els: PageElements, api: ApiClient): void {
  let state = parseSearchState(location.search);
  let hasResults = false;
  /** Whether the article view was opened from the results, so "Back to results" can be history.back(). */
  let openedOverResults = false;
  const searches = latestOnly((signal, s: SearchState) => api.search(s, signal));
  const articles = latestOnly((signal, id: string) => api.article(id, signal));
  const relatedArticles = latestOnly((signal, id: string) => api.related(id, signal));

  const autocomplete = attachAutocomplete({
    input: els.input,
    listbox: els.listbox,
    status: els.suggestStatus,
    fetchSuggestions: (q, signal) => api.suggest(q, state, signal),
    accepts: (q) => q.trim() !== '' && q.length <= SUGGEST_MAX_CHARS,
    onPick: (suggestion) => go(stateAfterPick(state, suggestion), suggestion.type === 'article' ? 'content' : 'keep'),
  });

  function go(next: SearchState, focus: Focus): void {
    if (toQueryString(next) !== location.search.replace(/^\?/, '')) history.pushState(null, '', toHref(next));
    openedOverResults = Boolean(next.article) && !state.article;
    state = next;
    void render(focus);
  }

  async function render(focus: Focus): Promise<void> {
    syncControls(els, state);
    syncFeedLinks(els, api.feedUrl(state), state);
    if (state.article) return renderArticleView(state.article, focus);
    articles.cancel();
    relatedArticles.cancel();
    els.articleView.hidden = true;
    els.searchView.hidden = false;
    document.title = state.q.trim() === '' ? `Search – ${SITE}` : `${state.q.trim()} – Search – ${SITE}`;
    showSearchLoading(els, hasResults);
    const outcome = await searches.run(state);
    if (outcome.status === 'stale') return;
    if (outcome.status === 'failed') {
      hasResults = false;
      showSearchError(els, state, outcome.error);
    } else {
      hasResults = outcome.value.hits.length > 0;
      showResults(els, state, outcome.value);
    }
    els.announcer.textContent = els.heading.textContent ?? '';
    settleFocus(focus, els.heading);
  }

  async function renderArticleView(id: string, focus: Focus): Promise<void> {
    searches.cancel();
    const back = toHref(withoutArticle(state));
    els.searchView.hidden = true;
    els.articleView.hidden = false;
    els.articleView.replaceChildren(...renderArticleLoading(back));
    const outcome = await articles.run(id);
    if (outcome.status === 'stale') return;
    if (outcome.status === 'done') {
      document.title = `${outcome.value.title} – ${SITE}`;
      els.articleView.replaceChildren(...renderArticle(outcome.value, back, state));
      void showRelated(id);
    } else {
      els.articleView.replaceChildren(...renderArticleError(outcome.error, back));
    }
    if (focus !== 'none') window.scrollTo(0, 0);
    settleFocus(focus === 'keep' ? 'content' : focus, els.articleView.querySelector<HTMLElement>('#article-title'));
  }

  /** Fills the article's "Related articles" section once they arrive (the article does not wait). */
  async function showRelated(id: string): Promise<void> {
    const outcome = await relatedArticles.run(id);
    const section = els.articleView.querySelector<HTMLElement>('#related');
    if (outcome.status === 'stale' || !section) return;
    if (outcome.status === 'done') fillRelated(section, outcome.value.hits, state);
    else failRelated(section);
  }

  /** After rendering: move focus to the new content, or rescue focus lost with a removed control. */
  function settleFocus(focus: Focus, target: HTMLElement | null): void {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (focus === 'content' || (focus === 'keep' && lost)) target?.focus({ preventScroll: focus !== 'content' });
  }

  els.form.addEventListener('submit', (event) => {
    event.preventDefault();
    autocomplete.reset();
    go(withQuery(state, els.input.value), 'keep');
  });

  els.sort.addEventListener('change', () => {
    const sort = SORT_OPTIONS.find((s) => s === els.sort.value);
    if (sort) go(withSort(state, sort), 'keep');
  });

  els.filters.addEventListener('change', (event) => {
    const box = event.target;
    if (box instanceof HTMLInputElement && box.dataset['kind'])
      go(toggleFilter(state, box.dataset['kind'] as FilterKind, box.value), 'keep');
  });

  document.addEventListener('click', (event) => {
    if (!(event.target instanceof Element)) return;
    const action = event.target.closest<HTMLElement>('[data-action]');
    if (action) return onAction(action);
    const link = event.target.closest<HTMLAnchorElement>('a[data-nav]');
    // Modified clicks keep their browser meaning (new tab, new window).
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    // Going back rather than forward keeps the history as the reader expects: results, article, results.
    if (link.dataset['key'] === 'back' && openedOverResults) history.back();
    else go(parseSearchState(new URL(link.href).search), 'content');
  });

  function onAction(el: HTMLElement): void {
    const { action, kind, value, from, to } = el.dataset;
    if (action === 'toggle' && kind && value !== undefined) go(toggleFilter(state, kind as FilterKind, value), 'keep');
    else if (action === 'dates') go(withDates(state, from, to), 'keep');
    else if (action === 'clear-dates') go(withDates(state), 'keep');
    else if (action === 'clear-filters') go(clearFilters(state), 'keep');
    else if (action === 'retry') void render('keep');
  }

  els.filtersToggle.addEventListener('click', () => {
    const open = els.filtersToggle.getAttribute('aria-expanded') !== 'true';
    els.filtersToggle.setAttribute('aria-expanded', String(open));
    els.filters.classList.toggle('is-open', open);
  });

  window.addEventListener('popstate', () => {
    const next = parseSearchState(location.search);
    // A fragment change (the skip link) also pops; the search itself has not changed.
    if (toQueryString(next) === toQueryString(state)) return;
    state = next;
    openedOverResults = false;
    autocomplete.reset();
    // 'keep' only moves focus when it was lost with the view it was in (e.g. "Back to results").
    void render('keep');
  });

  void render('none');
}
