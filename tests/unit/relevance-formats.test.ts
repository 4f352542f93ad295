import { describe, expect, it } from 'vitest';
import {
  normalizeId,
  parseDotFields,
  parseQrelLines,
  parseSlashBlocks,
  parseSlashQrels,
} from '../../bench/relevance/collection-formats.js';

describe('parseDotFields', () => {
  it('when records have several fields, then each field keeps its lines, trimmed', () => {
    const text = '.I 1\n.T\nA short title\n.A\nsomeone\n.W\nfirst line\nsecond line\n.I 2\n.W\nonly text\n';
    expect(parseDotFields(text)).toEqual([
      { id: '1', fields: { T: 'A short title', A: 'someone', W: 'first line\nsecond line' } },
      { id: '2', fields: { W: 'only text' } },
    ]);
  });

  it('when lines end in CRLF with trailing blanks and no final newline, then they are the same as LF', () => {
    const text = '.I 7\r\n.W \r\nsome words  \r\nmore words';
    expect(parseDotFields(text)).toEqual([{ id: '7', fields: { W: 'some words\nmore words' } }]);
  });

  it('when ids are zero-padded, then they lose the zeros', () => {
    expect(parseDotFields('.I 004\n.W\nq\n').map((r) => r.id)).toEqual(['4']);
  });

  it('when a field letter repeats inside a record, then its line is dropped and the text stays in the current field', () => {
    const text = '.I 3\n.T\ntitle\n.A\nwho\n.B\nwhere\n.W\nbefore\n.A\nmiddle\n.B\nafter\n.W\nend\n';
    expect(parseDotFields(text)).toEqual([
      { id: '3', fields: { T: 'title', A: 'who', B: 'where', W: 'before\nmiddle\nafter\nend' } },
    ]);
  });

  it('when a field is empty, then it is an empty string', () => {
    expect(parseDotFields('.I 9\n.T\n.A\n.W\n')).toEqual([{ id: '9', fields: { T: '', A: '', W: '' } }]);
  });

  it('when text sits on the marker line, then it belongs to the field', () => {
    expect(parseDotFields('.I 5\n.K a, b\nc\n')).toEqual([{ id: '5', fields: { K: 'a, b\nc' } }]);
  });
});

describe('parseSlashBlocks', () => {
  it('when blocks end with an indented slash, then the first token is the id', () => {
    expect(parseSlashBlocks('1\nsome text\nmore\n   /\n2\nUPPER CASE\n/')).toEqual([
      { id: '1', text: 'some text\nmore' },
      { id: '2', text: 'UPPER CASE' },
    ]);
  });

  it('when the last block has no closing slash, then it is kept', () => {
    expect(parseSlashBlocks('3\ntail words\n')).toEqual([{ id: '3', text: 'tail words' }]);
  });
});

describe('parseQrelLines', () => {
  it('when the grade column is used, then -1 and 1-4 come through as numbers', () => {
    expect(parseQrelLines('1 184 2\n1 29 -1', { gradeColumn: true })).toEqual([
      { query: '1', doc: '184', grade: 2 },
      { query: '1', doc: '29', grade: -1 },
    ]);
  });

  it('when the grade column is ignored, then every listed pair is relevant, whatever the spacing', () => {
    expect(parseQrelLines('01 1410  0 0\r\n     2\t\t35\t0\t0.000000\n\n', { gradeColumn: false })).toEqual([
      { query: '1', doc: '1410', grade: 1 },
      { query: '2', doc: '35', grade: 1 },
    ]);
  });

  it('when a grade is not a number, then it throws', () => {
    expect(() => parseQrelLines('1 2 x', { gradeColumn: true })).toThrow();
  });
});

describe('parseSlashQrels', () => {
  it('when a block spans several lines, then each doc is one judgment', () => {
    expect(parseSlashQrels('1\n 12 40\n 7\n /\n2\n 5\n /\n')).toEqual([
      { query: '1', doc: '12', grade: 1 },
      { query: '1', doc: '40', grade: 1 },
      { query: '1', doc: '7', grade: 1 },
      { query: '2', doc: '5', grade: 1 },
    ]);
  });
});

describe('normalizeId', () => {
  it('when the id is not all digits, then it is kept as written', () => {
    expect([normalizeId(' 007 '), normalizeId('q7')]).toEqual(['7', 'q7']);
  });
});
