import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import type { Config } from '../config.js';
import { EngineUnavailableError } from '../errors.js';
import { RATE_LIMIT_WINDOW_MS } from '../http/middleware/rate-limit.js';
import { ADMIN_LIMITS } from '../http/routes/admin-articles.schema.js';
import type { Logger } from '../logger.js';
import { withDeferredFinish } from '../search/deferred-finish.js';
import { openArticleIndex } from '../search/engines/create-engine.js';
import type { ArticleIndex } from '../search/search-engine.js';
import { SHUTDOWN_HARD_LIMIT_MS } from '../lifecycle.js';
import { IpcPeer, type IpcEndpoint, type IpcHandlers } from './ipc-peer.js';
import { rateLimitHandlers } from './rate-limit-store.js';
import { articleIndexHandlers } from './remote-index.js';

/**
 * The cluster's primary (WORKERS > 1): seeds an empty index, owns the one write side (so that
 * workers never contend for SQLite's write lock) and the rate-limit counts, forks WORKERS HTTP
 * workers on the shared port and answers their calls. It serves no HTTP itself and holds no
 * read side. A worker that dies while serving is replaced; one that cannot start stops the
 * cluster with its one-line reason. SIGTERM/SIGINT stop every worker gracefully, then the
 * write side (running a pending finish), then the primary.
 */
export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  if (config.SEED_ON_EMPTY) {
    const { seedWhenEmpty } = await import('../seed.js');
    await seedWhenEmpty(config, logger, () => countArticles(config, logger));
  }
  const index = config.ADMIN_API_KEY
    ? withDeferredFinish(await openArticleIndex(config, logger, { lockWaitMs: ADMIN_LIMITS.lockWaitMs }), {
        onError: (error) => logger.error({ err: error }, 'index finish failed'),
      })
    : undefined;
  const peers = new Map<Worker, IpcPeer>();
  const handlers: IpcHandlers = {
    ...(index ? articleIndexHandlers(index) : {}),
    ...(config.RATE_LIMIT_PER_MINUTE > 0 ? rateLimitHandlers(RATE_LIMIT_WINDOW_MS) : {}),
    'metrics.cluster': async () => {
      const each = await Promise.all([...peers.values()].map((peer) => peer.call('metrics.json')));
      return AggregatorRegistry.aggregate(each as object[]).metrics();
    },
    'worker.failed': (line) => failStart(String(line)),
  };
  const state = { stopping: false, announced: false, failed: false };
  const listening = new Set<Worker>();

  const fork = () => {
    const worker = cluster.fork();
    peers.set(worker, new IpcPeer(worker as unknown as IpcEndpoint, handlers));
  };
  const failStart = (line: string) => {
    if (state.failed) return;
    state.failed = true;
    process.stderr.write(`${line}\n`);
    for (const worker of peers.keys()) worker.process.kill('SIGKILL');
    process.exit(1);
  };

  cluster.setupPrimary({ serialization: 'advanced' });
  cluster.on('listening', (worker, address) => {
    listening.add(worker);
    if (state.announced || listening.size < config.WORKERS) return;
    state.announced = true;
    logger.info(
      {
        port: address.port,
        host: config.HOST,
        engine: config.SEARCH_ENGINE,
        writes: index !== undefined,
        workers: config.WORKERS,
      },
      'listening',
    );
  });
  cluster.on('exit', (worker, code, signal) => {
    peers.get(worker)?.close(new EngineUnavailableError(new Error('worker exited')));
    peers.delete(worker);
    const served = listening.delete(worker);
    if (state.stopping) {
      if (peers.size === 0) void stopped(index, logger);
      return;
    }
    if (!served)
      return failStart(`Start-up failed: an HTTP worker exited (${signal ?? `code ${code}`}) before it listened`);
    logger.error({ pid: worker.process.pid, code, signal }, 'worker exited: starting another');
    fork();
  });
  for (let i = 0; i < config.WORKERS; i++) fork();

  const stop = (signal: string) => {
    if (state.stopping) return;
    state.stopping = true;
    logger.info({ workers: peers.size, signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown did not complete in time: exiting');
      process.exit(1);
    }, SHUTDOWN_HARD_LIMIT_MS).unref();
    // Each worker finishes its in-flight requests (their writes still reach the index here).
    for (const worker of peers.keys()) worker.process.kill('SIGTERM');
    if (peers.size === 0) void stopped(index, logger);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Every worker has stopped: close the write side (a pending finish runs first), then exit 0. */
async function stopped(index: ArticleIndex | undefined, logger: Logger): Promise<void> {
  await index?.close().catch((error: unknown) => logger.error({ err: error }, 'closing the index failed'));
  logger.info('stopped');
  process.exit(0);
}

/** The article count, from a write side opened for the question (the primary keeps no read side). */
async function countArticles(config: Config, logger: Logger): Promise<number> {
  const index = await openArticleIndex(config, logger);
  try {
    return await index.count();
  } finally {
    await index.close();
  }
}
