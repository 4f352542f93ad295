import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createMetrics } from '../metrics/metrics.js';
import { openSearchEngine } from '../search/engines/create-engine.js';
import { startupFailureLine } from '../lifecycle.js';
import { serveHttp } from '../serve.js';
import { IpcPeer, type IpcEndpoint } from './ipc-peer.js';
import { ClusterRateLimitStore } from './rate-limit-store.js';
import { remoteArticleIndex } from './remote-index.js';

/**
 * One HTTP worker of the cluster: its own read side of the engine (for SQLite: its own read
 * connection and caches, which follow other processes' commits through `PRAGMA data_version`),
 * the app, and the shared port. Writes, rate-limit counts and the cluster's metrics go to the
 * primary. A start-up failure is reported to the primary, which prints it once for the cluster.
 */
export async function runWorker(config: Config, logger: Logger): Promise<void> {
  const metrics = createMetrics({ defaultMetrics: true });
  const primary = new IpcPeer(process as unknown as IpcEndpoint, {
    'metrics.json': () => metrics.registry.getMetricsAsJSON(),
  });
  const serving: { stop?: (reason: string) => void } = {};
  // The primary is gone (killed): stop serving, or stop starting.
  process.once('disconnect', () => (serving.stop ? serving.stop('disconnect') : process.exit(1)));
  let engine;
  try {
    engine = await openSearchEngine(config, logger);
  } catch (error) {
    await primary.call('worker.failed', startupFailureLine(error)).catch(() => undefined);
    process.exit(1);
  }
  serving.stop = serveHttp({
    config,
    logger,
    engine,
    index: config.ADMIN_API_KEY ? remoteArticleIndex(primary) : undefined,
    metrics,
    shared: {
      rateLimitStore: () => new ClusterRateLimitStore(primary),
      metricsText: () => primary.call('metrics.cluster') as Promise<string>,
    },
    // The primary announces the cluster once every worker listens.
    onListening: () => logger.debug({ pid: process.pid }, 'worker listening'),
  }).stop;
}
