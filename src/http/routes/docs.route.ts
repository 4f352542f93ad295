import { Router } from 'express';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DOCS_HTML, SWAGGER_INIT_JS } from '../openapi/docs-page.js';

/** Swagger UI's own assets, served from node_modules rather than a CDN. */
const SWAGGER_UI_DIST = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
/** The only Swagger UI files the page uses; nothing else of the package is reachable. */
const SWAGGER_ASSETS = new Set(['swagger-ui.css', 'index.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);
const ASSET_MAX_AGE_SECONDS = 86_400;

/** `GET /openapi.json` (the generated document) and `GET /docs` (Swagger UI over it). */
export function docsRouter(document: Record<string, unknown>): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(DOCS_HTML);
  });
  router.get('/docs/swagger-init.js', (_req, res) => {
    res.type('text/javascript').set('Cache-Control', `public, max-age=${ASSET_MAX_AGE_SECONDS}`).send(SWAGGER_INIT_JS);
  });
  router.get('/docs/assets/:file', (req, res, next) => {
    const file = req.params.file;
    if (!SWAGGER_ASSETS.has(file)) return next();
    res.sendFile(join(SWAGGER_UI_DIST, file), { maxAge: ASSET_MAX_AGE_SECONDS * 1000 });
  });
  return router;
}
