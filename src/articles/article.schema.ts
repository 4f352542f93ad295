import { z } from 'zod';
import { cleanLabel, cleanText } from '../text/normalize.js';
import { ARTICLE_ID_PATTERN, deriveArticleId } from './article-id.js';
import { formatUtc, isNonexistentDate, parseIsoDate } from './dates.js';

/** Limits on one article; larger input is reported as invalid, never truncated silently. */
export const ARTICLE_LIMITS = {
  titleChars: 1_000,
  summaryChars: 10_000,
  bodyChars: 1_000_000,
  labelChars: 200,
  tags: 50,
  authors: 50,
} as const;

/**
 * Plain messages for a field of the wrong type: the indexer prints them as "body is required",
 * "tags must be a list" (zod's own say "Invalid input: expected string, received undefined").
 */
const typeError = (expected: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? 'is required' : expected),
});
const text = () => z.string(typeError('must be text'));
const atMost = (max: number) => `must be at most ${max} characters`;

const label = (max: number = ARTICLE_LIMITS.labelChars) =>
  text()
    .transform(cleanLabel)
    .pipe(z.string().min(1, 'must not be empty').max(max, atMost(max)));

const DATE_FORMAT = 'use ISO 8601, e.g. 2021-01-08T03:55:00Z or 2021-01-08';
const isoDateTime = z.string(typeError(`is not a date: ${DATE_FORMAT}`)).transform((value, ctx) => {
  const ms = parseIsoDate(value);
  if (ms === undefined) {
    const reason = isNonexistentDate(value) ? `${value.trim().slice(0, 40)} does not exist` : DATE_FORMAT;
    ctx.addIssue({ code: 'custom', message: `is not a date: ${reason}` });
    return z.NEVER;
  }
  return formatUtc(ms);
});

/**
 * Splits a list written as one text, as CSV cells are: on ";" or "|".
 * @example splitList("Jane Doe; John Roe | Kim Min-seo") -> ["Jane Doe", "John Roe", "Kim Min-seo"]
 */
export function splitList(cell: string): string[] {
  return cell
    .split(/[;|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

// One name is a list of one: `"authors": "Jane Doe"` is how many exports write a single author.
const names = z
  .union([z.array(z.string()), z.string().transform(splitList)], { error: 'must be a name or a list of names' })
  .pipe(z.array(label()).max(ARTICLE_LIMITS.authors, `must hold at most ${ARTICLE_LIMITS.authors} names`));

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
 * characters); tags are lower-cased; dates become UTC; `authors` may be one name or a
 * `;`-separated text. Messages are plain ("is required", "must be a list"): the indexer and
 * the admin API show them as they are.
 */
export const ArticleInputSchema = z
  .object(
    {
      id: text().regex(ARTICLE_ID_PATTERN, 'must match ^[A-Za-z0-9_-]{1,128}$').nullish(),
      url: z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
        .max(2048, atMost(2048))
        .nullish(),
      title: label(ARTICLE_LIMITS.titleChars),
      summary: text()
        .transform((s) => cleanText(s).trim())
        .pipe(z.string().max(ARTICLE_LIMITS.summaryChars, atMost(ARTICLE_LIMITS.summaryChars)))
        .nullish(),
      body: text()
        .transform((s) => cleanText(s).trim())
        .pipe(z.string().min(1, 'must not be empty').max(ARTICLE_LIMITS.bodyChars, atMost(ARTICLE_LIMITS.bodyChars))),
      section: label(),
      tags: z
        .array(
          label().transform((t) => t.toLowerCase()),
          { error: 'must be a list' },
        )
        .max(ARTICLE_LIMITS.tags, `must hold at most ${ARTICLE_LIMITS.tags} tags`)
        .nullish(),
      authors: names.nullish().describe('A list of names, or one text with the names separated by ";" or "|"'),
      publishedAt: isoDateTime,
      updatedAt: isoDateTime.nullish(),
      language: text()
        .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag, e.g. en or pt-BR')
        .nullish(),
      source: label().nullish(),
    },
    { error: 'must be an object (one article)' },
  )
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
