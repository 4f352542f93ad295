import type { Facets } from '../api/types.js';
import { h } from './dom.js';
import { formatCount } from './format.js';
import type { FilterKind, SearchState } from './search-state.js';
import { isChosen, sameLabel } from './state-changes.js';

type FacetValue = { value: string; count: number };

/** Facet values with every chosen value present, so a chosen box never vanishes from the list. */
export function withChosen(values: readonly FacetValue[], chosen: readonly string[]): FacetValue[] {
  const missing = chosen
    .filter((c) => !values.some((v) => sameLabel(v.value, c)))
    .map((value) => ({ value, count: 0 }));
  return [...missing, ...values];
}

/** A stable key for focus restoring: "sections:technology". */
export const facetKey = (kind: FilterKind, value: string) => `${kind}:${value.toLowerCase()}`;

/** Section and author check boxes (OR within the group), with counts. */
export function renderCheckboxFacet(
  kind: 'sections' | 'authors',
  title: string,
  values: readonly FacetValue[] | undefined,
  state: SearchState,
): HTMLElement | undefined {
  const all = withChosen(values ?? [], state[kind]);
  if (all.length === 0) return undefined;
  return h(
    'fieldset',
    { class: 'facet', 'data-facet': kind },
    h('legend', { class: 'facet__title' }, title),
    h(
      'ul',
      { class: 'facet__list' },
      ...all.map(({ value, count }) =>
        h(
          'li',
          {},
          h(
            'label',
            { class: 'check' },
            h('input', {
              type: 'checkbox',
              class: 'check__box',
              value,
              'data-kind': kind,
              'data-key': facetKey(kind, value),
              checked: isChosen(state, kind, value),
            }),
            h('span', { class: 'check__label' }, value),
            h(
              'span',
              { class: 'count' },
              formatCount(count),
              h('span', { class: 'visually-hidden' }, count === 1 ? ' article' : ' articles'),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Tag chips: toggle buttons; an article must hold every chosen tag. */
export function renderTagFacet(values: readonly FacetValue[] | undefined, state: SearchState): HTMLElement | undefined {
  const all = withChosen(values ?? [], state.tags);
  if (all.length === 0) return undefined;
  // Chosen tags first: they are what the reader is working with.
  const ordered = [
    ...all.filter((t) => isChosen(state, 'tags', t.value)),
    ...all.filter((t) => !isChosen(state, 'tags', t.value)),
  ];
  return h(
    'fieldset',
    { class: 'facet', 'data-facet': 'tags' },
    h('legend', { class: 'facet__title' }, 'Tags'),
    h('p', { class: 'facet__hint', id: 'tags-hint' }, 'Articles must have every chosen tag.'),
    h(
      'ul',
      { class: 'chips' },
      ...ordered.map(({ value, count }) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'chip',
              'aria-pressed': String(isChosen(state, 'tags', value)),
              'aria-describedby': 'tags-hint',
              'data-action': 'toggle',
              'data-kind': 'tags',
              'data-value': value,
              'data-key': facetKey('tags', value),
            },
            h('span', { class: 'chip__label' }, value),
            h(
              'span',
              { class: 'count' },
              formatCount(count),
              h('span', { class: 'visually-hidden' }, count === 1 ? ' article' : ' articles'),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The section, tag and author groups, in that order. */
export function renderListFacets(facets: Facets, state: SearchState): HTMLElement[] {
  return [
    renderCheckboxFacet('sections', 'Section', facets.section, state),
    renderTagFacet(facets.tags, state),
    renderCheckboxFacet('authors', 'Author', facets.authors, state),
  ].filter((el): el is HTMLElement => el !== undefined);
}
