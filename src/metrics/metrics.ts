import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { SearchEngine } from '../search/search-engine.js';
import { createIndexingCounters, type IndexingCounters } from './indexing-counters.js';

/** Engine operations whose latency is measured. */
export const ENGINE_OPERATIONS = ['search', 'suggest', 'facets', 'article', 'related'] as const;
export type EngineOperation = (typeof ENGINE_OPERATIONS)[number];

/** Everything the service measures, on its own registry (one per app, so tests never share counts). */
export interface Metrics {
  readonly registry: Registry;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly engineDuration: Histogram<'operation' | 'outcome'>;
  readonly indexing: IndexingCounters;
}

/** Builds a fresh registry; `defaultMetrics` adds the process metrics (CPU, memory, event loop) — once per process. */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'article_search_' });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'article_search_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    engineDuration: new Histogram({
      name: 'article_search_engine_query_duration_seconds',
      help: 'Search engine call latency by operation and outcome',
      labelNames: ['operation', 'outcome'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    indexing: createIndexingCounters(registry),
  };
}

/**
 * `article_search_articles`: the article count, read from `engine.ready()` at scrape time.
 * When the engine cannot answer, the gauge keeps its last value (readiness reports the outage).
 */
export function watchArticleCount(metrics: Metrics, engine: SearchEngine): void {
  new Gauge({
    name: 'article_search_articles',
    help: 'Articles in the index, as the engine reports them',
    registers: [metrics.registry],
    // Every worker of a cluster reads the same index: summing their counts would multiply it.
    aggregator: 'max',
    async collect() {
      try {
        this.set((await engine.ready()).articleCount);
      } catch {
        // Left unchanged on purpose: a scrape must not fail because the engine does.
      }
    },
  });
}
