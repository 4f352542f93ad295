import type { SearchHit, SearchResponse } from '../api/types.js';
import { h } from './dom.js';
import { formatCount, formatDate } from './format.js';
import { renderMarked } from './marked-text.js';
import { PAGE_SIZE, toHref, type SearchState } from './search-state.js';
import { addFilter, withArticle, withQuery } from './state-changes.js';

/**
 * The results heading.
 * @example resultsHeading(17, "north korea") -> "17 results for “north korea”"
 * @example resultsHeading(186, "") -> "186 articles"
 */
export function resultsHeading(totalHits: number, q: string): string {
  const count = formatCount(totalHits);
  if (q.trim() === '') return `${count} ${totalHits === 1 ? 'article' : 'articles'}`;
  return `${count} ${totalHits === 1 ? 'result' : 'results'} for “${q.trim()}”`;
}

/**
 * How many hits hold every word, when some hold only some of them; empty otherwise.
 * @example matchNote(106, 6, 'kim jong un') -> "6 results with all your words, then 100 with some"
 * @example matchNote(40, 0, 'kim jong un') -> "No result has all your words; 40 have some"
 */
export function matchNote(totalHits: number, fullMatches: number, q: string): string {
  if (q.trim() === '' || fullMatches >= totalHits) return '';
  const some = formatCount(totalHits - fullMatches);
  if (fullMatches === 0) return `No result has all your words; ${some} ${totalHits === 1 ? 'has' : 'have'} some`;
  const all = formatCount(fullMatches);
  return `${all} ${fullMatches === 1 ? 'result' : 'results'} with all your words, then ${some} with some`;
}

/** "Did you mean …?", its query a link that searches it (the filters stay). */
export function renderDidYouMean(suggestedQuery: string, state: SearchState): HTMLElement {
  return h(
    'span',
    { class: 'did-you-mean' },
    'Did you mean ',
    h('a', { href: toHref(withQuery(state, suggestedQuery)), 'data-nav': true }, suggestedQuery),
    '?',
  );
}

/** The position line under the heading, e.g. "Page 2 of 19". */
export function pagePosition(response: Pick<SearchResponse, 'page' | 'totalPages'>, lastPage: number): string {
  const total = Math.min(response.totalPages, lastPage);
  return total > 1 ? `Page ${formatCount(response.page)} of ${formatCount(total)}` : '';
}

/** The list of hits; titles and snippets carry the server's highlight. */
export function renderHits(hits: readonly SearchHit[], state: SearchState): HTMLOListElement {
  return h(
    'ol',
    { class: 'hits', start: (state.page - 1) * PAGE_SIZE + 1 },
    ...hits.map((hit) => renderHit(hit, state)),
  );
}

function renderHit(hit: SearchHit, state: SearchState): HTMLLIElement {
  const title = h('a', { href: toHref(withArticle(state, hit.id)), 'data-nav': true, class: 'hit__link' });
  renderMarked(title, hit.highlight?.title ?? escapeText(hit.title));
  const snippetHtml = hit.highlight?.snippet ?? (hit.summary === null ? undefined : escapeText(hit.summary));
  return h(
    'li',
    { class: 'hit' },
    h(
      'article',
      { class: 'hit__body' },
      h(
        'p',
        { class: 'kicker' },
        h(
          'a',
          { href: toHref(addFilter(state, 'sections', hit.section)), 'data-nav': true, class: 'kicker__section' },
          hit.section,
        ),
        h('span', { class: 'kicker__sep', 'aria-hidden': 'true' }, '·'),
        h('time', { datetime: hit.publishedAt }, formatDate(hit.publishedAt)),
      ),
      h('h3', { class: 'hit__title' }, title),
      snippetHtml !== undefined && renderMarked(h('p', { class: 'hit__snippet' }), snippetHtml),
      hit.authors.length > 0 && renderByline(hit.authors, state),
      hit.tags.length > 0 && renderTagLinks(hit.tags, state),
    ),
  );
}

/** "By A and B", each name a link that filters by that author. */
export function renderByline(authors: readonly string[], state: SearchState): HTMLParagraphElement {
  const byline = h('p', { class: 'byline' }, 'By ');
  // Lay the links out with the same separators Intl.ListFormat would use.
  const parts = new Intl.ListFormat('en-GB', { type: 'conjunction' }).formatToParts(authors);
  for (const part of parts) {
    if (part.type === 'literal') byline.append(part.value);
    else byline.append(h('a', { href: toHref(addFilter(state, 'authors', part.value)), 'data-nav': true }, part.value));
  }
  return byline;
}

/** The tags of an article, each a link that adds that tag to the filters. */
export function renderTagLinks(tags: readonly string[], state: SearchState): HTMLUListElement {
  return h(
    'ul',
    { class: 'tag-links', 'aria-label': 'Tags' },
    ...tags.map((tag) =>
      h('li', {}, h('a', { href: toHref(addFilter(state, 'tags', tag)), 'data-nav': true, class: 'tag-link' }, tag)),
    ),
  );
}

/** Plain text as highlight HTML (without marks), for hits the server sent no highlight for. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
