import type { Config } from './config.js';
import { ADMIN_LIMITS } from './http/routes/admin-articles.schema.js';
import type { Logger } from './logger.js';
import { createMetrics } from './metrics/metrics.js';
import { withDeferredFinish } from './search/deferred-finish.js';
import { openArticleIndex, openSearchEngine } from './search/engines/create-engine.js';
import { seedWhenEmpty } from './seed.js';
import { serveHttp } from './serve.js';

/** One process: engine, seed-on-empty, the write side when enabled, HTTP. */
export async function serveAlone(config: Config, logger: Logger): Promise<void> {
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
