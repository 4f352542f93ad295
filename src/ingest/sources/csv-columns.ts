import { splitList, type ArticleInput } from '../../articles/article.schema.js';

/** Article fields a CSV column can fill. */
export type CsvField = keyof ArticleInput;

// Header names are compared after lower-casing and removing " ", "_" and "-".
const COLUMN_FIELDS: Record<string, CsvField> = {
  id: 'id',
  url: 'url',
  link: 'url',
  title: 'title',
  headline: 'title',
  summary: 'summary',
  description: 'summary',
  body: 'body',
  text: 'body',
  content: 'body',
  section: 'section',
  category: 'section',
  tags: 'tags',
  tag: 'tags',
  keywords: 'tags',
  authors: 'authors',
  author: 'authors',
  byline: 'authors',
  publishedat: 'publishedAt',
  published: 'publishedAt',
  date: 'publishedAt',
  pubdate: 'publishedAt',
  updatedat: 'updatedAt',
  updated: 'updatedAt',
  modified: 'updatedAt',
  language: 'language',
  lang: 'language',
  source: 'source',
  publisher: 'source',
};

const LIST_FIELDS = new Set<CsvField>(['tags', 'authors']);

/**
 * Header row -> the field each column fills (`undefined`: ignored column). When two columns
 * name the same field (`date` and `publishedAt`), the first one wins.
 * @example toCsvFields(["Title", "date", "Author", "notes"]) -> ["title", "publishedAt", "authors", undefined]
 */
export function toCsvFields(header: readonly string[]): (CsvField | undefined)[] {
  const taken = new Set<CsvField>();
  return header.map((name) => {
    const field = COLUMN_FIELDS[name.toLowerCase().replace(/[\s_-]+/g, '')];
    if (field === undefined || taken.has(field)) return undefined;
    taken.add(field);
    return field;
  });
}

/**
 * One CSV row -> article input. Empty cells are absent; `tags` and `authors` are split on
 * `;` or `|`.
 * @example toCsvArticle(["title", "tags"], ["Hello", "a; b|c"]) -> { title: "Hello", tags: ["a", "b", "c"] }
 */
export function toCsvArticle(
  fields: readonly (CsvField | undefined)[],
  row: readonly string[],
): Record<string, unknown> {
  const article: Record<string, unknown> = {};
  fields.forEach((field, i) => {
    const cell = row[i];
    if (field === undefined || cell === undefined || cell.trim() === '') return;
    article[field] = LIST_FIELDS.has(field) ? splitList(cell) : cell;
  });
  return article;
}
