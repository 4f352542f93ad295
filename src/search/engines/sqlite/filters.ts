import type { SearchFilters } from '../../search.schema.js';
import type { ColumnStore } from './column-store.js';

/**
 * Search filters resolved against the column store's dictionaries, ready for per-doc tests.
 * `null` means "no filter on this field"; an unknown value can never match.
 */
export interface CompiledFilters {
  sections: Uint8Array | null;
  /** Every one must be held (AND); -1 marks an unknown tag. */
  tags: Int32Array | null;
  authors: Uint8Array | null;
  from: number;
  to: number;
}

/** Resolves filter values to ids (case- and accent-insensitively). */
export function compileFilters(filters: SearchFilters, store: ColumnStore): CompiledFilters {
  return {
    sections: filters.sections.length
      ? mask(filters.sections, (v) => store.sections.find(v), store.sections.size)
      : null,
    tags: filters.tags.length ? Int32Array.from(filters.tags, (t) => store.tags.find(t)) : null,
    authors: filters.authors.length ? mask(filters.authors, (v) => store.authors.find(v), store.authors.size) : null,
    from: filters.from ?? -Infinity,
    to: filters.to ?? Infinity,
  };
}

function mask(values: string[], find: (v: string) => number, size: number): Uint8Array {
  const m = new Uint8Array(size + 1);
  for (const v of values) {
    const id = find(v);
    if (id >= 0) m[id] = 1;
  }
  return m;
}

/** Whether any filter is active. */
export function hasFilters(f: CompiledFilters): boolean {
  return f.sections !== null || f.tags !== null || f.authors !== null || f.from !== -Infinity || f.to !== Infinity;
}

/** Bits of `filterBits`: which filters a doc passes. */
export const PASS = { section: 1, tags: 2, authors: 4, date: 8, all: 15 } as const;

/** Which of the four filters a doc passes, as bits (PASS.all when every one holds). */
export function filterBits(f: CompiledFilters, store: ColumnStore, doc: number): number {
  let bits = 0;
  if (f.sections === null || f.sections[store.section[doc]!] === 1) bits |= PASS.section;
  if (f.tags === null || holdsAll(store.tagsOf(doc), f.tags)) bits |= PASS.tags;
  if (f.authors === null || holdsAny(store.authorsOf(doc), f.authors)) bits |= PASS.authors;
  const t = store.published[doc]!;
  if (t >= f.from && t <= f.to) bits |= PASS.date;
  return bits;
}

function holdsAll(docTags: Int32Array, wanted: Int32Array): boolean {
  for (let i = 0; i < wanted.length; i++) {
    if (docTags.indexOf(wanted[i]!) === -1) return false;
  }
  return true;
}

function holdsAny(docAuthors: Int32Array, wanted: Uint8Array): boolean {
  for (let i = 0; i < docAuthors.length; i++) if (wanted[docAuthors[i]!] === 1) return true;
  return false;
}
