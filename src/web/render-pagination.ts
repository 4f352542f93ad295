import { h } from './dom.js';
import { formatCount } from './format.js';
import { pageWindow } from './pagination.js';
import { MAX_PAGE, toHref, type SearchState } from './search-state.js';
import { withPage } from './state-changes.js';

/** Previous / numbered / next page links; real links, so they open in a new tab too. */
export function renderPagination(state: SearchState, totalPages: number): HTMLElement[] {
  const last = Math.min(totalPages, MAX_PAGE);
  if (last <= 1) return [];
  const link = (page: number, label: Node | string, attrs: Record<string, string> = {}) =>
    h(
      'a',
      {
        href: toHref(withPage(state, page)),
        'data-nav': true,
        'data-page': page,
        'data-key': `page:${attrs['rel'] ?? page}`,
        ...attrs,
      },
      label,
    );
  const step = (page: number, rel: 'prev' | 'next', enabled: boolean) => {
    // On a phone only the arrow shows; the word stays for screen readers.
    const arrow = h('span', { class: 'pager__arrow', 'aria-hidden': 'true' }, rel === 'prev' ? '‹' : '›');
    const word = h('span', { class: 'pager__word' }, rel === 'prev' ? 'Previous' : 'Next');
    const label = h('span', { class: 'pager__label' }, ...(rel === 'prev' ? [arrow, word] : [word, arrow]));
    return h(
      'li',
      { class: `pager__step pager__step--${rel}` },
      enabled ? link(page, label, { rel }) : h('span', { class: 'pager__disabled', 'aria-disabled': 'true' }, label),
    );
  };
  const numbers = pageWindow(state.page, last).map((slot) => {
    if (slot === 'gap') return h('li', { class: 'pager__gap', 'aria-hidden': 'true' }, '…');
    const current = slot === state.page;
    return h(
      'li',
      {},
      current
        ? h(
            'a',
            {
              href: toHref(withPage(state, slot)),
              'aria-current': 'page',
              'aria-label': `Page ${slot}, current page`,
              'data-key': `page:${slot}`,
            },
            formatCount(slot),
          )
        : link(slot, formatCount(slot), { 'aria-label': `Page ${slot}` }),
    );
  });
  return [
    h(
      'ul',
      { class: 'pager' },
      step(state.page - 1, 'prev', state.page > 1),
      ...numbers,
      step(state.page + 1, 'next', state.page < last),
    ),
  ];
}
