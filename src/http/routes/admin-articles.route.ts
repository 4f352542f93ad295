import express, { Router, type RequestHandler } from 'express';
import { validateBatch } from '../../ingest/article-batch.js';
import { AppError, ErrorCode, NotFoundError } from '../../errors.js';
import type { IndexingCounters } from '../../metrics/indexing-counters.js';
import type { ArticleIndex } from '../../search/search-engine.js';
import { requireBearerKey } from '../middleware/bearer-auth.js';
import { sendProblem } from '../middleware/problem-details.js';
import { requireJsonBody } from '../middleware/require-json.js';
import { parseRequest } from '../validate.js';
import { ADMIN_LIMITS, BODY_SOURCE, toWriteRecords, type WriteReport } from './admin-articles.schema.js';
import { ArticlePathSchema } from './articles.route.js';

/** What the write routes need. */
export interface AdminArticlesDeps {
  index: ArticleIndex;
  adminKey: string;
  counters: IndexingCounters;
}

/**
 * `POST /api/articles` (one article or a batch) and `DELETE /api/articles/:id`, behind
 * `Authorization: Bearer <ADMIN_API_KEY>`. Checks run cheapest first: key, media type,
 * size, then the articles; an unauthenticated client never gets its body parsed.
 * @remarks Requests are not queued here: the `ArticleIndex` port takes overlapping calls, and
 * an adapter that must write one at a time (SQLite) queues them itself, with a bounded wait.
 */
export function adminArticlesRouter({ index, adminKey, counters }: AdminArticlesDeps): Router {
  const router = Router();
  const auth = requireBearerKey(adminKey);

  router.post(
    '/articles',
    auth,
    requireJsonBody,
    express.json({ limit: ADMIN_LIMITS.maxBodyBytes, type: () => true }),
    async (req, res) => {
      const { batch, invalid } = validateBatch(toWriteRecords(req.body), BODY_SOURCE);
      let indexed = 0;
      if (batch.size > 0) {
        await index.begin();
        // Articles the engine refuses one by one (too large for it) are reported like invalid ones.
        const refused = await batch.writeTo(index);
        await index.finish();
        invalid.push(...refused.map((r) => r.record));
        indexed = batch.size - refused.length;
      }
      if (indexed === 0) {
        const problem = new AppError(ErrorCode.invalidArticle, 422, 'No valid article', {
          detail: 'Nothing was indexed; see invalid.',
        });
        sendProblem(req, res, problem, { indexed: 0, invalid });
        return;
      }
      counters.record({ upserted: indexed }, 'admin');
      req.log?.info({ indexed, invalid: invalid.length }, 'articles written');
      const report: WriteReport = { indexed, invalid };
      res.status(invalid.length > 0 ? 207 : 200).json(report);
    },
  );

  router.delete('/articles/:id', auth, async (req, res) => {
    const { id } = parseRequest(ArticlePathSchema, req.params);
    await index.begin();
    const deleted = await index.delete([id]);
    await index.finish();
    if (deleted === 0) throw new NotFoundError(ErrorCode.articleNotFound, 'No article has this id');
    counters.record({ deleted }, 'admin');
    req.log?.info({ deleted }, 'article deleted');
    res.status(204).end();
  });
  return router;
}

/** The same paths when ADMIN_API_KEY is not set: 403 `writes_disabled`, whatever is sent. */
export function writesDisabledRouter(): Router {
  const router = Router();
  const refuse: RequestHandler = (_req, _res, next) =>
    next(
      new AppError(ErrorCode.writesDisabled, 403, 'Writes are disabled', {
        detail: 'Set ADMIN_API_KEY to enable POST and DELETE.',
      }),
    );
  router.post('/articles', refuse);
  router.delete('/articles/:id', refuse);
  return router;
}
