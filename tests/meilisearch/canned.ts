import { MARK_CLOSE as C, MARK_OPEN as O } from '../../src/text/normalize.js';

/**
 * Canned Meilisearch answers, written by hand from the API reference (multi-search results in
 * page mode, `_formatted`, `facetDistribution`/`facetStats`, facet-search hits).
 */

/** One hit as Meilisearch returns it with our `attributesToRetrieve` and highlight parameters. */
export const HIT = {
  id: 'yonhap-cyber-1',
  url: 'https://example.org/cyber-bureau',
  title: 'N. Korea-linked hackers target cyber security firms',
  summary: 'Police say a cyber security bureau will open.',
  section: 'North Korea',
  tags: ['cyber', 'hacking'],
  authors: ['Kim Soo-yeon'],
  publishedAtIso: '2021-01-08T03:55:00Z',
  _formatted: {
    id: 'yonhap-cyber-1',
    url: 'https://example.org/cyber-bureau',
    title: `N. Korea-linked hackers target cyber ${O}secur${C}ity firms`,
    summary: `Police say a cyber ${O}secur${C}ity bureau will open.`,
    body: `SEOUL, Jan. 8 (Yonhap) -- The police will open a cyber ${O}secur${C}ity bureau…`,
    section: 'North Korea',
    tags: ['cyber', 'hacking'],
    authors: ['Kim Soo-yeon'],
    publishedAtIso: '2021-01-08T03:55:00Z',
  },
};

/** A page-mode search result for one query of a multi-search. */
export function searchResult(
  indexUid: string,
  fields: {
    q?: string;
    hits?: unknown[];
    totalHits?: number;
    hitsPerPage?: number;
    facetDistribution?: unknown;
    facetStats?: unknown;
  },
) {
  const hitsPerPage = fields.hitsPerPage ?? 20;
  const totalHits = fields.totalHits ?? fields.hits?.length ?? 0;
  return {
    indexUid,
    hits: fields.hits ?? [],
    query: fields.q ?? '',
    processingTimeMs: 2,
    hitsPerPage,
    page: 1,
    totalPages: hitsPerPage === 0 ? 0 : Math.ceil(totalHits / hitsPerPage),
    totalHits,
    ...(fields.facetDistribution !== undefined && { facetDistribution: fields.facetDistribution }),
    ...(fields.facetStats !== undefined && { facetStats: fields.facetStats }),
  };
}

/** The main query's answer for "secur" with section, tags and date facets. */
export function mainAnswer(indexUid: string, totalHits = 42) {
  return searchResult(indexUid, {
    q: 'secur',
    hits: [HIT],
    totalHits,
    facetDistribution: {
      tags: { cyber: 30, hacking: 12, police: 12 },
      day: { '2021-01-08': 40, '2021-01-09': 2 },
      month: { '2021-01': 42 },
      year: { '2021': 42 },
      publishedAt: { '1610078100': 40, '1610150000': 2 },
    },
    facetStats: { publishedAt: { min: 1610078100, max: 1610150000 } },
  });
}

/** Counts of a disjunctive facet, from a count-only query without its own filter. */
export function sectionCounts(indexUid: string) {
  return searchResult(indexUid, {
    q: 'secur',
    hitsPerPage: 0,
    totalHits: 50,
    facetDistribution: { section: { 'North Korea': 42, World: 8 } },
  });
}

/** A facet-search answer (POST /indexes/:uid/facet-search). */
export const FACET_HITS = {
  facetHits: [
    { value: 'Kim Jong-un', count: 12 },
    { value: 'Kim Soo-yeon', count: 30 },
  ],
  facetQuery: 'kim',
  processingTimeMs: 1,
};

/** An offset-mode result (`limit`, no `page`/`hitsPerPage`): the vocabulary and title queries of autocomplete. */
export function offsetResult(indexUid: string, hits: unknown[], q = '', limit = 20) {
  return { indexUid, hits, query: q, processingTimeMs: 1, limit, offset: 0, estimatedTotalHits: hits.length };
}

/** Vocabulary hits as `attributesToRetrieve: ['term']` returns them, in Meilisearch's order. */
export function termHits(indexUid: string, terms: string[], q = '') {
  return offsetResult(
    indexUid,
    terms.map((term) => ({ term })),
    q,
  );
}

/** A title hit of autocomplete's article query (`attributesToRetrieve`: id, title, section, publishedAtIso). */
export const TITLE_HIT = {
  id: 'nk-missile-2025',
  title: 'North Korea fires <hypersonic> missile',
  section: 'North Korea',
  publishedAtIso: '2025-01-06T01:00:00Z',
};
