import type { FacetName, SearchFilters } from '../../search.schema.js';
import { toEpochSeconds, toFilterKey } from './meili-document.js';

/**
 * The only attribute names a filter may name. Values never become attribute names, so a
 * hostile value cannot reach another attribute or the grammar's keywords. Labels are compared
 * through their keys (`toFilterKey`), so no label text enters a filter at all.
 */
const FILTER_ATTRIBUTES = {
  section: 'sectionKey',
  tag: 'tagKeys',
  author: 'authorKeys',
  date: 'publishedAt',
} as const;

/**
 * Meilisearch keeps only the first 468 bytes of a facet string (its LMDB key limit), so a longer
 * filter value would never match anything; we send the same prefix it stored.
 */
export const MAX_FILTER_VALUE_BYTES = 468;

const utf8 = new TextEncoder();

/** Cuts text to at most `maxBytes` UTF-8 bytes without splitting a code point. */
export function truncateUtf8(text: string, maxBytes: number = MAX_FILTER_VALUE_BYTES): string {
  if (utf8.encode(text).length <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = utf8.encode(char).length;
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * A string literal of the filter grammar: always double-quoted, backslashes escaped first,
 * then quotes (the parser undoes `\"` and then the generic backslash escapes).
 * @example quoteFilterValue('say "hi" \\o/') -> '"say \\"hi\\" \\\\o/"'
 */
export function quoteFilterValue(value: string): string {
  return '"' + truncateUtf8(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

function finite(name: string, value: number): number {
  if (!Number.isFinite(value)) throw new TypeError(`${name} must be a finite number of epoch milliseconds`);
  return value;
}

/** `attribute = "key"`: the key is `[A-Za-z0-9_-]`, quoted all the same. */
const equals = (attribute: string) => (value: string) => `${attribute} = ${quoteFilterValue(toFilterKey(value))}`;

/**
 * Search filters -> Meilisearch's array form: the outer array is AND, each inner array OR.
 * `omit` drops the filter of one facet, for the counts of a disjunctive facet.
 * @example toMeiliFilter({ sections: ['World', 'Tech'], tags: ['ai', 'eu'], authors: [], from: 1609459200000 })
 *   -> [['sectionKey = "<key of world>"', 'sectionKey = "<key of tech>"'], ['tagKeys = "<key of ai>"'],
 *       ['tagKeys = "<key of eu>"'], ['publishedAt >= 1609459200']]
 */
export function toMeiliFilter(filters: SearchFilters, omit?: FacetName): string[][] {
  const groups: string[][] = [];
  if (omit !== 'section' && filters.sections.length > 0) {
    groups.push(filters.sections.map(equals(FILTER_ATTRIBUTES.section)));
  }
  if (omit !== 'tags') {
    for (const tag of filters.tags) groups.push([equals(FILTER_ATTRIBUTES.tag)(tag)]);
  }
  if (omit !== 'authors' && filters.authors.length > 0) {
    groups.push(filters.authors.map(equals(FILTER_ATTRIBUTES.author)));
  }
  if (omit !== 'date') {
    // The document holds ms/1000 exactly, so `>=`/`<=` on ms/1000 keeps the ms bounds inclusive.
    if (filters.from !== undefined) {
      groups.push([`${FILTER_ATTRIBUTES.date} >= ${toEpochSeconds(finite('from', filters.from))}`]);
    }
    if (filters.to !== undefined) {
      groups.push([`${FILTER_ATTRIBUTES.date} <= ${toEpochSeconds(finite('to', filters.to))}`]);
    }
  }
  return groups;
}

/** Whether a facet's own filter is set, which makes its disjunctive counts need their own query. */
export function hasOwnFilter(filters: SearchFilters, facet: FacetName): boolean {
  switch (facet) {
    case 'section':
      return filters.sections.length > 0;
    case 'authors':
      return filters.authors.length > 0;
    case 'tags':
      return filters.tags.length > 0;
    case 'date':
      return filters.from !== undefined || filters.to !== undefined;
  }
}
