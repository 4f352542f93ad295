import cluster from 'node:cluster';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import { runPrimary } from './cluster/primary.js';
import { runWorker } from './cluster/worker.js';
import { ADMIN_LIMITS } from './http/routes/admin-articles.schema.js';
import { requestLogBindings } from './http/middleware/request-context.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics } from './metrics/metrics.js';
import { withDeferredFinish } from './search/deferred-finish.js';
import { openArticleIndex, openSearchEngine } from './search/engines/create-engine.js';
import { seedWhenEmpty } from './seed.js';
import { serveHttp, startupFailureLine } from './serve.js';

/**
 * Wiring, once: configuration (the environment, then `.env`), then one of three roles. With
 * WORKERS > 1 this process is the cluster's primary (src/cluster/primary.ts: seeding, the write
 * side, shared rate-limit counts, no HTTP of its own) and forks the HTTP workers
 * (src/cluster/worker.ts); with WORKERS=1 it serves alone.
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
  if (cluster.isWorker) return runWorker(config, logger);
  if (config.WORKERS > 1) return runPrimary(config, logger);
  return serveAlone(config, logger);
}

/** One process: engine, seed-on-empty, the write side when enabled, HTTP. */
async function serveAlone(config: Config, logger: Logger): Promise<void> {
  const engine = await openSearchEngine(config, logger);
  await seedWhenEmpty(config, logger, async () => (await engine.ready()).articleCount);
  // The write side is opened only when writes are enabled: a read-only deployment never holds it.
  const index = config.ADMIN_API_KEY
    ? withDeferredFinish(await openArticleIndex(config, logger, { lockWaitMs: ADMIN_LIMITS.lockWaitMs }), {
        onError: (error) => logger.error({ err: error }, 'index finish failed'),
      })
    : undefined;
  serveHttp({
    config,
    logger,
    engine,
    index,
    metrics: createMetrics({ defaultMetrics: true }),
    onListening: (port) =>
      logger.info(
        { port, host: config.HOST, engine: engine.kind, writes: index !== undefined, workers: 1 },
        'listening',
      ),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${startupFailureLine(error)}\n`);
  process.exit(1);
});
