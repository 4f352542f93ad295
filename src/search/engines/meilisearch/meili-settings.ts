import type { Settings } from 'meilisearch';
import { SUGGEST_TYPO_MIN_LENGTH } from '../../suggest/suggest-plan.js';
import { ENGLISH_STOP_WORDS } from '../../query/stop-words.js';
import { DEFAULT_SYNONYMS, toMeiliSynonyms, type SynonymGroups } from '../../query/synonyms.js';
import { SEARCH_LIMITS } from '../../search.schema.js';

/**
 * Characters Meilisearch's tokenizer keeps inside words but ours splits on (`tokenize` splits on
 * anything that is not a letter or digit): `<script>` is one word to Meilisearch unless `<` and `>`
 * separate, so `script` would find nothing there. Added to its default separators (`$<=>^|~`
 * and the symbols of Latin-1, currency and letterlike blocks; measured on v1.48.3).
 */
export const SEPARATOR_TOKENS: readonly string[] = separatorTokens([
  [0x21, 0x7e],
  [0xa1, 0xbf],
  [0xd7, 0xd7],
  [0xf7, 0xf7],
  [0x20a0, 0x20c0],
  [0x2100, 0x214f],
]);

/** Every character of the ranges that our tokenizer treats as a separator (not a letter, digit or mark). */
function separatorTokens(ranges: readonly (readonly [number, number])[]): string[] {
  const tokens: string[] = [];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCodePoint(code);
      if (!/[\p{L}\p{N}\p{M}]/u.test(char)) tokens.push(char);
    }
  }
  return tokens;
}

/**
 * Index settings every article index gets, before any document.
 *
 * @remarks
 * - `rankingRules`: `sort` first, so newest/oldest order strictly by date, partial matches
 *   included, as the embedded engine does (in the default position, after `attribute`, it
 *   would only break relevance ties). Without a `sort` parameter (relevance) the rule is
 *   inactive and `words` comes first, keeping all-words matches ahead of partial ones.
 *   `attribute` (not `attributeRank`, v1.36+) so older servers accept the list too.
 * - `faceting`: 1,000 values per facet covers the largest date histogram and the facet limit
 *   (100); section/tags/authors come back by count so the top values survive that cap.
 * - `pagination.maxTotalHits`: page-mode totals are capped at this, and the contract promises
 *   exact totals; pages themselves stop at `SEARCH_LIMITS.maxResultWindow` (10,000).
 * - `typoTolerance`: Meilisearch's defaults (1 typo from 5 letters, 2 from 9), stated so a
 *   changed default cannot drift from the embedded engine.
 * - `stopWords`: the English list the query parser drops (src/search/query/stop-words.ts), less
 *   its one-letter words ("s", "t", "a"), which acronyms and compounds spell in phrases.
 * - `separatorTokens`: words split where ours split (`SEPARATOR_TOKENS`).
 * - `filterableAttributes`: the labels for their facet counts, their keys for filters
 *   (`toFilterKey`), the date fields for ranges and the histogram.
 */
export const ARTICLE_INDEX_SETTINGS = {
  searchableAttributes: ['title', 'summary', 'body', 'tags', 'section', 'authors'],
  filterableAttributes: [
    'section',
    'tags',
    'authors',
    'sectionKey',
    'tagKeys',
    'authorKeys',
    'publishedAt',
    'year',
    'month',
    'day',
  ],
  sortableAttributes: ['publishedAt'],
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  faceting: {
    maxValuesPerFacet: SEARCH_LIMITS.maxDateBuckets,
    sortFacetValuesBy: { '*': 'alpha', section: 'count', tags: 'count', authors: 'count' },
  },
  pagination: { maxTotalHits: 1_000_000 },
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  // One-letter words stay indexed: a stop word inside a phrase matches any word, so "u s" (U.S.)
  // would match "U.N."; the query parser drops them from plain queries anyway.
  stopWords: [...ENGLISH_STOP_WORDS].filter((w) => w.length > 1).sort(),
  separatorTokens: [...SEPARATOR_TOKENS],
  facetSearch: true,
} satisfies Settings;

/**
 * The article index's settings with the operator's synonyms (`SYNONYMS`; default the shipped
 * news list), applied by Meilisearch at query time as the embedded engine applies them.
 */
export function articleIndexSettings(synonyms: SynonymGroups = DEFAULT_SYNONYMS): Settings {
  return { ...ARTICLE_INDEX_SETTINGS, synonyms: toMeiliSynonyms(synonyms) };
}

/**
 * Settings of the title vocabulary index (`<uid>_terms`, one document per title word), which
 * autocomplete reads for the candidates of the word being typed.
 *
 * @remarks
 * - `filterableAttributes: ['term']`: the completions of a typed prefix are the terms in the
 *   string range [prefix, prefix + U+10FFFF), a lexicographic filter (Meilisearch v1.15+);
 *   the typo candidates are the matches outside that range.
 * - `sortableAttributes`: most frequent first, then alphabetical, as the embedded engine.
 * - `rankingRules`: `typo` before `sort`, so exact matches would always precede typo ones;
 *   no `proximity`/`attribute` rules, pointless on one-word documents.
 * - `typoTolerance`: the autocomplete rule, one typo from 4 letters and never two
 *   (`twoTypos` is at its maximum, 255).
 * - `facetSearch: false`: the term filter needs no facet-search structures.
 */
export const TERMS_INDEX_SETTINGS = {
  searchableAttributes: ['term'],
  filterableAttributes: ['term'],
  sortableAttributes: ['docs', 'term'],
  rankingRules: ['words', 'typo', 'sort', 'exactness'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: SUGGEST_TYPO_MIN_LENGTH, twoTypos: 255 } },
  prefixSearch: 'indexingTime',
  facetSearch: false,
} satisfies Settings;

/** Two synonym maps with the same keys and, per key, the same equivalents in any order. */
function sameSynonyms(current: unknown, wanted: unknown): boolean {
  const norm = (map: unknown) =>
    JSON.stringify(
      Object.entries((map ?? {}) as Record<string, string[]>)
        .map(([k, v]) => [k, [...v].sort()] as const)
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    );
  return norm(current) === norm(wanted);
}

/** Settings that are sets: Meilisearch may return them in another order. */
const UNORDERED = new Set(['filterableAttributes', 'sortableAttributes', 'stopWords', 'separatorTokens']);

const sorted = (values: unknown[]) => [...values].map((v) => JSON.stringify(v)).sort();

/** Whether `current` already holds everything `wanted` sets (keys `wanted` omits are ignored). */
function holds(current: unknown, wanted: unknown, unordered = false): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(current) || current.length !== wanted.length) return false;
    if (unordered) return JSON.stringify(sorted(current)) === JSON.stringify(sorted(wanted));
    return wanted.every((value, i) => holds(current[i], value));
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (current === null || typeof current !== 'object') return false;
    return Object.entries(wanted).every(([key, value]) => holds((current as Record<string, unknown>)[key], value));
  }
  return current === wanted;
}

/**
 * The settings that differ, or `undefined` when the index already has them all, so that an
 * unchanged index gets no settings task (which would queue behind any pending indexing).
 * @example settingsPatch({ ...ARTICLE_INDEX_SETTINGS, sortableAttributes: [] }, ARTICLE_INDEX_SETTINGS)
 *   -> { sortableAttributes: ['publishedAt'] }
 */
export function settingsPatch(current: Settings, wanted: Settings = ARTICLE_INDEX_SETTINGS): Settings | undefined {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    const now = (current as Record<string, unknown>)[key];
    // A removed synonym must go too: the whole map is compared, not only the keys wanted.
    const same = key === 'synonyms' ? sameSynonyms(now, value) : holds(now, value, UNORDERED.has(key));
    if (!same) patch[key] = value;
  }
  return Object.keys(patch).length > 0 ? (patch as Settings) : undefined;
}
