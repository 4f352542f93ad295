import type { Suggestion, SuggestQuery } from '../../suggest/suggest.schema.js';
import {
  COMPLETION_CANDIDATES,
  TYPO_CANDIDATES,
  planSuggestions,
  suggestTypoBudget,
  typedSuggestionText,
  type SuggestInput,
} from '../../suggest/suggest-plan.js';
import {
  candidateTexts,
  lastWordForms,
  PHRASE_SAMPLE,
  phraseCompletions,
  toQuerySuggestions,
  wantsPhrases,
} from '../../suggest/query-completions.js';
import { toArticleSuggestions } from '../../suggest/article-suggestions.js';
import { matchAtWord, toFacetSuggestions } from '../../suggest/facet-suggestions.js';
import { formatUtc } from '../../../articles/dates.js';
import type { ArticleRows } from './article-rows.js';
import type { ColumnStore } from './column-store.js';
import { facetCounts, facetDictionary } from './facets.js';
import { compileFilters, filterBits, hasFilters, PASS, type CompiledFilters } from './filters.js';
import { allTerms, anyOf } from './fts-query.js';
import { exactForms } from './query-plan.js';
import type { FtsReader } from './fts-reader.js';
import { titlesHoldingAll } from './title-postings.js';
import { topK } from './top-k.js';
import type { Vocabulary } from './vocabulary.js';

interface Deps {
  rows: ArticleRows;
  fts: FtsReader;
  store: ColumnStore;
  vocab: Vocabulary;
  titleVocab: Vocabulary;
}

/**
 * Matching titles read per keystroke, last indexed first: a broad match ("p") costs no more
 * than a narrow one; article suggestions are ranked within them.
 */
const TITLE_SAMPLE = 200;

/**
 * As-you-type suggestions on the embedded engine: query completions from the title
 * vocabulary ranked by how many articles hold them (never one with no result), article
 * titles, and matching sections and tags with counts. One typo is tolerated from 4 letters.
 */
export function suggest(query: SuggestQuery, deps: Deps): Suggestion[] {
  const input = typedSuggestionText(query.q);
  if (!input) return [];
  const filters = compileFilters(query.filters, deps.store);
  return planSuggestions(query.limit, {
    queries: () => queryCompletions(input, filters, deps),
    facets: () => facetSuggestions(input, filters, deps.store),
    articles: (limit) => articleSuggestions(input, filters, deps, limit),
  });
}

/** The vocabulary's typo candidates for a typed word: none below autocomplete's typo length. */
function typoCandidates(word: string, prefix: boolean, vocab: Vocabulary): string[] {
  const maxTypos = suggestTypoBudget(word);
  return maxTypos === 0 ? [] : vocab.typoCandidates(word, { prefix, maxTypos }).map((c) => c.term);
}

function queryCompletions(input: SuggestInput, filters: CompiledFilters, deps: Deps): Suggestion[] {
  const { last, open } = input;
  const completions = open ? deps.titleVocab.completions(last, COMPLETION_CANDIDATES).map((c) => c.term) : [];
  const phrases = phraseCompletions(input, wantsPhrases(input) ? sampleTitles(last, filters, deps) : []);
  const forms = lastWordForms(input, completions, typoCandidates(last, open, deps.titleVocab), phrases);
  const texts = candidateTexts(input, forms);
  const counts = texts.map((words) => countHolding(words, filters, deps));
  const suggestions = toQuerySuggestions(input, forms, counts);
  if (suggestions.length > 0 || !hasFilters(filters)) return suggestions;
  // Under filters no title may hold a candidate while the articles' text does: counted there.
  return toQuerySuggestions(
    input,
    forms,
    texts.map((words) => countInText(words, filters, deps)),
  );
}

/** Titles (the latest indexed first) holding a word starting with `prefix` and passing the filters. */
function sampleTitles(prefix: string, filters: CompiledFilters, deps: Deps): string[] {
  const expression = anyOf(exactForms(prefix, true, deps.titleVocab, COMPLETION_CANDIDATES));
  const passes = (d: number) => !hasFilters(filters) || filterBits(filters, deps.store, d) === PASS.all;
  return deps.rows.byDocs(deps.fts.latestTitleDocs(expression, PHRASE_SAMPLE, passes)).map((row) => row.title);
}

/** Articles holding every word anywhere (exactly) and passing the filters. */
function countInText(words: string[], filters: CompiledFilters, deps: Deps): number {
  let n = 0;
  for (const d of deps.fts.docs(allTerms(words.map((text) => anyOf([{ kind: 'word', text }])))))
    if (filterBits(filters, deps.store, d) === PASS.all) n++;
  return n;
}

/**
 * Articles whose title holds every word (exactly) and that pass the filters. Titles, not
 * bodies: they are what a completion should read like, and the small titles index answers a
 * count in well under a millisecond where the full index needs tens for two common words.
 */
function countHolding(words: string[], filters: CompiledFilters, deps: Deps): number {
  if (words.length === 1 && !hasFilters(filters)) return deps.titleVocab.docs(words[0]!);
  const docs = titlesHoldingAll(deps.fts, words);
  if (!hasFilters(filters)) return docs.length;
  let n = 0;
  for (const d of docs) if (filterBits(filters, deps.store, d) === PASS.all) n++;
  return n;
}

function facetSuggestions(input: SuggestInput, filters: CompiledFilters, store: ColumnStore): Suggestion[] {
  const typed = input.words.join(' ');
  const values: { type: 'section' | 'tag' | 'author'; value: string; count: number }[] = [];
  const types = { section: 'section', tags: 'tag', authors: 'author' } as const;
  for (const facet of ['section', 'tags', 'authors'] as const) {
    const dict = facetDictionary(store, facet);
    const matching = dict
      .withWordStarting(typed[0]!)
      .map((id): [number, string] => [id, dict.name(id)])
      .filter(([, value]) => matchAtWord(typed, value));
    if (matching.length === 0) continue;
    // Counts only when something matched: they cost a pass over every article.
    const counts = facetCounts(store, undefined, filters, facet);
    for (const [id, value] of matching) values.push({ type: types[facet], value, count: counts[id]! });
  }
  return toFacetSuggestions(typed, values);
}

function articleSuggestions(input: SuggestInput, filters: CompiledFilters, deps: Deps, limit: number): Suggestion[] {
  if (limit <= 0) return [];
  const terms = input.words.map((word, i) => {
    const prefix = i === input.words.length - 1 && input.open;
    const typos = typoCandidates(word, prefix, deps.titleVocab);
    // One letter completes to its few most frequent title words here: article suggestions for
    // "e" are a sample anyway, and fifty alternatives would cost more than the whole keystroke.
    const forms = exactForms(word, prefix, deps.titleVocab, COMPLETION_CANDIDATES);
    for (const text of typos.slice(0, TYPO_CANDIDATES)) forms.push({ kind: 'word', text });
    return { forms, typos };
  });
  const expression = allTerms(terms.map((t) => anyOf(t.forms)));
  const passes = (d: number) => !hasFilters(filters) || filterBits(filters, deps.store, d) === PASS.all;
  const ranked = rankTitles(deps.fts.latestTitleDocs(expression, TITLE_SAMPLE, passes), deps.store, limit);
  const rows = deps.rows.byDocs(ranked).map((row) => ({ ...row, publishedAt: formatUtc(row.publishedAt) }));
  return toArticleSuggestions(
    input,
    rows,
    terms.flatMap((t) => t.typos),
  );
}

/**
 * Shorter titles first (every candidate holds every typed word, so the shorter one is about
 * them more: BM25's length normalisation), then the newest.
 */
function rankTitles(docs: number[], store: ColumnStore, limit: number): number[] {
  return topK(
    docs,
    limit,
    (a, b) => store.titleWords[a]! - store.titleWords[b]! || store.published[b]! - store.published[a]! || b - a,
  );
}
