import type { Suggestion, SuggestQuery } from '../../suggest/suggest.schema.js';
import {
  COMPLETION_CANDIDATES,
  SUGGEST_TYPO_MIN_LENGTH,
  TYPO_CANDIDATES,
  planSuggestions,
  typedSuggestionText,
  type SuggestInput,
} from '../../suggest/suggest-plan.js';
import { compareText, matchAtWord, toFacetSuggestions } from '../../suggest/facet-suggestions.js';
import { highlightText } from '../../highlight/highlighter.js';
import { markTypedPrefix } from '../../highlight/prefix-highlight.js';
import { formatUtc } from '../../../articles/dates.js';
import { matchPrefix } from '../../../text/prefix-match.js';
import type { ColumnStore } from './column-store.js';
import type { Db } from './database.js';
import { facetCounts, facetDictionary } from './facets.js';
import { compileFilters, filterBits, hasFilters, PASS, type CompiledFilters } from './filters.js';
import { allTerms, anyOf } from './fts-query.js';
import { exactForms } from './query-plan.js';
import type { FtsReader } from './fts-reader.js';
import { titlesHoldingAll } from './title-postings.js';
import { topK } from './top-k.js';
import type { Vocabulary } from './vocabulary.js';

interface Deps {
  db: Db;
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

function lastWordForms(input: SuggestInput, vocab: Vocabulary): { term: string; typedLength: number }[] {
  const { last, open } = input;
  const typos = last.length >= SUGGEST_TYPO_MIN_LENGTH ? vocab.typoCandidates(last, { prefix: open, maxTypos: 1 }) : [];
  // A finished word is offered as typed; the count check drops it when nothing holds it.
  const exact = open ? vocab.completions(last, COMPLETION_CANDIDATES) : [{ term: last }];
  const forms = [...exact.map((c) => c.term), ...typos.slice(0, TYPO_CANDIDATES).map((c) => c.term)];
  return [...new Set(forms)].map((term) => ({
    term,
    typedLength: open ? (matchPrefix(last, term, 1)?.length ?? last.length) : term.length,
  }));
}

function queryCompletions(input: SuggestInput, filters: CompiledFilters, deps: Deps): Suggestion[] {
  const out: (Suggestion & { count: number })[] = [];
  for (const { term, typedLength } of lastWordForms(input, deps.titleVocab)) {
    const words = [...input.before, term];
    const count = countHolding(words, filters, deps);
    if (count === 0) continue;
    const text = words.join(' ');
    const typed = text.length - term.length + typedLength;
    out.push({ type: 'query', text, highlight: markTypedPrefix(text, typed), count });
  }
  return out
    .sort((a, b) => b.count - a.count || compareText(a.text, b.text))
    .map(({ type, text, highlight }) => ({ type, text, highlight }) as Suggestion);
}

/** Articles holding every word (exactly) and passing the filters. */
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
  const values: { type: 'section' | 'tag'; value: string; count: number }[] = [];
  for (const facet of ['section', 'tags'] as const) {
    const dict = facetDictionary(store, facet);
    const matching = dict
      .withWordStarting(typed[0]!)
      .map((id): [number, string] => [id, dict.name(id)])
      .filter(([, value]) => matchAtWord(typed, value));
    if (matching.length === 0) continue;
    // Counts only when something matched: they cost a pass over every article.
    const counts = facetCounts(store, undefined, filters, facet);
    for (const [id, value] of matching)
      values.push({ type: facet === 'section' ? 'section' : 'tag', value, count: counts[id]! });
  }
  return toFacetSuggestions(typed, values);
}

function articleSuggestions(input: SuggestInput, filters: CompiledFilters, deps: Deps, limit: number): Suggestion[] {
  if (limit <= 0) return [];
  const terms = input.words.map((word, i) => {
    const isLast = i === input.words.length - 1;
    const prefix = isLast && input.open;
    const typos =
      word.length >= SUGGEST_TYPO_MIN_LENGTH ? deps.titleVocab.typoCandidates(word, { prefix, maxTypos: 1 }) : [];
    // One letter completes to its few most frequent title words here: article suggestions for
    // "e" are a sample anyway, and fifty alternatives would cost more than the whole keystroke.
    const forms = exactForms(word, prefix, deps.titleVocab, COMPLETION_CANDIDATES);
    for (const t of typos.slice(0, TYPO_CANDIDATES)) forms.push({ kind: 'word', text: t.term });
    return { forms, typos: typos.map((t) => t.term) };
  });
  const expression = allTerms(terms.map((t) => anyOf(t.forms)));
  const passes = (d: number) => !hasFilters(filters) || filterBits(filters, deps.store, d) === PASS.all;
  const ranked = rankTitles(deps.fts.latestTitleDocs(expression, TITLE_SAMPLE, passes), deps.store, limit);
  const words = new Set([...input.words.slice(0, input.open ? -1 : undefined), ...terms.flatMap((t) => t.typos)]);
  return loadTitles(deps.db, ranked).map((row) => ({
    type: 'article',
    id: row.id,
    text: row.title,
    highlight: highlightText(row.title, { words, prefixes: input.open ? [input.last] : [] }),
    section: row.section,
    publishedAt: formatUtc(row.published_at),
  }));
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

function loadTitles(db: Db, docs: number[]): { id: string; title: string; section: string; published_at: number }[] {
  if (docs.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT a.doc, a.id, t.title, a.section, a.published_at FROM articles a JOIN article_text t ON t.doc = a.doc
      WHERE a.doc IN (${docs.map(() => '?').join(',')})`,
    )
    .all(...docs) as { doc: number; id: string; title: string; section: string; published_at: number }[];
  const byDoc = new Map(rows.map((r) => [r.doc, r]));
  return docs.flatMap((d) => byDoc.get(d) ?? []);
}
