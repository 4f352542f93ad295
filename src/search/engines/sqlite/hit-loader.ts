import type { Statement } from 'better-sqlite3';
import { formatUtc } from '../../../articles/dates.js';
import { hitSnippet, highlightText, type HighlightTerms } from '../../highlight/highlighter.js';
import type { SearchHit } from '../../search.schema.js';
import type { Db } from './database.js';

type HitRow = [
  doc: number,
  id: string,
  section: string,
  publishedAt: number,
  tags: string,
  authors: string,
  url: string | null,
  title: string,
  summary: string | null,
];

/**
 * Loads the hits of a page, in page order, highlighted. Bodies are read one by one and only
 * for hits whose summary holds no match: the summary usually gives the snippet.
 */
export class HitLoader {
  readonly #db: Db;
  readonly #body: Statement;
  readonly #pages = new Map<number, Statement>();

  constructor(db: Db) {
    this.#db = db;
    this.#body = db.prepare('SELECT body FROM article_text WHERE doc = ?').pluck();
  }

  load(docs: Int32Array, highlight: HighlightTerms | undefined): SearchHit[] {
    if (docs.length === 0) return [];
    const rows = this.#page(docs.length).all(...docs) as HitRow[];
    const byDoc = new Map(rows.map((r) => [r[0], r]));
    return Array.from(docs, (doc) => byDoc.get(doc))
      .filter((r): r is HitRow => r !== undefined)
      .map(([doc, id, section, publishedAt, tags, authors, url, title, summary]) => {
        const hit: SearchHit = {
          id,
          title,
          summary,
          section,
          tags: JSON.parse(tags) as string[],
          authors: JSON.parse(authors) as string[],
          publishedAt: formatUtc(publishedAt),
          url,
        };
        if (highlight) {
          const body = () => (this.#body.get(doc) as string | undefined) ?? '';
          hit.highlight = { title: highlightText(title, highlight), snippet: hitSnippet(summary, body, highlight) };
        }
        return hit;
      });
  }

  /** One prepared statement per page size, so paging never re-parses SQL. */
  #page(size: number): Statement {
    let statement = this.#pages.get(size);
    if (!statement) {
      statement = this.#db
        .prepare(
          `SELECT a.doc, a.id, a.section, a.published_at, a.tags, a.authors, a.url, t.title, t.summary
           FROM articles a JOIN article_text t ON t.doc = a.doc WHERE a.doc IN (${Array.from({ length: size }, () => '?').join(',')})`,
        )
        .raw();
      this.#pages.set(size, statement);
    }
    return statement;
  }
}
