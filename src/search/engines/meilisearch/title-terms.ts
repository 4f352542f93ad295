import { compareText } from '../../count-order.js';
import { createHash } from 'node:crypto';
import { tokenize } from '../../../text/normalize.js';

/** One document of the title vocabulary index: a title word and how many titles hold it. */
export interface TermDocument {
  id: string;
  term: string;
  docs: number;
}

/**
 * Meilisearch indexes no word longer than this many bytes (`MAX_WORD_LENGTH`): such a word
 * can never be searched, so it is neither stored nor looked up.
 */
export const MAX_TERM_BYTES = 250;

const utf8 = new TextEncoder();

/** Whether Meilisearch can search this word at all. */
export function isSearchableTerm(term: string): boolean {
  return utf8.encode(term).length <= MAX_TERM_BYTES;
}

/**
 * The title vocabulary index that belongs to an article index.
 * @example termsIndexUid('articles') -> 'articles_terms'
 */
export function termsIndexUid(indexUid: string): string {
  return `${indexUid}_terms`;
}

/**
 * Adds the words of `titles` to `counts` (word -> titles holding it); a word repeated in one
 * title counts once. Words are the shared tokenizer's, as the embedded engine's title vocabulary.
 * @example countTitleTerms(['North Korea fires', 'Korea-Japan talks: Korea']) -> Map { north: 1, korea: 2, fires: 1, japan: 1, talks: 1 }
 */
export function countTitleTerms(titles: Iterable<string>, counts = new Map<string, number>()): Map<string, number> {
  for (const title of titles) {
    for (const term of new Set(tokenize(title))) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/**
 * A document id for a term: any word may hold characters a Meilisearch id may not (ids allow
 * only `[A-Za-z0-9_-]`), so the id is the base64url SHA-1 of the term, 27 characters.
 * @example termDocumentId('korea') -> '7tXzub9rKXDMh_ZbusCNONQhnTI'
 */
export function termDocumentId(term: string): string {
  return createHash('sha1').update(term, 'utf8').digest('base64url');
}

/**
 * Word counts -> the documents of the title vocabulary index, in term order; words
 * Meilisearch cannot search are left out.
 * @example toTermDocuments(new Map([['korea', 2]])) -> [{ id: termDocumentId('korea'), term: 'korea', docs: 2 }]
 */
export function toTermDocuments(counts: ReadonlyMap<string, number>): TermDocument[] {
  return [...counts]
    .filter(([term]) => isSearchableTerm(term))
    .sort(([a], [b]) => compareText(a, b))
    .map(([term, docs]) => ({ id: termDocumentId(term), term, docs }));
}

/** How one article's title changed in a write: absent before (new) or after (deleted). */
export interface TitleChange {
  before?: string | undefined;
  after?: string | undefined;
}

/**
 * Adds what title changes do to the vocabulary's counts into `delta` (term -> change in the
 * number of titles holding it); words Meilisearch cannot search are left out, as in the index.
 * @example titleTermDelta([{ before: 'Korea talks', after: 'Korea summit' }, { after: 'Summit ends' }])
 *   -> Map { talks: -1, summit: 2, ends: 1 }
 */
export function titleTermDelta(changes: Iterable<TitleChange>, delta = new Map<string, number>()): Map<string, number> {
  for (const { before, after } of changes) {
    const old = new Set(before === undefined ? [] : tokenize(before));
    const next = new Set(after === undefined ? [] : tokenize(after));
    for (const term of old) if (!next.has(term)) bump(delta, term, -1);
    for (const term of next) if (!old.has(term)) bump(delta, term, 1);
  }
  for (const [term, change] of delta) if (change === 0 || !isSearchableTerm(term)) delta.delete(term);
  return delta;
}

function bump(delta: Map<string, number>, term: string, by: number): void {
  delta.set(term, (delta.get(term) ?? 0) + by);
}

/**
 * Current counts of the changed terms + their delta -> the vocabulary documents to write and
 * the ids to delete (a term no title holds any more).
 * @example applyTermDelta(new Map([['talks', 1]]), new Map([['talks', -1], ['summit', 2]]))
 *   -> { upserts: [{ id: termDocumentId('summit'), term: 'summit', docs: 2 }], deletes: [termDocumentId('talks')] }
 */
export function applyTermDelta(
  current: ReadonlyMap<string, number>,
  delta: ReadonlyMap<string, number>,
): { upserts: TermDocument[]; deletes: string[] } {
  const upserts: TermDocument[] = [];
  const deletes: string[] = [];
  for (const [term, change] of [...delta].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const docs = (current.get(term) ?? 0) + change;
    if (docs > 0) upserts.push({ id: termDocumentId(term), term, docs });
    else if (current.has(term)) deletes.push(termDocumentId(term));
  }
  return { upserts, deletes };
}
