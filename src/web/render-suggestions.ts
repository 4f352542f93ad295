import type { Suggestion } from '../api/types.js';
import { h } from './dom.js';
import { formatCount, formatDate } from './format.js';
import { renderMarked } from './marked-text.js';

const TYPE_LABEL: Record<Suggestion['type'], string> = {
  query: 'Search',
  article: 'Article',
  tag: 'Tag',
  section: 'Section',
  author: 'Author',
};

/** What a suggestion does, for its secondary line and screen readers. */
export function suggestionMeta(s: Suggestion): string {
  switch (s.type) {
    case 'query':
      return 'Search';
    case 'article':
      return `${s.section} · ${formatDate(s.publishedAt)}`;
    case 'tag':
    case 'section':
    case 'author':
      return `${TYPE_LABEL[s.type]} · ${formatCount(s.count)}`;
  }
}

/** One option of the suggestion listbox; the highlight is the server's marked text. */
export function renderSuggestion(s: Suggestion, id: string, firstOfType: boolean): HTMLLIElement {
  const text = renderMarked(h('span', { class: 'suggestion__text' }), s.highlight);
  return h(
    'li',
    {
      id,
      role: 'option',
      'aria-selected': 'false',
      class: `suggestion suggestion--${s.type}${firstOfType ? ' suggestion--group-start' : ''}`,
      'data-type': s.type,
    },
    h('span', { class: 'suggestion__icon', 'aria-hidden': 'true' }),
    text,
    h('span', { class: 'suggestion__meta' }, h('span', { class: 'visually-hidden' }, ', '), suggestionMeta(s)),
  );
}
