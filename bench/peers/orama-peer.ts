import { create, insertMultiple, search, type AnyOrama, type SearchParams } from '@orama/orama';
import type { PeerEngine, PeerQuery } from './peer-engine.js';

const SCHEMA = {
  title: 'string',
  summary: 'string',
  body: 'string',
  section: 'enum',
  tags: 'enum[]',
  authors: 'enum[]',
  publishedAt: 'number',
} as const;

/**
 * Orama configured as in the research note: boosts 10/3/1, `threshold: 0` (every word; the
 * 3.1 code defaults to 1, i.e. OR), `tolerance: 1`. It has native `where` and facets (enum
 * values; dates as per-year number ranges), so it also answers the facet and browse types.
 */
export function createOramaPeer(span: { minDate: string; maxDate: string }): PeerEngine {
  const db: AnyOrama = create({ schema: SCHEMA });
  const yearRanges = toYearRanges(span);
  return {
    add: async (docs) => {
      await insertMultiple(
        db,
        docs.map(({ id, ...doc }) => ({ id: String(id), ...doc })),
        1_000,
      );
    },
    search: async (query: PeerQuery) => {
      const where: Record<string, unknown> = {};
      if (query.section !== undefined) where.section = { eq: query.section };
      if (query.from !== undefined || query.to !== undefined) {
        where.publishedAt = { between: [query.from ?? 0, query.to ?? Number.MAX_SAFE_INTEGER] };
      }
      const params: SearchParams<AnyOrama> = {
        term: query.text,
        properties: ['title', 'summary', 'body'],
        boost: { title: 10, summary: 3 },
        threshold: 0,
        tolerance: 1,
        limit: 20,
        ...(Object.keys(where).length > 0 ? { where } : {}),
        ...(query.text === '' ? { sortBy: { property: 'publishedAt', order: 'DESC' } } : {}),
      };
      if (query.facets.length > 0) params.facets = toFacets(query.facets, yearRanges);
      const result = await search(db, params);
      return result.count;
    },
  };
}

/** Our facet names -> Orama facet definitions (top 10 values; dates bucketed by year). */
function toFacets(
  names: readonly string[],
  yearRanges: { from: number; to: number }[],
): NonNullable<SearchParams<AnyOrama>['facets']> {
  const facets: NonNullable<SearchParams<AnyOrama>['facets']> = {};
  for (const name of names) {
    if (name === 'date') facets.publishedAt = { ranges: yearRanges };
    else if (name === 'section' || name === 'tags' || name === 'authors') facets[name] = { limit: 10 };
  }
  return facets;
}

function toYearRanges(span: { minDate: string; maxDate: string }): { from: number; to: number }[] {
  const first = new Date(span.minDate).getUTCFullYear();
  const last = new Date(span.maxDate).getUTCFullYear();
  return Array.from({ length: last - first + 1 }, (_, i) => ({
    from: Date.UTC(first + i, 0, 1),
    to: Date.UTC(first + i + 1, 0, 1) - 1,
  }));
}
