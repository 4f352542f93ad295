import { parseIsoDate, endOfUtcDay } from '../../src/articles/dates.js';
import { parseQuery } from '../../src/search/query/parse-query.js';
import { allowedTypos, prefixTypoDistance } from '../../src/text/edit-distance.js';
import { closest, typoCandidates } from '../queries/typo.js';

/** The embedded engine's tables the bench reads directly (see the engine's schema.ts). */
export const FLOOR_TABLES = { fts: 'article_fts', vocab: 'article_fts_vocab', meta: 'articles' } as const;

/** The public contract adds partial matches below this many full matches (docs/architecture.md). */
export const PARTIAL_MATCHES_BELOW = 20;

/** The SQL the floor runs for one query, with its bound values. */
export interface FloorStatement {
  sql: string;
  values: (string | number)[];
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
const group = (alternatives: string[]) =>
  alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;

/**
 * The FTS5 expression matching what the public contract says a query matches: every term,
 * each as typed or within its typo budget (the 10 closest, most frequent first), the open last word as
 * a prefix, minus excluded terms. Written independently of the engine, so the floor's count
 * also checks the engine's. Partial matches (fewer than 20 full matches) are not mirrored.
 * @example toFloorExpression("py sanctoon ", vocab) -> '"py" AND ("sanctoon" OR "sanction")'
 */
export function toFloorExpression(q: string, vocabulary: readonly string[]): string | undefined {
  const parsed = parseQuery(q);
  if (parsed.terms.length === 0) return undefined;
  const terms = parsed.terms.map((term) => {
    if (term.kind === 'phrase') return quote(term.words.join(' '));
    if (!term.prefix) return group(typoCandidates(term.text, vocabulary).map(quote));
    const budget = allowedTypos(term.text.length);
    const near =
      budget === 0
        ? []
        : closest(
            vocabulary,
            (w) => (w.startsWith(term.text) ? budget + 1 : prefixTypoDistance(term.text, w, budget)),
            budget,
          );
    return group([`${quote(term.text)}*`, ...near.map(quote)]);
  });
  const positive = terms.join(' AND ');
  if (parsed.excluded.length === 0) return positive;
  const excluded = parsed.excluded.map((e) => quote(e.kind === 'word' ? e.text : e.words.join(' ')));
  return `(${positive}) NOT (${excluded.join(' OR ')})`;
}

/**
 * Raw counting SQL for a query's URL parameters: `count(*)` over FTS5 MATCH, joined to the
 * metadata table only when filters need it (FTS5 first, avoiding the planner trap the
 * research note measured); a browse counts the metadata table alone.
 */
export function toFloorStatement(
  params: Record<string, string>,
  vocabulary: readonly string[],
  tables: { fts: string; meta: string },
): FloorStatement {
  const expression = toFloorExpression(params.q ?? '', vocabulary);
  const where: string[] = [];
  const values: (string | number)[] = [];
  if (params.section) {
    where.push('m.section = ? COLLATE NOCASE');
    values.push(params.section);
  }
  const from = params.from ? parseIsoDate(params.from) : undefined;
  const to = params.to ? parseIsoDate(params.to) : undefined;
  if (from !== undefined) {
    where.push('m.published_at >= ?');
    values.push(from);
  }
  if (to !== undefined) {
    where.push('m.published_at <= ?');
    values.push(/^\d{4}-\d{2}-\d{2}$/.test(params.to ?? '') ? endOfUtcDay(to) : to);
  }
  if (expression === undefined) {
    return {
      sql: `SELECT count(*) FROM ${tables.meta} m${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`,
      values,
    };
  }
  if (where.length === 0)
    return { sql: `SELECT count(*) FROM ${tables.fts} WHERE ${tables.fts} MATCH ?`, values: [expression] };
  return {
    sql: `SELECT count(*) FROM ${tables.fts} f CROSS JOIN ${tables.meta} m ON m.doc = f.rowid WHERE ${tables.fts} MATCH ? AND ${where.join(' AND ')}`,
    values: [expression, ...values],
  };
}
