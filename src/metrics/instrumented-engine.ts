import type { SearchEngine } from '../search/search-engine.js';
import type { EngineOperation, Metrics } from './metrics.js';

/**
 * The same engine, with each read timed into `article_search_engine_query_duration_seconds`
 * (`operation` = search | suggest | facets | article | related, `outcome` = ok | error).
 * A decorator on the port, so no adapter knows about metrics.
 */
export function instrumentEngine(engine: SearchEngine, metrics: Metrics): SearchEngine {
  const timed = async <T>(operation: EngineOperation, call: () => Promise<T>): Promise<T> => {
    const end = metrics.engineDuration.startTimer({ operation });
    try {
      const value = await call();
      end({ outcome: 'ok' });
      return value;
    } catch (error) {
      end({ outcome: 'error' });
      throw error;
    }
  };
  return {
    kind: engine.kind,
    search: (query) => timed('search', () => engine.search(query)),
    suggest: (query) => timed('suggest', () => engine.suggest(query)),
    searchFacetValues: (query) => timed('facets', () => engine.searchFacetValues(query)),
    getArticle: (id) => timed('article', () => engine.getArticle(id)),
    related: (query) => timed('related', () => engine.related(query)),
    ready: () => engine.ready(),
    close: () => engine.close(),
  };
}
