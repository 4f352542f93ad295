import type { RelatedHit } from '../api/types.js';
import { h } from './dom.js';
import { formatDate } from './format.js';
import { toHref, type SearchState } from './search-state.js';
import { withArticle } from './state-changes.js';

/** The section under an article that lists related articles; filled in when they arrive. */
export function renderRelatedSection(): HTMLElement {
  return h(
    'section',
    { class: 'related', id: 'related', 'aria-labelledby': 'related-heading', 'aria-busy': 'true' },
    h('h2', { class: 'related__heading', id: 'related-heading' }, 'Related articles'),
    h('p', { class: 'related__note' }, 'Finding related articles…'),
  );
}

/**
 * The related articles, each a link that opens it in the article view (the search stays in
 * the URL, so "Back to results" still leads there). None: a short note instead.
 */
export function fillRelated(section: HTMLElement, hits: readonly RelatedHit[], state: SearchState): void {
  section.removeAttribute('aria-busy');
  const heading = section.querySelector('h2');
  const body =
    hits.length === 0
      ? h('p', { class: 'related__note' }, 'No related articles.')
      : h(
          'ul',
          { class: 'related__list' },
          ...hits.map((hit) =>
            h(
              'li',
              { class: 'related__item' },
              h('a', { href: toHref(withArticle(state, hit.id)), 'data-nav': true, class: 'related__link' }, hit.title),
              h(
                'p',
                { class: 'kicker' },
                h('span', { class: 'kicker__section' }, hit.section),
                h('span', { class: 'kicker__sep', 'aria-hidden': 'true' }, '·'),
                h('time', { datetime: hit.publishedAt }, formatDate(hit.publishedAt)),
              ),
            ),
          ),
        );
  section.replaceChildren(...(heading ? [heading] : []), body);
}

/** Related articles could not be loaded: the article stays readable, the section says so briefly. */
export function failRelated(section: HTMLElement): void {
  section.removeAttribute('aria-busy');
  const heading = section.querySelector('h2');
  section.replaceChildren(
    ...(heading ? [heading] : []),
    h('p', { class: 'related__note' }, 'Related articles could not be loaded.'),
  );
}
