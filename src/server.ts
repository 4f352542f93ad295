import type { Server } from 'node:http';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { openArticleIndex, openSearchEngine } from './search/engines/create-engine.js';
import type { SearchEngine } from './search/search-engine.js';
import { indexSources } from '../indexer/index-articles.js';

/** How long in-flight requests get to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 8_000;

/**
 * Wiring, once: configuration, engine, seed-on-empty, HTTP server, graceful shutdown.
 * @remarks Start-up errors are printed as one clear line (no stack) and exit 1.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.LOG_LEVEL });
  const engine = await openSearchEngine(config, logger);
  await seedWhenEmpty(config, engine, logger);

  const app = createApp({ engine, config, logger });
  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info({ port, host: config.HOST, engine: engine.kind }, 'listening');
  });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'server failed');
    process.exit(1);
  });
  handleShutdown(server, engine, logger);
}

/** Indexes `seed/` when the index holds nothing, so a fresh clone has something to search. */
async function seedWhenEmpty(config: Config, engine: SearchEngine, logger: Logger): Promise<void> {
  if (!config.SEED_ON_EMPTY) return;
  const { articleCount } = await engine.ready();
  if (articleCount > 0) return;
  logger.info({ path: config.SEED_PATH }, 'index is empty: indexing seed');
  const index = await openArticleIndex(config, logger);
  try {
    const report = await indexSources([config.SEED_PATH], index, { logger, timezone: config.RAW_PAGE_TIMEZONE });
    logger.info({ indexed: report.indexed, invalid: report.invalid.length, ms: report.durationMs }, 'seed indexed');
  } finally {
    await index.close();
  }
}

function handleShutdown(server: Server, engine: SearchEngine, logger: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.warn('shutdown grace period over: closing remaining connections');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      void engine.close().finally(() => {
        logger.info('stopped');
        process.exit(0);
      });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
