import { ConfigError, type Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { ArticleIndex, SearchEngine } from '../search-engine.js';

/**
 * The one place that picks an adapter from the configuration. Adapters are imported
 * lazily so that a SQLite deployment never loads the Meilisearch client and vice versa.
 */
export async function openSearchEngine(config: Config, logger: Logger): Promise<SearchEngine> {
  if (config.SEARCH_ENGINE === 'meilisearch') {
    const { createMeilisearchEngine } = await import('./meilisearch/index.js');
    return createMeilisearchEngine({
      ...meiliOptions(config),
      logger,
      timeoutMs: Math.min(config.REQUEST_TIMEOUT_MS, 2_000),
    });
  }
  const { openSqliteEngine } = await import('./sqlite/index.js');
  return openSqliteEngine({ path: config.SQLITE_PATH, logger, synonyms: config.SYNONYMS });
}

/** How the write side is used. */
export interface ArticleIndexOptions {
  /**
   * How long a write may wait for another process that holds the index (the embedded engine's
   * single write lock) before it fails with 503 `index_busy`; the adapter's default otherwise.
   */
  lockWaitMs?: number;
}

/** Opens the write side for the indexer and the admin API. */
export async function openArticleIndex(
  config: Config,
  logger: Logger,
  options: ArticleIndexOptions = {},
): Promise<ArticleIndex> {
  if (config.SEARCH_ENGINE === 'meilisearch') {
    const { createMeilisearchIndex } = await import('./meilisearch/index.js');
    return createMeilisearchIndex({ ...meiliOptions(config), logger, synonyms: config.SYNONYMS });
  }
  const { openSqliteIndex } = await import('./sqlite/index.js');
  return openSqliteIndex({ path: config.SQLITE_PATH, logger, ...options });
}

function meiliOptions(config: Config) {
  // loadConfig already refuses this; a Config built by hand gets the same message.
  if (!config.MEILI_URL) {
    throw new ConfigError([{ variable: 'MEILI_URL', message: 'must be set when SEARCH_ENGINE=meilisearch' }]);
  }
  return { url: config.MEILI_URL, apiKey: config.MEILI_API_KEY, indexUid: config.MEILI_INDEX };
}
