import { describe, expect, it } from 'vitest';
import { toCsvArticle, toCsvFields } from '../../../src/ingest/sources/csv-columns.js';

describe('CSV columns', () => {
  it('when headers use aliases, case and separators, then each maps to its article field', () => {
    expect(
      toCsvFields(['ID', 'Title', 'date', 'Author', 'category', 'Keywords', 'published_at', 'Updated At', 'notes']),
    ).toEqual([
      'id',
      'title',
      'publishedAt',
      'authors',
      'section',
      'tags',
      undefined, // publishedAt is already filled by "date"
      'updatedAt',
      undefined,
    ]);
  });

  it('when a row is mapped, then lists split on ; or | and empty cells are absent', () => {
    const fields = toCsvFields(['title', 'tags', 'authors', 'summary', 'extra']);
    expect(toCsvArticle(fields, ['Hello', 'a; b|c ;', 'Ana Ruiz|Ben Ode', '  ', 'x'])).toEqual({
      title: 'Hello',
      tags: ['a', 'b', 'c'],
      authors: ['Ana Ruiz', 'Ben Ode'],
    });
  });
});
