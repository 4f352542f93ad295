import { createServer, type RequestListener, type Server } from 'node:http';
import { createApp, type SharedState } from './app.js';
import type { Config } from './config.js';
import { answerClientErrors } from './http/middleware/client-error.js';
import type { Logger } from './logger.js';
import { SHUTDOWN_GRACE_MS, SHUTDOWN_HARD_LIMIT_MS } from './lifecycle.js';
import type { Metrics } from './metrics/metrics.js';
import type { ArticleIndex, SearchEngine } from './search/search-engine.js';

/** Time to receive a whole request, body included: an admin batch may be 10 MB on a slow link. */
const MIN_REQUEST_RECEIVE_MS = 30_000;

/** What one process that answers HTTP holds. */
export interface Serving {
  config: Config;
  logger: Logger;
  engine: SearchEngine;
  index: ArticleIndex | undefined;
  metrics: Metrics;
  shared?: SharedState;
  /** Called once the port is open (a worker tells nobody: its primary announces the cluster). */
  onListening(port: number): void;
  /** Run after the server closed and the engine was closed, before exit. */
  onStopped?: () => Promise<void>;
}

/**
 * Builds the app, listens, and stops gracefully on SIGTERM/SIGINT (or `stop()`): stop
 * accepting connections, let in-flight requests finish (up to the grace period), close the
 * engine, exit 0. Used by a single process and by each cluster worker alike.
 */
export function serveHttp(serving: Serving): { stop: (reason: string) => void } {
  const { config, logger, engine, index, shared, metrics } = serving;
  const app = createApp({ engine, config, logger, index, metrics, ...(shared ? { shared } : {}) });
  const state = { stopping: false };
  const server = createHttpServer(app, config, state);
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    serving.onListening(typeof address === 'object' && address ? address.port : config.PORT);
  });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'server failed');
    process.exit(1);
  });
  const stop = (reason: string) => {
    if (state.stopping) return;
    state.stopping = true;
    logger.info({ signal: reason }, 'shutting down');
    setTimeout(() => {
      logger.warn('shutdown grace period over: closing remaining connections');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS).unref();
    setTimeout(() => {
      logger.error('shutdown did not complete in time: exiting');
      process.exit(1);
    }, SHUTDOWN_HARD_LIMIT_MS).unref();
    server.close(() => {
      void Promise.allSettled([engine.close(), index?.close()])
        .then(() => serving.onStopped?.())
        .then(() => {
          logger.info('stopped');
          process.exit(0);
        });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return { stop };
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
