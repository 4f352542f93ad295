import type { Suggestion, SuggestQuery } from '../../../suggest/suggest.schema.js';
import { SUGGEST_TYPO_MIN_LENGTH, planSuggestions, typedSuggestionText, type SuggestInput } from '../../../suggest/suggest-plan.js';
import { highlightText } from '../../highlight/highlighter.js';
import { markTypedPrefix } from '../../highlight/prefix-highlight.js';
import { formatUtc } from '../../../articles/dates.js';
import { foldCase, tokenize } from '../../../text/normalize.js';
import { matchPrefix } from '../../../text/prefix-match.js';
import type { ColumnStore } from './column-store.js';
import type { Db } from './database.js';
import { compareText, facetCounts, facetDictionary } from './facets.js';
import { compileFilters, filterBits, hasFilters, PASS, type CompiledFilters } from './filters.js';
import { allTerms, anyOf, type FtsAlternative } from './fts-query.js';
import type { FtsReader } from './fts-reader.js';
import type { Vocabulary } from './vocabulary.js';

interface Deps {
  db: Db;
  fts: FtsReader;
  store: ColumnStore;
  vocab: Vocabulary;
  titleVocab: Vocabulary;
}

/** Completions of the last word considered per keystroke (the most frequent in titles). */
const COMPLETION_CANDIDATES = 8;
const TYPO_CANDIDATES = 4;
/** Above this many title matches, article suggestions are the newest rather than BM25-ranked. */
const TITLE_SCORE_LIMIT = 2_000;

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
  return [...new Set(forms)].map((term) => ({ term, typedLength: open ? (matchPrefix(last, term, 1)?.length ?? last.length) : term.length }));
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
function countHolding(words: string[], filters: CompiledFilters, deps: Deps): number {
  if (words.length === 1 && !hasFilters(filters)) return deps.vocab.docs(words[0]!);
  const expression = allTerms(words.map((w) => anyOf([{ kind: 'word', text: w }])));
  if (!hasFilters(filters)) return deps.fts.count(expression);
  let n = 0;
  for (const d of deps.fts.docs(expression)) if (filterBits(filters, deps.store, d) === PASS.all) n++;
  return n;
}

function facetSuggestions(input: SuggestInput, filters: CompiledFilters, store: ColumnStore): Suggestion[] {
  const typed = input.words.join(' ');
  const out: (Suggestion & { count: number })[] = [];
  for (const facet of ['section', 'tags'] as const) {
    const matching = [...facetDictionary(store, facet).entries()].flatMap(([id, value]) => {
      const at = matchAtWord(typed, value);
      return at ? [{ id, value, at }] : [];
    });
    if (matching.length === 0) continue;
    const counts = facetCounts(store, undefined, filters, facet);
    for (const { id, value, at } of matching) {
      const count = counts[id]!;
      if (count === 0) continue;
      const highlight = `${highlightPart(value.slice(0, at.start))}${markTypedPrefix(value.slice(at.start), at.length)}`;
      out.push({ type: facet === 'section' ? 'section' : 'tag', text: value, count, highlight });
    }
  }
  return out.sort((a, b) => b.count - a.count || compareText(a.text, b.text));
}

function highlightPart(text: string): string {
  return highlightText(text, { words: new Set(), prefixes: [] });
}

/** Where the typed words match the value's words, starting at any word of the value. */
function matchAtWord(typed: string, value: string): { start: number; length: number } | undefined {
  const folded = foldCase(value);
  if (folded.length !== value.length) return undefined;
  const budget = typed.length >= SUGGEST_TYPO_MIN_LENGTH ? 1 : 0;
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const rest = tokenize(folded.slice(m.index)).join(' ');
    const match = matchPrefix(typed, rest, budget);
    if (match) return { start: m.index, length: lengthInValue(folded.slice(m.index), match.length) };
  }
  return undefined;
}

/** Maps a length in the words-joined-by-space form back onto the value (hyphens, double spaces). */
function lengthInValue(valueRest: string, joinedLength: number): number {
  let seen = 0;
  let i = 0;
  let inWord = false;
  for (; i < valueRest.length && seen < joinedLength; i++) {
    const isWord = /[\p{L}\p{N}]/u.test(valueRest[i]!);
    if (isWord) seen++;
    else if (inWord) seen++;
    inWord = isWord;
  }
  return i;
}

function articleSuggestions(input: SuggestInput, filters: CompiledFilters, deps: Deps, limit: number): Suggestion[] {
  if (limit <= 0) return [];
  const terms = input.words.map((word, i) => {
    const isLast = i === input.words.length - 1;
    const prefix = isLast && input.open;
    const typos = word.length >= SUGGEST_TYPO_MIN_LENGTH ? deps.titleVocab.typoCandidates(word, { prefix, maxTypos: 1 }) : [];
    const forms: FtsAlternative[] = [prefix ? { kind: 'prefix', text: word } : { kind: 'word', text: word }];
    for (const t of typos.slice(0, TYPO_CANDIDATES)) forms.push({ kind: 'word', text: t.term });
    return { forms, typos: typos.map((t) => t.term) };
  });
  const expression = allTerms(terms.map((t) => anyOf(t.forms)));
  const docs = deps.fts.titleDocs(expression).filter((d) => filterBits(filters, deps.store, d) === PASS.all);
  const ranked = rankTitles(docs, expression, deps, limit);
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

function rankTitles(docs: Int32Array, expression: string, deps: Deps, limit: number): number[] {
  const newer = (a: number, b: number) => deps.store.published[b]! - deps.store.published[a]! || b - a;
  if (docs.length > TITLE_SCORE_LIMIT) return Array.from(docs).sort(newer).slice(0, limit);
  const scores = deps.fts.titleScores(expression);
  return Array.from(docs)
    .sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || newer(a, b))
    .slice(0, limit);
}

function loadTitles(db: Db, docs: number[]): { id: string; title: string; section: string; published_at: number }[] {
  if (docs.length === 0) return [];
  const rows = db
    .prepare(`SELECT a.doc, a.id, t.title, a.section, a.published_at FROM articles a JOIN article_text t ON t.doc = a.doc
      WHERE a.doc IN (${docs.map(() => '?').join(',')})`)
    .all(...docs) as { doc: number; id: string; title: string; section: string; published_at: number }[];
  const byDoc = new Map(rows.map((r) => [r.doc, r]));
  return docs.flatMap((d) => byDoc.get(d) ?? []);
}
