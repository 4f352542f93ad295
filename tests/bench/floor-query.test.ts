import { describe, expect, it } from 'vitest';
import { toFloorExpression, toFloorStatement } from '../../bench/probes/floor-query.js';

const vocabulary = ['py', 'sanction', 'sanctions', 'sanctoon', 'north', 'korea', 'korean'];
const tables = { fts: 'article_fts', meta: 'articles' };

describe('toFloorExpression', () => {
  it('when a complete word is short, then it matches exactly', () => {
    expect(toFloorExpression('py ', vocabulary)).toBe('"py"');
  });

  it('when a complete word has 5+ letters, then every word within one typo is ORed in', () => {
    expect(toFloorExpression('sanctoon ', vocabulary)).toBe('("sanctoon" OR "sanction")');
  });

  it('when the last word is open, then it is a prefix and the others are ANDed', () => {
    expect(toFloorExpression('py kor', vocabulary)).toBe('"py" AND "kor"*');
  });

  it('when a word is excluded or quoted, then the expression says NOT or a phrase', () => {
    expect(toFloorExpression('"north korea" -py ', vocabulary)).toBe('("north korea") NOT ("py")');
  });

  it('when there is no query text, then there is no expression', () => {
    expect(toFloorExpression('', vocabulary)).toBeUndefined();
  });
});

describe('toFloorStatement', () => {
  it('when there are no filters, then it is a bare FTS5 count', () => {
    expect(toFloorStatement({ q: 'py ', facets: '' }, vocabulary, tables)).toEqual({
      sql: 'SELECT count(*) FROM article_fts WHERE article_fts MATCH ?',
      values: ['"py"'],
    });
  });

  it('when there are filters, then FTS5 drives the join and a bare "to" date covers its whole day', () => {
    const statement = toFloorStatement(
      { q: 'py ', section: 'World', from: '2020-01-01', to: '2020-12-31' },
      vocabulary,
      tables,
    );
    expect(statement.sql).toContain('FROM article_fts f CROSS JOIN articles m ON m.doc = f.rowid');
    expect(statement.values).toEqual(['"py"', 'World', Date.UTC(2020, 0, 1), Date.UTC(2020, 11, 31, 23, 59, 59, 999)]);
  });

  it('when browsing, then the metadata table alone is counted', () => {
    const statement = toFloorStatement({ section: 'World' }, vocabulary, tables);
    expect(statement).toEqual({
      sql: 'SELECT count(*) FROM articles m WHERE m.section = ? COLLATE NOCASE',
      values: ['World'],
    });
  });
});
