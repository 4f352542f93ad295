import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { InvalidRecordSchema, type InvalidRecord } from '../../ingest/index-report.schema.js';
import { toRecordIssues } from '../../ingest/index-run.js';
import { ArticleInputSchema, type Article } from '../../articles/article.schema.js';
import { AppError, ArticlesRejectedError, ErrorCode, NotFoundError, type RejectedArticle } from '../../errors.js';
import type { IndexingCounters } from '../../metrics/indexing-counters.js';
import type { ArticleIndex } from '../../search/search-engine.js';
import { requireBearerKey } from '../middleware/bearer-auth.js';
import { ProblemDetailsSchema, sendProblem } from '../middleware/problem-details.js';
import { parseRequest } from '../validate.js';
import { ArticlePathSchema } from './articles.route.js';

/** Limits of one write request. */
export const ADMIN_LIMITS = { maxArticles: 1_000, maxBodyBytes: 10 * 1024 * 1024 } as const;

/** Where admin-API records come from, in the indexer's report shape. */
export const BODY_SOURCE = 'body';

/** Answer of `POST /api/articles` (200 all valid, 207 some invalid): the indexer's report shape. */
export const WriteReportSchema = z
  .object({
    indexed: z
      .number()
      .int()
      .min(0)
      .describe('Distinct articles written (a repeated id counts once; the last copy wins)'),
    invalid: z
      .array(InvalidRecordSchema)
      .describe('Records not indexed: source "body", line = 1-based position in the batch'),
  })
  .meta({ id: 'WriteReport' });
export type WriteReport = z.output<typeof WriteReportSchema>;

/** 422 answer when no record of the batch is valid: problem details plus the same report. */
export const WriteRejectedSchema = ProblemDetailsSchema.extend({
  indexed: z.literal(0),
  invalid: z.array(InvalidRecordSchema),
}).meta({ id: 'WriteRejected' });

/**
 * Validates each record with the indexer's schema; invalid ones are reported by position.
 * @example validateBatch([{ ...valid }, { title: "" }]) -> { articles: [article], invalid: [{ source: "body", line: 2, errors }] }
 */
export function validateBatch(records: readonly unknown[]): {
  articles: Article[];
  invalid: InvalidRecord[];
  /** 1-based position of the copy of each id that is written. */
  lines: Map<string, number>;
} {
  const byId = new Map<string, Article>();
  const lines = new Map<string, number>();
  const invalid: InvalidRecord[] = [];
  records.forEach((record, i) => {
    const parsed = ArticleInputSchema.safeParse(record);
    if (!parsed.success) {
      invalid.push({ source: BODY_SOURCE, line: i + 1, errors: toRecordIssues(parsed.error) });
      return;
    }
    // Last copy wins, as in the indexer.
    byId.delete(parsed.data.id);
    byId.set(parsed.data.id, parsed.data);
    lines.set(parsed.data.id, i + 1);
  });
  return { articles: [...byId.values()], invalid, lines };
}

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
 */
export function adminArticlesRouter({ index, adminKey, counters }: AdminArticlesDeps): Router {
  const router = Router();
  const auth = requireBearerKey(adminKey);
  const serialize = serialized();

  router.post(
    '/articles',
    auth,
    requireJsonBody,
    express.json({ limit: ADMIN_LIMITS.maxBodyBytes, type: () => true }),
    async (req, res) => {
      const { articles, invalid, lines } = validateBatch(toRecords(req.body));
      const rejected =
        articles.length === 0
          ? []
          : await serialize(async () => {
              await index.begin();
              const refused = await upsertReportingRejected(index, articles);
              await index.finish();
              return refused;
            });
      for (const { id, message } of rejected) {
        invalid.push({ source: BODY_SOURCE, line: lines.get(id) ?? 0, errors: [{ path: '', message }] });
      }
      const indexed = articles.length - rejected.length;
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
    const deleted = await serialize(async () => {
      await index.begin();
      const count = await index.delete([id]);
      await index.finish();
      return count;
    });
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

/** Upserts and returns the articles the engine refused one by one (the rest is stored). */
async function upsertReportingRejected(index: ArticleIndex, articles: readonly Article[]): Promise<RejectedArticle[]> {
  try {
    await index.upsert(articles);
    return [];
  } catch (error) {
    if (error instanceof ArticlesRejectedError) return [...error.rejected];
    throw error;
  }
}

/** 415 unless the body is declared as JSON. */
const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (req.is('application/json')) return next();
  next(
    new AppError(ErrorCode.unsupportedMediaType, 415, 'Unsupported media type', {
      detail: 'Send the articles as application/json.',
    }),
  );
};

/** The body as a list of records: one object is a batch of one; a batch holds 1 to 1,000. */
function toRecords(body: unknown): unknown[] {
  const records = Array.isArray(body) ? body : [body];
  if (records.length > ADMIN_LIMITS.maxArticles) {
    throw new AppError(ErrorCode.payloadTooLarge, 413, 'Too many articles', {
      detail: `At most ${ADMIN_LIMITS.maxArticles} articles per request; split the batch.`,
    });
  }
  if (records.length === 0 || (!Array.isArray(body) && (typeof body !== 'object' || body === null))) {
    throw new AppError(ErrorCode.invalidParameter, 400, 'Invalid request body', {
      errors: [
        { path: 'body', message: `must be an article or an array of 1 to ${ADMIN_LIMITS.maxArticles} articles` },
      ],
    });
  }
  return records;
}

/** Runs async jobs one after the other: one index run at a time, as the ArticleIndex port expects. */
function serialized() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job);
    tail = run.catch(() => undefined);
    return run;
  };
}
