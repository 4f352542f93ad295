import { z } from 'zod';
import { cleanLabel, cleanText } from '../text/normalize.js';
import { ARTICLE_ID_PATTERN, deriveArticleId } from './article-id.js';
import { formatUtc, parseIsoDate } from './dates.js';

/** Limits on one article; larger input is reported as invalid, never truncated silently. */
export const ARTICLE_LIMITS = {
  titleChars: 1_000,
  summaryChars: 10_000,
  bodyChars: 1_000_000,
  labelChars: 200,
  tags: 50,
  authors: 50,
} as const;

const label = (max: number = ARTICLE_LIMITS.labelChars) =>
  z.string().transform(cleanLabel).pipe(z.string().min(1, 'must not be empty').max(max));

const isoDateTime = z.string().transform((text, ctx) => {
  const ms = parseIsoDate(text);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 date or datetime, e.g. 2021-01-08T03:55:00Z' });
    return z.NEVER;
  }
  return formatUtc(ms);
});

/** Case-insensitive de-duplication that keeps the first spelling. */
const uniqueLabels = (labels: string[]) => {
  const seen = new Set<string>();
  return labels.filter((l) => {
    const key = l.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * One article as the indexer, the admin API and the seed files give it. Unknown fields are
 * dropped; `null` counts as absent for optional fields; text is cleaned (NFC, no control
 * characters); tags are lower-cased; dates become UTC.
 */
export const ArticleInputSchema = z
  .object({
    id: z.string().regex(ARTICLE_ID_PATTERN, 'must match ^[A-Za-z0-9_-]{1,128}$').nullish(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .nullish(),
    title: label(ARTICLE_LIMITS.titleChars),
    summary: z
      .string()
      .transform((s) => cleanText(s).trim())
      .pipe(z.string().max(ARTICLE_LIMITS.summaryChars))
      .nullish(),
    body: z
      .string()
      .transform((s) => cleanText(s).trim())
      .pipe(z.string().min(1, 'must not be empty').max(ARTICLE_LIMITS.bodyChars)),
    section: label(),
    tags: z
      .array(label().transform((t) => t.toLowerCase()))
      .max(ARTICLE_LIMITS.tags)
      .nullish(),
    authors: z.array(label()).max(ARTICLE_LIMITS.authors).nullish(),
    publishedAt: isoDateTime,
    updatedAt: isoDateTime.nullish(),
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag, e.g. en or pt-BR')
      .nullish(),
    source: label().nullish(),
  })
  .transform((a) => {
    const article: Article = {
      id: a.id ?? deriveArticleId({ url: a.url ?? undefined, title: a.title, publishedAt: a.publishedAt }),
      title: a.title,
      body: a.body,
      section: a.section,
      tags: uniqueLabels(a.tags ?? []),
      authors: uniqueLabels(a.authors ?? []),
      publishedAt: a.publishedAt,
      language: a.language ?? 'en',
    };
    if (a.url) article.url = a.url;
    if (a.summary) article.summary = a.summary;
    if (a.updatedAt) article.updatedAt = a.updatedAt;
    if (a.source) article.source = a.source;
    return article;
  });

/** One stored article, as `GET /api/articles/:id` returns it. */
export const ArticleSchema = z
  .object({
    id: z.string().regex(ARTICLE_ID_PATTERN),
    url: z.string().optional(),
    title: z.string(),
    summary: z.string().optional(),
    body: z.string(),
    section: z.string(),
    tags: z.array(z.string()),
    authors: z.array(z.string()),
    publishedAt: z.string().describe('UTC, ISO 8601'),
    updatedAt: z.string().optional(),
    language: z.string(),
    source: z.string().optional(),
  })
  .meta({ id: 'Article' });

/** A stored article. */
export type Article = z.output<typeof ArticleSchema>;
/** What a source may give for one article, before validation. */
export type ArticleInput = z.input<typeof ArticleInputSchema>;
