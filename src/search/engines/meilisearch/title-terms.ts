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
