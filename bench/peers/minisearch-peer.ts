import MiniSearch, { type SearchResult } from 'minisearch';
import type { PeerDoc, PeerEngine, PeerQuery } from './peer-engine.js';

/**
 * MiniSearch configured as in the research note: title/summary/body with boosts 10/3/1,
 * every word required (AND), prefix only on an open last word, one typo from 5 letters.
 * It has no facets and no browse mode; section and date filters run as its `filter` callback.
 */
export function createMiniSearchPeer(): PeerEngine {
  const index = new MiniSearch<PeerDoc>({
    fields: ['title', 'summary', 'body'],
    storeFields: ['section', 'publishedAt'],
  });
  return {
    add: (docs) => index.addAll(docs),
    search: (query: PeerQuery) => {
      if (query.facets.length > 0 || query.text === '') return undefined;
      const filter =
        query.section === undefined && query.from === undefined && query.to === undefined
          ? undefined
          : (hit: SearchResult) =>
              (query.section === undefined || hit.section === query.section) &&
              (query.from === undefined || Number(hit.publishedAt) >= query.from) &&
              (query.to === undefined || Number(hit.publishedAt) <= query.to);
      const results = index.search(query.text, {
        boost: { title: 10, summary: 3 },
        combineWith: 'AND',
        prefix: (_term, i, terms) => query.lastIsPrefix && i === terms.length - 1,
        fuzzy: (term) => (term.length >= 5 ? 1 : false),
        ...(filter ? { filter } : {}),
      });
      return results.length;
    },
  };
}
