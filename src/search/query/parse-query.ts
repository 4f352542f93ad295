import { tokenize } from '../../text/normalize.js';
import { ENGLISH_STOP_WORDS } from './stop-words.js';
import { exclusionForms } from './word-forms.js';

/** Meilisearch considers only the first 10 words of a query; so do we for matching. */
export const MAX_QUERY_TERMS = 10;
/** Words after the first 10 still help rank partial matches of long queries. */
export const MAX_EXTRA_TERMS = 22;

/**
 * A term the results must hold: one word (maybe a prefix) or a phrase, which counts as one word.
 * `synonyms` (src/search/query/synonyms.ts) are word lists that stand for it too.
 */
export type QueryTerm =
  | { kind: 'word'; text: string; prefix: boolean; synonyms?: string[][] }
  | { kind: 'phrase'; words: string[]; synonyms?: string[][] };

/**
 * A term the results must not hold (`-word`, `-"a phrase"`). A word is excluded in every form
 * that shares its English stem (`forms`, the word first), as strong as a match of it.
 */
export type ExcludedTerm = { kind: 'word'; text: string; forms: string[] } | { kind: 'phrase'; words: string[] };

/** The search text, parsed: folded words in query order. */
export interface ParsedQuery {
  terms: QueryTerm[];
  excluded: ExcludedTerm[];
  /** Words past the first 10: they never decide what matches, only how partial matches rank. */
  extra: string[];
}

interface Chunk {
  text: string;
  quoted: boolean;
  negated: boolean;
}

/**
 * Parses the public query language: words, `"a phrase"`, `-word` and `-"a phrase"`.
 * The last word is a prefix while typing (no trailing space). Case and accents are folded.
 * Stop words ("the", "of") are dropped unless the query holds nothing else, or one is the
 * word being typed (it may become "theory"); phrases keep theirs.
 * @example parseQuery('Cyber secur') -> terms [cyber, secur*]
 * @example parseQuery('"north korea" -sanctions ') -> terms ["north korea"], excluded [sanctions]
 */
export function parseQuery(q: string): ParsedQuery {
  const candidates: QueryTerm[] = [];
  const excluded: ExcludedTerm[] = [];
  const seen = new Set<string>();
  const repeated: string[] = [];
  // Only a word still being typed is a prefix: "age." or "age " is finished.
  const endsOpen = /[\p{L}\p{N}]$/u.test(q);
  const chunks = splitChunks(q);
  for (const chunk of chunks) {
    const words = tokenize(chunk.text);
    if (words.length === 0) continue;
    if (chunk.negated) {
      if (excluded.length < MAX_QUERY_TERMS) {
        // "-cyber-security" excludes the phrase "cyber security", as its quoted form would.
        excluded.push(
          words.length > 1
            ? { kind: 'phrase', words }
            : { kind: 'word', text: words[0]!, forms: exclusionForms(words[0]!) },
        );
      }
      continue;
    }
    const open = chunk === chunks.at(-1) && endsOpen;
    if (chunk.quoted && words.length > 1) addTerm(candidates, seen, { kind: 'phrase', words });
    else if (!chunk.quoted && isLetterCompound(chunk.text, words, open))
      addTerm(candidates, seen, { kind: 'phrase', words, synonyms: [[words.join('')]] });
    else
      for (const text of words)
        if (!addTerm(candidates, seen, { kind: 'word', text, prefix: false })) repeated.push(text);
  }

  const last = candidates.at(-1);
  const lastChunk = chunks.at(-1);
  if (last?.kind === 'word' && endsOpen && lastChunk && !lastChunk.quoted && !lastChunk.negated) last.prefix = true;

  const meaningful = candidates.filter((t) => t.kind === 'phrase' || t.prefix || !ENGLISH_STOP_WORDS.has(t.text));
  const kept = meaningful.length > 0 ? meaningful : candidates;
  // A word said twice weighs twice in partial ranking (query term frequency).
  const extraWords = kept.slice(MAX_QUERY_TERMS).flatMap((t) => (t.kind === 'word' ? [t.text] : t.words));
  const repeats = [...new Set(repeated)].filter((w) => !ENGLISH_STOP_WORDS.has(w));
  const extra = [...extraWords, ...repeats].slice(0, MAX_EXTRA_TERMS);
  return { terms: kept.slice(0, MAX_QUERY_TERMS), excluded, extra };
}

const DOTTED_ACRONYM = /^(?:\p{L}\.)+\p{L}\.?$/u;

/**
 * Whether a typed chunk is one word written in parts, of which some are single letters: a dotted
 * acronym ("U.S.", "U.S") or a compound such as "e-sports" or "x-ray". Such a chunk is searched
 * as the phrase of its parts or the parts joined ("u s" or "us", "e sports" or "esports"), so a
 * lone letter never stands as a word of its own ("é" in a Portuguese story is not "e-sports").
 * @example isLetterCompound('U.S.', ['u', 's']) -> true
 * @example isLetterCompound('cyber-security', ['cyber', 'security']) -> false
 */
export function isLetterCompound(text: string, words: readonly string[], open = false): boolean {
  if (words.length < 2) return false;
  const trimmed = text.replace(/[,;:!?)]+$/u, '');
  if (DOTTED_ACRONYM.test(trimmed)) return true;
  // A compound still being typed ("e-spo") may become anything: its last part stays a prefix.
  return !open && /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u.test(trimmed) && words.some((w) => w.length === 1);
}

/** Adds a term unless already there; says whether it was new. */
function addTerm(terms: QueryTerm[], seen: Set<string>, term: QueryTerm): boolean {
  const key = term.kind === 'word' ? term.text : `"${term.words.join(' ')}"`;
  if (seen.has(key)) return false;
  seen.add(key);
  terms.push(term);
  return true;
}

/** Splits raw text into quoted and unquoted runs, noting a leading `-` on each. */
function splitChunks(q: string): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    const negated = ch === '-' && i + 1 < q.length && !/\s/u.test(q[i + 1]!);
    const start = negated ? i + 1 : i;
    if (q[start] === '"') {
      const close = q.indexOf('"', start + 1);
      const end = close === -1 ? q.length : close;
      chunks.push({ text: q.slice(start + 1, end), quoted: true, negated });
      i = end + 1;
    } else {
      let end = start;
      while (end < q.length && !/\s/u.test(q[end]!) && q[end] !== '"') end++;
      chunks.push({ text: q.slice(start, end), quoted: false, negated });
      i = end;
    }
  }
  return chunks;
}
