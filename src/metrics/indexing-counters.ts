import { Counter, type Registry } from 'prom-client';

/** Who wrote: the admin API or the indexer CLI. */
export type IndexingVia = 'admin' | 'indexer';

/** Counters of articles written to the index. */
export interface IndexingCounters {
  /** Adds what one write did: articles upserted and articles deleted. */
  record(change: { upserted?: number; deleted?: number }, via: IndexingVia): void;
}

/**
 * `article_search_articles_upserted_total` and `..._deleted_total`, labelled by `via`.
 * @remarks Exported for the indexer CLI too: it can register these on its own registry and
 * write `registry.metrics()` to a node_exporter textfile after a run.
 */
export function createIndexingCounters(registry: Registry): IndexingCounters {
  const upserted = new Counter({
    name: 'article_search_articles_upserted_total',
    help: 'Articles inserted or replaced in the index',
    labelNames: ['via'] as const,
    registers: [registry],
  });
  const deleted = new Counter({
    name: 'article_search_articles_deleted_total',
    help: 'Articles deleted from the index',
    labelNames: ['via'] as const,
    registers: [registry],
  });
  return {
    record(change, via) {
      if (change.upserted) upserted.inc({ via }, change.upserted);
      if (change.deleted) deleted.inc({ via }, change.deleted);
    },
  };
}
