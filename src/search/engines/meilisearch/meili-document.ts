import { createHash } from 'node:crypto';
import { z } from 'zod';
import { foldCase } from '../../../text/normalize.js';
import type { Article } from '../../../articles/article.schema.js';
import { parseIsoDate } from '../../../articles/dates.js';

/**
 * How an article is stored in Meilisearch: the article's own fields, plus derived fields for
 * filtering, sorting and the date facet, which Meilisearch cannot compute (it has no date type).
 *
 * @remarks `publishedAt` is a number (epoch seconds, fractional only when the stored date has
 * milliseconds) so that range filters and `sort` work; the ISO text the API returns is kept
 * verbatim in `publishedAtIso`. `year`/`month`/`day` are UTC strings ("2021", "2021-01",
 * "2021-01-08") whose facet counts are the date buckets. `sectionKey`, `tagKeys` and `authorKeys`
 * are what filters compare (see `toFilterKey`).
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
  // Optional when read: an index built before filter keys existed lacks them (see ensureFilterKeys).
  sectionKey: z.string().optional(),
  tagKeys: z.array(z.string()).optional(),
  authorKeys: z.array(z.string()).optional(),
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

/**
 * What a section, tag or author filter compares: the base64url SHA-1 of the folded value, so
 * filters are case- and accent-insensitive exactly as on the embedded engine, and no label text
 * ever enters a filter expression.
 *
 * @remarks Meilisearch v1.48 re-serialises a filter and parses it twice, escaping quotes again
 * but not backslashes, so a quoted value holding `\\` fails as a malformed filter (measured on
 * v1.48.3: `tags = "c\\\\d"` is rejected); other versions parse once. A key of `[A-Za-z0-9_-]`
 * means the same, correct filter on every version, and long labels compare whole (Meilisearch
 * keeps only 468 bytes of a facet string).
 * @example toFilterKey('Zürich') === toFilterKey('ZURICH') -> true
 */
export function toFilterKey(value: string): string {
  return createHash('sha1').update(foldCase(value), 'utf8').digest('base64url');
}

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
    sectionKey: toFilterKey(article.section),
    tagKeys: article.tags.map(toFilterKey),
    authorKeys: article.authors.map(toFilterKey),
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

const utf8 = new TextEncoder();

/** Size of a value's JSON in bytes, as it would be sent. */
export function jsonBytes(value: unknown): number {
  return utf8.encode(JSON.stringify(value)).length;
}

/**
 * Documents -> consecutive requests of at most `maxBytes` of JSON each (a document larger than
 * that goes alone), in order.
 * @example toRequestChunks([a (40 B), b (40 B), c (40 B)], 100) -> [[a, b], [c]]
 */
export function toRequestChunks<T>(documents: readonly T[], maxBytes: number): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let bytes = 2; // the array's brackets
  for (const document of documents) {
    const size = jsonBytes(document) + 1; // and its comma
    if (chunk.length > 0 && bytes + size > maxBytes) {
      chunks.push(chunk);
      chunk = [];
      bytes = 2;
    }
    chunk.push(document);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
