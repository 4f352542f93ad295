import { createServer, type RequestListener, type Server } from 'node:http';
import { createApp } from './app.js';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import { answerClientErrors } from './http/middleware/client-error.js';
import { ADMIN_LIMITS } from './http/routes/admin-articles.schema.js';
import { withDeferredFinish } from './search/deferred-finish.js';
import { createLogger, type Logger } from './logger.js';
import { requestLogBindings } from './http/middleware/request-context.js';
import { createMetrics } from './metrics/metrics.js';
import { openArticleIndex, openSearchEngine } from './search/engines/create-engine.js';
import type { ArticleIndex, SearchEngine } from './search/search-engine.js';
import { indexSources } from './ingest/index-articles.js';

/** How long in-flight requests get to finish after SIGTERM before their connections are closed. */
const SHUTDOWN_GRACE_MS = 8_000;
/** Past this, the process exits even if closing the engine hangs (orchestrators kill at ~10 s). */
const SHUTDOWN_HARD_LIMIT_MS = 9_500;
/** Time to receive a whole request, body included: an admin batch may be 10 MB on a slow link. */
const MIN_REQUEST_RECEIVE_MS = 30_000;

/**
 * Wiring, once: configuration (the environment, then `.env`), engine, seed-on-empty, HTTP
 * server, graceful shutdown.
 * @remarks Start-up errors are printed as one clear line (no stack) and exit 1.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Lines written while serving a request (the engine's included) carry its id.
  const logger = createLogger({ level: config.LOG_LEVEL, mixin: requestLogBindings });
  const engine = await openSearchEngine(config, logger);
  await seedWhenEmpty(config, engine, logger);
  // The write side is opened only when writes are enabled: a read-only deployment never holds it.
  const index = config.ADMIN_API_KEY
    ? withDeferredFinish(await openArticleIndex(config, logger, { lockWaitMs: ADMIN_LIMITS.lockWaitMs }), {
        onError: (error) => logger.error({ err: error }, 'index finish failed'),
      })
    : undefined;

  const app = createApp({ engine, config, logger, index, metrics: createMetrics({ defaultMetrics: true }) });
  const state = { stopping: false };
  const server = createHttpServer(app, config, state);
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info({ port, host: config.HOST, engine: engine.kind, writes: index !== undefined }, 'listening');
  });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'server failed');
    process.exit(1);
  });
  handleShutdown({ server, engine, index, logger, state });
}

/** The HTTP server around the app: Node's own timeouts, problem+json for what Node rejects, `Connection: close` while stopping. */
function createHttpServer(app: RequestListener, config: Config, state: { stopping: boolean }): Server {
  const timeouts = {
    headersTimeout: config.REQUEST_TIMEOUT_MS,
    requestTimeout: Math.max(config.REQUEST_TIMEOUT_MS, MIN_REQUEST_RECEIVE_MS),
    // Node checks both timeouts every 30 s by default, far coarser than the budgets above.
    connectionsCheckingInterval: 1_000,
  };
  const server = createServer(timeouts, (req, res) => {
    // During shutdown, requests on connections already open are served, then the connection closes.
    if (state.stopping) res.setHeader('Connection', 'close');
    app(req, res);
  });
  answerClientErrors(server);
  return server;
}

/** Indexes `seed/` when the index holds nothing, so a fresh clone has something to search. */
async function seedWhenEmpty(config: Config, engine: SearchEngine, logger: Logger): Promise<void> {
  if (!config.SEED_ON_EMPTY) return;
  const { articleCount } = await engine.ready();
  if (articleCount > 0) return;
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

interface Running {
  server: Server;
  engine: SearchEngine;
  index: ArticleIndex | undefined;
  logger: Logger;
  state: { stopping: boolean };
}

/**
 * SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (up to the grace
 * period), close the engine, exit 0.
 */
function handleShutdown({ server, engine, index, logger, state }: Running): void {
  const stop = (signal: string) => {
    if (state.stopping) return;
    state.stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.warn('shutdown grace period over: closing remaining connections');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS).unref();
    setTimeout(() => {
      logger.error('shutdown did not complete in time: exiting');
      process.exit(1);
    }, SHUTDOWN_HARD_LIMIT_MS).unref();
    server.close(() => {
      void Promise.allSettled([engine.close(), index?.close()]).then(() => {
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
