import { KEYWORD_QUERY_TERMS } from './matching-strategy.js';
import { ENGLISH_STOP_WORDS } from './stop-words.js';
import type { ParsedQuery } from './parse-query.js';

/** A typed word of this length or more may be a typo of another (one typo; the first letter kept). */
export const CORRECTION_MIN_LENGTH = 4;
/** Each half of a split word has at least this many letters ("northkorea" -> "north korea"). */
const SPLIT_MIN = 3;

/** What an engine must look up for `toSuggestedQuery`: which words exist, and typo fixes of which. */
export interface CorrectionLookups {
  /** Words whose existence (held by some article) decides: the typed words, their halves, pairs joined. */
  words: string[];
  /** Words that may need a typo fix: the typed words of `CORRECTION_MIN_LENGTH`+ letters. */
  typos: string[];
}

/**
 * Queries of more words than this get no suggestion: a sentence rarely has an article holding
 * every word, and its lookups (each word, its halves, its pairs) would grow with every word.
 */
export const MAX_CORRECTED_TERMS = KEYWORD_QUERY_TERMS;

/** Whether a query is short enough to be corrected. */
export function wantsCorrection(parsed: ParsedQuery): boolean {
  return parsed.terms.length > 0 && parsed.terms.length <= MAX_CORRECTED_TERMS;
}

/** The words that may be corrected: the query's plain words, stop words left out. */
function correctable(parsed: ParsedQuery): string[] {
  if (!wantsCorrection(parsed)) return [];
  return parsed.terms.flatMap((t) => (t.kind === 'word' && !ENGLISH_STOP_WORDS.has(t.text) ? [t.text] : []));
}

/**
 * The lookups a correction of `parsed` needs.
 * @example correctionLookups(parseQuery('newyork fire ')) -> { words: ['newyork', 'fire', 'newy', 'ork', 'new', 'york', 'newyorkfire'], typos: ['newyork', 'fire'] }
 */
export function correctionLookups(parsed: ParsedQuery): CorrectionLookups {
  const words = correctable(parsed);
  const lookups = new Set(words);
  words.forEach((w, i) => {
    for (const [a, b] of splits(w)) lookups.add(a).add(b);
    const next = words[i + 1];
    if (next !== undefined) lookups.add(w + next);
  });
  return { words: [...lookups], typos: words.filter((w) => w.length >= CORRECTION_MIN_LENGTH) };
}

/** One unknown word corrected: joined with the next word, split in two, or its typo fixed. */
function correctWord(
  word: string,
  next: string | undefined,
  known: (word: string) => boolean,
  typoFix: (word: string) => string | undefined,
): { text: string; joined?: boolean } {
  if (next !== undefined && known(word + next)) return { text: word + next, joined: true };
  const fixed = word.length >= CORRECTION_MIN_LENGTH ? typoFix(word) : undefined;
  if (fixed) return { text: fixed };
  const split = splits(word).find(([a, b]) => known(a) && known(b));
  return { text: split ? `${split[0]} ${split[1]}` : word };
}

function splits(word: string): [string, string][] {
  const out: [string, string][] = [];
  for (let k = word.length - SPLIT_MIN; k >= SPLIT_MIN; k--) out.push([word.slice(0, k), word.slice(k)]);
  return out;
}

/**
 * "Did you mean": the query as it would match, when no article holds all its words. Each word
 * no article holds is joined with its neighbour when together they make a known word, else
 * replaced by its most frequent title word within one typo (from `CORRECTION_MIN_LENGTH`
 * letters, first letter kept), else split in two known words of 3+ letters; phrases and
 * exclusions stay as typed.
 * Undefined when nothing changes. The engine checks that the suggestion finds something.
 * @example toSuggestedQuery(parseQuery('cybr attack'), w => w !== 'cybr', w => w === 'cybr' ? 'cyber' : undefined) -> 'cyber attack'
 * @example toSuggestedQuery(parseQuery('north korea missle'), known, fix) -> 'north korea missile'
 */
export function toSuggestedQuery(
  parsed: ParsedQuery,
  known: (word: string) => boolean,
  typoFix: (word: string) => string | undefined,
): string | undefined {
  if (!wantsCorrection(parsed)) return undefined;
  const out: string[] = [];
  let changed = false;
  const terms = parsed.terms;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    if (term.kind === 'phrase') {
      out.push(`"${term.words.join(' ')}"`);
      continue;
    }
    const word = term.text;
    const next = terms[i + 1];
    const fixable = !ENGLISH_STOP_WORDS.has(word);
    if (!fixable || known(word)) {
      // A known word may still be half of a word split by a space ("cyber security" stays, "data base" joins).
      if (fixable && next?.kind === 'word' && !known(next.text) && known(word + next.text)) {
        out.push(word + next.text);
        i++;
        changed = true;
      } else out.push(word);
      continue;
    }
    const corrected = correctWord(word, next?.kind === 'word' ? next.text : undefined, known, typoFix);
    out.push(corrected.text);
    if (corrected.joined) i++;
    changed ||= corrected.text !== word;
  }
  if (!changed) return undefined;
  const excluded = parsed.excluded.map((e) => (e.kind === 'word' ? `-${e.text}` : `-"${e.words.join(' ')}"`));
  return [...out, ...excluded].join(' ');
}
