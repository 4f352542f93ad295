import type { Config } from './config.js';
import { indexSources } from './ingest/index-articles.js';
import type { Logger } from './logger.js';
import { openArticleIndex } from './search/engines/create-engine.js';

/** Indexes `seed/` when the index holds nothing, so a fresh clone has something to search. */
export async function seedWhenEmpty(
  config: Config,
  logger: Logger,
  articleCount: () => Promise<number>,
): Promise<void> {
  if (!config.SEED_ON_EMPTY) return;
  if ((await articleCount()) > 0) return;
  logger.info({ path: config.SEED_PATH }, 'index is empty: indexing seed');
  const index = await openArticleIndex(config, logger);
  try {
    const report = await indexSources([config.SEED_PATH], index, { logger, defaultTimezone: config.RAW_PAGE_TIMEZONE });
    logger.info(
      {
        indexed: report.indexed,
        invalid: report.invalidCount,
        unreadable: report.unreadable.length,
        warnings: report.warnings.length,
        ms: report.durationMs,
      },
      'seed indexed',
    );
  } finally {
    await index.close();
  }
}
