import { Router } from 'express';
import { z } from 'zod';
import { ARTICLE_ID_PATTERN } from '../../articles/article-id.js';
import { ErrorCode, NotFoundError } from '../../errors.js';
import type { SearchEngine } from '../../search/search-engine.js';
import { parseRequest } from '../validate.js';

export const ArticlePathSchema = z.strictObject({
  id: z.string().regex(ARTICLE_ID_PATTERN, 'must match ^[A-Za-z0-9_-]{1,128}$'),
});

/** `GET /api/articles/:id`: one full article. */
export function articlesRouter(engine: SearchEngine): Router {
  const router = Router();
  router.get('/articles/:id', async (req, res) => {
    const { id } = parseRequest(ArticlePathSchema, req.params);
    const article = await engine.getArticle(id);
    if (!article) throw new NotFoundError(ErrorCode.articleNotFound, 'No article has this id');
    res.json(article);
  });
  return router;
}
