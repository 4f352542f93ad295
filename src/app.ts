import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { SearchEngine } from './search/search-engine.js';
import { errorHandler, notFoundHandler } from './http/middleware/error-handler.js';
import { articlesRouter } from './http/routes/articles.route.js';
import { facetsRouter } from './http/routes/facets.route.js';
import { healthRouter } from './http/routes/health.route.js';
import { searchRouter } from './http/routes/search.route.js';
import { suggestRouter } from './http/routes/suggest.route.js';
import { webRouter } from './http/routes/web.route.js';

/** What the app needs; passed in so tests can give their own. */
export interface AppDeps {
  engine: SearchEngine;
  config: Config;
  logger: Logger;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the Express app without listening. */
export function createApp({ engine, config, logger }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', config.TRUST_PROXY);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  app.use(healthRouter(engine));
  const api = express.Router();
  api.use(searchRouter(engine));
  api.use(suggestRouter(engine));
  api.use(facetsRouter(engine));
  api.use(articlesRouter(engine));
  app.use('/api', api);
  app.use(webRouter());

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
