import { z } from 'zod';
import type { Article } from '../../../articles/article.schema.js';
import { parseIsoDate } from '../../../articles/dates.js';

/**
 * How an article is stored in Meilisearch: the article's own fields, plus derived fields for
 * filtering, sorting and the date facet, which Meilisearch cannot compute (it has no date type).
 *
 * @remarks `publishedAt` is a number (epoch seconds, fractional only when the stored date has
 * milliseconds) so that range filters and `sort` work; the ISO text the API returns is kept
 * verbatim in `publishedAtIso`. `year`/`month`/`day` are UTC strings ("2021", "2021-01",
 * "2021-01-08") whose facet counts are the date buckets.
 */
export const MeiliDocumentSchema = z.object({
  id: z.string(),
  url: z.string().optional(),
  title: z.string(),
  summary: z.string().optional(),
  body: z.string(),
  section: z.string(),
  tags: z.array(z.string()),
  authors: z.array(z.string()),
  publishedAt: z.number(),
  publishedAtIso: z.string(),
  year: z.string(),
  month: z.string(),
  day: z.string(),
  updatedAt: z.string().optional(),
  language: z.string(),
  source: z.string().optional(),
});

/** One stored Meilisearch document. */
export type MeiliDocument = z.output<typeof MeiliDocumentSchema>;

/** Fields a search hit needs; the body is never retrieved whole (its cropped copy is in `_formatted`). */
export const HIT_ATTRIBUTES = [
  'id',
  'url',
  'title',
  'summary',
  'section',
  'tags',
  'authors',
  'publishedAtIso',
] as const;

/** A search hit as Meilisearch returns it with `HIT_ATTRIBUTES` and, when asked, `_formatted`. */
export const MeiliHitSchema = MeiliDocumentSchema.pick({
  id: true,
  url: true,
  title: true,
  summary: true,
  section: true,
  tags: true,
  authors: true,
  publishedAtIso: true,
}).extend({
  _formatted: z
    .object({ title: z.string().optional(), summary: z.string().optional(), body: z.string().optional() })
    .optional(),
});
export type MeiliHit = z.output<typeof MeiliHitSchema>;

/** Epoch milliseconds -> the number stored in `publishedAt` and compared by filters. */
export function toEpochSeconds(epochMs: number): number {
  // Exact division keeps millisecond order: a > b (ms) implies a/1000 > b/1000 (f64) for any date.
  return epochMs / 1000;
}

/**
 * Article -> stored document.
 * @example toMeiliDocument({ publishedAt: "2021-01-08T03:55:00Z", ... })
 *   -> { publishedAt: 1610078100, publishedAtIso: "2021-01-08T03:55:00Z", year: "2021", month: "2021-01", day: "2021-01-08", ... }
 */
export function toMeiliDocument(article: Article): MeiliDocument {
  const ms = parseIsoDate(article.publishedAt);
  if (ms === undefined) throw new TypeError(`article ${article.id}: publishedAt must be an ISO 8601 date`);
  const isoDay = new Date(ms).toISOString().slice(0, 10);
  return {
    id: article.id,
    ...(article.url !== undefined && { url: article.url }),
    title: article.title,
    ...(article.summary !== undefined && { summary: article.summary }),
    body: article.body,
    section: article.section,
    tags: article.tags,
    authors: article.authors,
    publishedAt: toEpochSeconds(ms),
    publishedAtIso: article.publishedAt,
    year: isoDay.slice(0, 4),
    month: isoDay.slice(0, 7),
    day: isoDay,
    ...(article.updatedAt !== undefined && { updatedAt: article.updatedAt }),
    language: article.language,
    ...(article.source !== undefined && { source: article.source }),
  };
}

/** Stored document (unvalidated JSON) -> Article; throws a ZodError when it is not one of ours. */
export function fromMeiliDocument(raw: unknown): Article {
  const doc = MeiliDocumentSchema.parse(raw);
  // Keys in the Article schema's order: Meilisearch returns fields in an order of its own.
  return {
    id: doc.id,
    ...(doc.url !== undefined && { url: doc.url }),
    title: doc.title,
    ...(doc.summary !== undefined && { summary: doc.summary }),
    body: doc.body,
    section: doc.section,
    tags: doc.tags,
    authors: doc.authors,
    publishedAt: doc.publishedAtIso,
    ...(doc.updatedAt !== undefined && { updatedAt: doc.updatedAt }),
    language: doc.language,
    ...(doc.source !== undefined && { source: doc.source }),
  };
}
