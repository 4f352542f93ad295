import { formatUtc } from '../../../articles/dates.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

/** An article as stored; `body` only when asked for (it is most of the bytes). */
export interface ArticleRow {
  doc: number;
  id: string;
  title: string;
  summary: string | null;
  section: string;
  tags: string[];
  authors: string[];
  /** Epoch milliseconds. */
  publishedAt: number;
  url: string | null;
  updatedAt: string | null;
  language: string;
  source: string | null;
  body?: string;
}

type RawRow = [
  doc: number,
  id: string,
  title: string,
  summary: string | null,
  section: string,
  tags: string,
  authors: string,
  publishedAt: number,
  url: string | null,
  updatedAt: string | null,
  language: string,
  source: string | null,
  body?: string,
];

/** The one SELECT of an article's stored fields (the column order of `RawRow`), with or without the body. */
function selectRows(withBody: boolean, where: string): string {
  return `SELECT a.doc, a.id, t.title, t.summary, a.section, a.tags, a.authors, a.published_at,
    a.url, a.updated_at, a.language, a.source${withBody ? ', t.body' : ''}
    FROM articles a JOIN article_text t ON t.doc = a.doc WHERE ${where}`;
}

/** By id, or by a list of docs given as one JSON array (one statement for any number of docs). */
const BY_ID = 'a.id = ?';
const BY_DOCS = 'a.doc IN (SELECT value FROM json_each(?))';

/** Reads stored articles by id or by doc, decoded, with statements prepared once. */
export class ArticleRows {
  readonly #byId: Statement;
  readonly #byIdWithBody: Statement;
  readonly #byDocs: Statement;
  readonly #byDocsWithBody: Statement;
  readonly #body: Statement;

  constructor(db: Db) {
    this.#byId = db.prepare(selectRows(false, BY_ID)).raw();
    this.#byIdWithBody = db.prepare(selectRows(true, BY_ID)).raw();
    this.#byDocs = db.prepare(selectRows(false, BY_DOCS)).raw();
    this.#byDocsWithBody = db.prepare(selectRows(true, BY_DOCS)).raw();
    this.#body = db.prepare('SELECT body FROM article_text WHERE doc = ?').pluck();
  }

  /** The rows of `docs`, in the order given; a doc that is gone is left out. */
  byDocs(docs: ArrayLike<number>, options: { body?: boolean } = {}): ArticleRow[] {
    if (docs.length === 0) return [];
    const statement = options.body ? this.#byDocsWithBody : this.#byDocs;
    const raw = statement.all(JSON.stringify(Array.from(docs))) as RawRow[];
    const byDoc = new Map(raw.map((r) => [r[0], r]));
    return Array.from(docs).flatMap((doc) => {
      const row = byDoc.get(doc);
      return row ? [toArticleRow(row)] : [];
    });
  }

  /** The row of the article with this id. */
  byId(id: string, options: { body?: boolean } = {}): ArticleRow | undefined {
    const raw = (options.body ? this.#byIdWithBody : this.#byId).get(id) as RawRow | undefined;
    return raw && toArticleRow(raw);
  }

  /** The body of a doc, read alone (a snippet needs it only when the summary holds no match); empty when it is gone. */
  body(doc: number): string {
    return (this.#body.get(doc) as string | undefined) ?? '';
  }
}

function toArticleRow(raw: RawRow): ArticleRow {
  const [doc, id, title, summary, section, tags, authors, publishedAt, url, updatedAt, language, source, body] = raw;
  const row: ArticleRow = {
    doc,
    id,
    title,
    summary,
    section,
    tags: decodeStringList(tags, 'tags'),
    authors: decodeStringList(authors, 'authors'),
    publishedAt,
    url,
    updatedAt,
    language,
    source,
  };
  if (body !== undefined) row.body = body;
  return row;
}

/**
 * A row -> the fields every hit carries (search and related hits alike), the date as ISO text.
 * @example toHitFields({ id: 'a', publishedAt: 1610078100000, ... }) -> { id: 'a', publishedAt: '2021-01-08T03:55:00Z', ... }
 */
export function toHitFields(row: ArticleRow) {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    section: row.section,
    tags: row.tags,
    authors: row.authors,
    publishedAt: formatUtc(row.publishedAt),
    url: row.url,
  };
}

/**
 * A list column (`tags`, `authors`: JSON arrays of strings, as the writer stores them) -> its
 * strings. A value of another shape means a damaged file: it throws, and the read fails with
 * a 503 rather than serving a wrong article.
 * @example decodeStringList('["a","b"]', 'tags') -> ['a', 'b']
 */
export function decodeStringList(json: string, column: string): string[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new Error(`articles.${column} holds something other than a list of strings`);
  }
  return value;
}
