import type { FacetDistribution, FacetStats } from 'meilisearch';
import { chooseDateInterval, toDateBuckets } from '../../date-buckets.js';
import type { DateInterval, Facets, SearchQuery } from '../../search.schema.js';

/** Finest first: the order in which `auto` tries intervals and explicit ones coarsen. */
const FINEST_FIRST: readonly DateInterval[] = ['day', 'month', 'year'];

/**
 * Document fields whose counts a request may need: the requested interval's and every coarser
 * one it could fall back to, since coarsening is decided after the counts come back.
 * The derived fields are named after their interval (`day`, `month`, `year`).
 * @example dateFacetFields('month') -> ['month', 'year']
 */
export function dateFacetFields(requested: SearchQuery['dateInterval']): DateInterval[] {
  return FINEST_FIRST.slice(requested === 'auto' ? 0 : FINEST_FIRST.indexOf(requested));
}

/** `facetStats.publishedAt` (epoch seconds) -> first and last matching dates in milliseconds. */
export function toDateSpan(stats: FacetStats | undefined): { min: number; max: number } | undefined {
  const published = stats?.['publishedAt'];
  if (!published || !Number.isFinite(published.min) || !Number.isFinite(published.max)) return undefined;
  return { min: Math.round(published.min * 1000), max: Math.round(published.max * 1000) };
}

/**
 * Counts of the query that ignores the date filter -> the date facet. The interval follows
 * the shared rules (`date-buckets.ts`) over the span of `facetStats.publishedAt`; without any
 * matching date there are no buckets and no interval, as on the embedded engine.
 * @example toDateFacet({ month: { '2021-02': 3, '2021-01': 1 } }, { publishedAt: { min: 1609459200, max: 1612137600 } }, 'month')
 *   -> { interval: 'month', buckets: [{ value: '2021-01', from: '2021-01-01', to: '2021-01-31', count: 1 }, ...] }
 */
export function toDateFacet(
  distribution: FacetDistribution | undefined,
  stats: FacetStats | undefined,
  requested: SearchQuery['dateInterval'],
): { buckets: NonNullable<Facets['date']>; interval?: DateInterval } {
  const span = toDateSpan(stats);
  if (!span) return { buckets: [] };
  const interval = chooseDateInterval(requested, span.min, span.max);
  // Bucket keys of the interval's own field are already whole buckets; toDateBuckets keeps them.
  return { buckets: toDateBuckets(Object.entries(distribution?.[interval] ?? {}), interval), interval };
}
