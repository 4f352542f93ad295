import { Router } from 'express';
import { ErrorCode, NotFoundError } from '../../errors.js';
import { RelatedParamsSchema, type RelatedResponse } from '../../search/related/related.schema.js';
import type { SearchEngine } from '../../search/search-engine.js';
import { conditionalGet } from '../middleware/conditional-get.js';
import { parseRequest } from '../validate.js';
import { ArticlePathSchema } from './articles.route.js';

/** `GET /api/articles/:id/related`: articles about the same thing, never the article itself. */
export function relatedRouter(engine: SearchEngine, cacheMaxAgeSeconds: number): Router {
  const router = Router();
  router.get('/articles/:id/related', conditionalGet(cacheMaxAgeSeconds), async (req, res) => {
    const { id } = parseRequest(ArticlePathSchema, req.params);
    const { limit, filters } = parseRequest(RelatedParamsSchema, req.query);
    const hits = await engine.related({ id, limit, filters });
    if (!hits) throw new NotFoundError(ErrorCode.articleNotFound, 'No article has this id');
    const body: RelatedResponse = { id, hits };
    res.json(body);
  });
  return router;
}
