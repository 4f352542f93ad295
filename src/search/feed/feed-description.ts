import { endOfUtcDay, formatUtc } from '../../articles/dates.js';
import type { SearchFilters } from '../search.schema.js';
import { FEED_LIMITS, type FeedQuery } from './feed.schema.js';

/**
 * What a feed says about itself, pure: its title and the canonical query strings of the feed
 * and of the same search on the reader page. Equivalent requests (parameters in another
 * order, comma lists, a date given as a datetime) describe themselves the same way, so a
 * feed's id does not change with how its URL was written.
 */

const DAY_MS = 86_400_000;

/**
 * A human title from the query and the filters.
 * @example feedTitle({ q: 'north korea', limit: 20, filters: { sections: ['World'], tags: ['missiles'], authors: [] } })
 *   -> 'Newest articles matching “north korea” in World tagged missiles'
 */
export function feedTitle(feed: FeedQuery): string {
  const { sections, tags, authors, from, to } = feed.filters;
  const q = feed.q.trim();
  const parts = ['Newest articles'];
  if (q !== '') parts.push(`matching “${q}”`);
  if (sections.length > 0) parts.push(`in ${sections.join(' or ')}`);
  if (tags.length > 0) parts.push(`tagged ${tags.join(' and ')}`);
  if (authors.length > 0) parts.push(`by ${authors.join(' or ')}`);
  if (from !== undefined) parts.push(`from ${dateText(from, 'from')}`);
  if (to !== undefined) parts.push(`until ${dateText(to, 'to')}`);
  return parts.join(' ');
}

/**
 * The feed's canonical query string: q, then each filter (repeated, never comma-joined), then
 * `limit` when it is not the default and `withLimit` is set.
 * @example feedSearchParams({ q: 'ko', limit: 5, filters: { sections: [], tags: ['a', 'b'], authors: [] } }, true).toString()
 *   -> 'q=ko&tag=a&tag=b&limit=5'
 */
export function feedSearchParams(feed: FeedQuery, withLimit = false): URLSearchParams {
  const params = new URLSearchParams(feed.q === '' ? [] : [['q', feed.q]]);
  appendFilters(params, feed.filters, (ms, bound) => dateText(ms, bound));
  if (withLimit && feed.limit !== FEED_LIMITS.defaultLimit) params.set('limit', String(feed.limit));
  return params;
}

/**
 * The same search as the reader page's query string (its dates are whole days).
 * @example readerPageParams({ q: 'ko', limit: 20, filters: { sections: ['World'], tags: [], authors: [], from: Date.UTC(2021, 0, 8, 12) } }).toString()
 *   -> 'q=ko&section=World&from=2021-01-08'
 */
export function readerPageParams(feed: FeedQuery): URLSearchParams {
  const params = new URLSearchParams(feed.q.trim() === '' ? [] : [['q', feed.q]]);
  appendFilters(params, feed.filters, (ms) => formatUtc(ms).slice(0, 10));
  return params;
}

function appendFilters(
  params: URLSearchParams,
  filters: SearchFilters,
  date: (ms: number, bound: 'from' | 'to') => string,
): void {
  for (const v of filters.sections) params.append('section', v);
  for (const v of filters.tags) params.append('tag', v);
  for (const v of filters.authors) params.append('author', v);
  if (filters.from !== undefined) params.set('from', date(filters.from, 'from'));
  if (filters.to !== undefined) params.set('to', date(filters.to, 'to'));
}

/** A bound as a bare date when it is a whole-day bound (what `from=2021-01-08` parses to), else a datetime. */
function dateText(ms: number, bound: 'from' | 'to'): string {
  const wholeDay = bound === 'from' ? ms % DAY_MS === 0 : endOfUtcDay(ms) === ms;
  return wholeDay ? formatUtc(ms).slice(0, 10) : formatUtc(ms);
}
