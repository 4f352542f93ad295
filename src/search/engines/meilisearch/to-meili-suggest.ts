import type { MultiSearchQuery } from 'meilisearch';
import {
  COMPLETION_CANDIDATES,
  TYPO_CANDIDATES,
  suggestTypoBudget,
  type SuggestInput,
} from '../../suggest/suggest-plan.js';
import { PHRASE_SAMPLE, wantsPhrases } from '../../suggest/query-completions.js';
import type { SuggestQuery } from '../../suggest/suggest.schema.js';
import type { SearchFilters } from '../../search.schema.js';
import { isSearchableTerm, termsIndexUid } from './title-terms.js';
import { quoteFilterValue, toMeiliFilter } from './to-meili-filter.js';

/** Fields an article suggestion needs. */
export const TITLE_HIT_ATTRIBUTES = ['id', 'title', 'section', 'publishedAtIso'] as const;

/**
 * Completion counts are over titles, as on the embedded engine: a completion is offered for
 * what headlines say together, and counting titles keeps every keystroke cheap at 1M articles.
 */
const COUNTED_ATTRIBUTES = ['title'];

/** Most frequent first, then alphabetical: the embedded engine's order of candidates. */
/** Vocabulary order: most frequent first, then alphabetical (the embedded engine's count order). */
export const TERM_SORT = ['docs:desc', 'term:asc'];

/** Above every code point a word can hold: `prefix + PREFIX_END` bounds the words starting with `prefix`. */
const PREFIX_END = '\u{10FFFF}';

/**
 * Which result of the first multi-search holds what. `completions` and `typos` are absent when
 * the vocabulary is not asked (see `toSuggestPlan`); `sections` and `tags` may be the same query.
 */
export interface SuggestPlan {
  queries: MultiSearchQuery[];
  at: { completions?: number; typos?: number; sections: number; tags: number; authors: number; titles: number };
}

const withFilter = (filter: string[][]) => (filter.length > 0 ? { filter } : {});

/**
 * The `term` filters of the words starting with `prefix` (`inside`, AND) and of all others
 * (`outside`, OR), as lexicographic string ranges (Meilisearch v1.15+). Bounds are sent in the
 * form Meilisearch stores facet strings in (NFKD, lowercase); `STARTS WITH` would need an
 * experimental feature.
 * @example termPrefixFilters('ko') -> { inside: ['term >= "ko"', 'term < "ko\u{10FFFF}"'], outside: ['term < "ko"', 'term >= "ko\u{10FFFF}"'] }
 */
export function termPrefixFilters(prefix: string): { inside: string[]; outside: string[] } {
  const stored = prefix.normalize('NFKD').toLowerCase();
  const from = quoteFilterValue(stored);
  const to = quoteFilterValue(stored + PREFIX_END);
  return { inside: [`term >= ${from}`, `term < ${to}`], outside: [`term < ${from}`, `term >= ${to}`] };
}

/**
 * The typed words as Meilisearch `q`: the open last word is a prefix, a finished one is not
 * (trailing space).
 * @example toTypedQueryText({ words: ['north', 'ko'], open: true, ... }) -> 'north ko'
 */
export function toTypedQueryText(input: SuggestInput): string {
  return input.words.join(' ') + (input.open ? '' : ' ');
}

type TermSlots = Pick<SuggestPlan['at'], 'completions' | 'typos'>;

/**
 * The vocabulary queries (`<uid>_terms`) for the last word.
 * - open: its completions, the 8 most frequent words in its prefix range (a placeholder search,
 *   so no cap on how many words a prefix may expand to), and from 4 letters the 4 most frequent
 *   words outside that range that Meilisearch matches within one typo of the typed prefix;
 * - finished: from 4 letters, the 4 most frequent other words within one typo of it (the word
 *   itself is offered as typed).
 */
function toTermQueries(input: SuggestInput, termsUid: string, add: (q: MultiSearchQuery) => number): TermSlots {
  const at: TermSlots = {};
  if (!isSearchableTerm(input.last)) return at;
  const range = termPrefixFilters(input.last);
  const base = { indexUid: termsUid, sort: TERM_SORT, attributesToRetrieve: ['term'] };
  if (input.open) at.completions = add({ ...base, q: '', filter: range.inside, limit: COMPLETION_CANDIDATES });
  if (suggestTypoBudget(input.last) > 0) {
    at.typos = add({
      ...base,
      q: input.open ? input.last : `${input.last} `,
      filter: input.open ? [range.outside] : [`term != ${quoteFilterValue(input.last)}`],
      limit: TYPO_CANDIDATES,
    });
  }
  return at;
}

/**
 * Everything a suggestion needs that does not depend on the candidates, as one multi-search:
 * the vocabulary queries (unless `withTerms` is false), the section and tag counts of a
 * placeholder search (sections without their own filter, as a suggested section replaces it),
 * and the article titles holding the typed words.
 */
export function toSuggestPlan(
  query: SuggestQuery,
  input: SuggestInput,
  indexUid: string,
  withTerms = true,
): SuggestPlan {
  const queries: MultiSearchQuery[] = [];
  const add = (q: MultiSearchQuery) => queries.push(q) - 1;
  const terms = withTerms ? toTermQueries(input, termsIndexUid(indexUid), add) : {};
  const filter = toMeiliFilter(query.filters);
  // Sections and authors count without their own filter (a suggested one replaces it): a query
  // of their own when that filter is set, else they share the query that counts the tags.
  const shared: string[] = ['tags'];
  const own = (facet: 'section' | 'authors'): number | undefined => {
    const set = facet === 'section' ? query.filters.sections : query.filters.authors;
    if (set.length > 0)
      return add({ indexUid, ...withFilter(toMeiliFilter(query.filters, facet)), hitsPerPage: 0, facets: [facet] });
    shared.push(facet);
    return undefined;
  };
  const ownSections = own('section');
  const ownAuthors = own('authors');
  const tags = add({ indexUid, ...withFilter(filter), hitsPerPage: 0, facets: shared });
  const sections = ownSections ?? tags;
  const authors = ownAuthors ?? tags;
  const titles = add({
    indexUid,
    q: toTypedQueryText(input),
    attributesToSearchOn: ['title'],
    matchingStrategy: 'all',
    ...withFilter(filter),
    // A single word being typed: its titles are also the sample of phrase completions.
    limit: wantsPhrases(input) ? Math.max(query.limit, PHRASE_SAMPLE) : query.limit,
    attributesToRetrieve: [...TITLE_HIT_ATTRIBUTES],
  });
  return { queries, at: { ...terms, sections, tags, authors, titles } };
}

/** Whether the plan asks the vocabulary, so the candidates are known only after its answer. */
export function asksVocabulary(plan: SuggestPlan): boolean {
  return plan.at.completions !== undefined || plan.at.typos !== undefined;
}

/**
 * Candidate texts -> one count-only query each (page mode: exact totals): the articles holding
 * every word exactly in their title and passing the filters, as the embedded engine counts. Each
 * word is sent as a one-word phrase, which Meilisearch matches without typos or prefixes.
 * @example toCountQueries([['north', 'korea']], filters, 'articles')[0].q -> '"north" "korea"'
 */
export function toCountQueries(
  texts: readonly (readonly string[])[],
  filters: SearchFilters,
  indexUid: string,
  where: 'title' | 'anywhere' = 'title',
): MultiSearchQuery[] {
  const filter = toMeiliFilter(filters);
  return texts.map((words) => ({
    indexUid,
    // Our words hold letters and digits only: nothing to escape inside the quotes.
    q: words.map((w) => `"${w}"`).join(' '),
    matchingStrategy: 'all',
    ...(where === 'title' && { attributesToSearchOn: COUNTED_ATTRIBUTES }),
    ...withFilter(filter),
    hitsPerPage: 0,
    page: 1,
  }));
}
