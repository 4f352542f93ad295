import express, { Router, type Express, type RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { Store } from 'express-rate-limit';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { ArticleIndex, SearchEngine } from './search/search-engine.js';
import { instrumentEngine } from './metrics/instrumented-engine.js';
import { createMetrics, watchArticleCount, type Metrics } from './metrics/metrics.js';
import { conditionalGet } from './http/middleware/conditional-get.js';
import { errorHandler, notFoundHandler } from './http/middleware/error-handler.js';
import { httpMetrics, mountedAt } from './http/middleware/http-metrics.js';
import { perClientRateLimit } from './http/middleware/rate-limit.js';
import { requestContext } from './http/middleware/request-context.js';
import { requestTimeout } from './http/middleware/request-timeout.js';
import { corsPolicy, securityHeaders } from './http/middleware/security.js';
import { openApiDocument } from './http/openapi.js';
import { adminArticlesRouter, writesDisabledRouter } from './http/routes/admin-articles.route.js';
import { articlesRouter } from './http/routes/articles.route.js';
import { docsRouter } from './http/routes/docs.route.js';
import { facetsRouter } from './http/routes/facets.route.js';
import { feedRouter } from './http/routes/feed.route.js';
import { healthRouter } from './http/routes/health.route.js';
import { metricsRouter } from './http/routes/metrics.route.js';
import { relatedRouter } from './http/routes/related.route.js';
import { searchRouter } from './http/routes/search.route.js';
import { suggestRouter } from './http/routes/suggest.route.js';
import { webRouter } from './http/routes/web.route.js';

/** What the app needs; passed in so tests can give their own. */
export interface AppDeps {
  engine: SearchEngine;
  config: Config;
  logger: Logger;
  /** The write side; with ADMIN_API_KEY set it enables POST/DELETE /api/articles. */
  index?: ArticleIndex;
  /** Where to count; a fresh registry per app when absent (tests build many apps). One app per Metrics. */
  metrics?: Metrics;
  /** In a cluster worker: what the workers share through the primary (src/cluster). */
  shared?: SharedState;
}

/** State one HTTP worker of a cluster cannot keep alone. */
export interface SharedState {
  /** A store of rate-limit counts common to every worker (a new one per app). */
  rateLimitStore(): Store;
  /** `/metrics` of every worker together. */
  metricsText(): Promise<string>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Seconds a client or proxy may reuse a search, suggest, facet or article answer. */
const CACHE_MAX_AGE_SECONDS = 30;

/** Builds the Express app without listening. */
export function createApp({
  engine: rawEngine,
  config,
  logger,
  index,
  metrics = createMetrics(),
  shared,
}: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Our ETag (conditional-get.ts) ignores processingTimeMs; Express's would change on every call.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.set('trust proxy', toTrustProxy(config.TRUST_PROXY));

  const engine = instrumentEngine(rawEngine, metrics);
  watchArticleCount(metrics, rawEngine);

  app.use(requestLogger(logger));
  app.use(requestContext);
  app.use(httpMetrics(metrics));
  app.use(securityHeaders());
  app.use(readsOnly(requestTimeout(config.REQUEST_TIMEOUT_MS)));
  app.use(['/api', '/openapi.json'], corsPolicy(config.CORS_ORIGINS));

  app.use(healthRouter(engine));
  app.use(metricsRouter(metrics.registry, shared?.metricsText));
  app.use(docsRouter(openApiDocument()));

  const api = Router();
  const limiter = perClientRateLimit(config.RATE_LIMIT_PER_MINUTE, shared?.rateLimitStore());
  if (limiter) api.use(limiter);
  api.get(['/search', '/suggest', '/facets/:facet', '/articles/:id'], conditionalGet(CACHE_MAX_AGE_SECONDS));
  api.use(searchRouter(engine));
  api.use(suggestRouter(engine));
  api.use(facetsRouter(engine));
  api.use(articlesRouter(engine));
  api.use(relatedRouter(engine, CACHE_MAX_AGE_SECONDS));
  api.use(feedRouter(engine));
  api.use(writesRouter({ config, logger, index, metrics }));
  app.use('/api', mountedAt('/api'), api);
  app.use(webRouter());

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

/** pino-http: one line per request, every line with the request id, never a header or a body. */
function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    serializers: {
      // Method and URL only: headers (Authorization) and bodies (whole articles) stay out of the logs.
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}

/** The write routes when ADMIN_API_KEY and a write index are both given; else they answer 403 writes_disabled. */
function writesRouter({
  config,
  logger,
  index,
  metrics,
}: {
  config: Config;
  logger: Logger;
  index: ArticleIndex | undefined;
  metrics: Metrics;
}): Router {
  if (config.ADMIN_API_KEY && index)
    return adminArticlesRouter({ index, adminKey: config.ADMIN_API_KEY, counters: metrics.indexing });
  if (config.ADMIN_API_KEY) logger.warn('ADMIN_API_KEY is set but no write index was given: writes are disabled');
  return writesDisabledRouter();
}

/**
 * Reads get the REQUEST_TIMEOUT_MS budget; writes do not, because a write that times out
 * here would still complete in the engine, and the client would retry a write that happened.
 */
function readsOnly(middleware: RequestHandler): RequestHandler {
  return (req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? middleware(req, res, next) : next());
}

/**
 * TRUST_PROXY as Express understands it: "true"/"false" as booleans, a number as a hop
 * count, anything else (loopback, an address list) as is.
 * @example toTrustProxy("1") -> 1; toTrustProxy("loopback, 10.0.0.0/8") -> "loopback, 10.0.0.0/8"
 */
export function toTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
