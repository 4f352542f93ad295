import { compareByCount, compareText } from '../../count-order.js';
import { allowedTypos } from '../../../text/edit-distance.js';
import { fuzzyScan } from '../../../text/fuzzy-scan.js';
import { topK } from './top-k.js';

/**
 * Typo candidates kept per word, the most frequent first. Meilisearch caps them at 150 (one
 * typo) and 50 (two); each candidate is one more posting list FTS5 merges, and measured at 100k
 * articles 50 candidates cost 2-3x the time of 10 on every query with a typo-able word.
 */
export const MAX_TYPO_CANDIDATES = 10;
/** Typed words whose candidates are remembered (oldest forgotten first). */
const TYPO_CACHE_SIZE = 10_000;

/** A vocabulary word close to what was typed. */
export interface Candidate {
  term: string;
  typos: number;
  docs: number;
}

/**
 * Every indexed word with its document frequency, sorted, for typo candidates, prefix
 * completion and stem groups. Built from the `vocab` table the indexer writes.
 */
export class Vocabulary {
  readonly #terms: string[];
  readonly #docs: Int32Array;
  readonly #index = new Map<string, number>();
  #firstLetters: string[] | undefined;
  readonly #typoCache = new Map<string, Candidate[]>();
  readonly #completionCache = new Map<string, Candidate[]>();

  constructor(rows: { term: string; docs: number }[]) {
    rows.sort((a, b) => compareText(a.term, b.term));
    this.#terms = rows.map((r) => r.term);
    this.#docs = Int32Array.from(rows, (r) => r.docs);
    this.#terms.forEach((t, i) => this.#index.set(t, i));
  }

  get size(): number {
    return this.#terms.length;
  }

  /** Documents holding the word, 0 when unknown. */
  docs(term: string): number {
    const i = this.#index.get(term);
    return i === undefined ? 0 : this.#docs[i]!;
  }

  /** Index range [lo, hi) of the words starting with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    const lo = lowerBound(this.#terms, prefix);
    const hi = lowerBound(this.#terms, `${prefix}\uffff`);
    return [lo, hi];
  }

  /** The most frequent words starting with `prefix`. */
  completions(prefix: string, limit: number): Candidate[] {
    // Short prefixes span thousands of words and come with every keystroke: remembered.
    const key = `${limit}:${prefix}`;
    const cached = this.#completionCache.get(key);
    if (cached) return cached;
    const [lo, hi] = this.prefixRange(prefix);
    const best = topK(
      Int32Array.from({ length: hi - lo }, (_, k) => lo + k),
      limit,
      (a, b) => compareByCount(this.#docs[a]!, this.#terms[a]!, this.#docs[b]!, this.#terms[b]!),
    );
    const out = best.map((i) => ({ term: this.#terms[i]!, typos: 0, docs: this.#docs[i]! }));
    if (this.#completionCache.size >= TYPO_CACHE_SIZE)
      this.#completionCache.delete(this.#completionCache.keys().next().value!);
    this.#completionCache.set(key, out);
    return out;
  }

  /**
   * Words within the typo budget of `word` (Meilisearch rules), most frequent first, the word
   * itself excluded. With `prefix`, a word matches when one of its prefixes is within budget.
   */
  typoCandidates(word: string, options: { prefix?: boolean; maxTypos?: number } = {}): Candidate[] {
    const max = options.maxTypos ?? allowedTypos(word.length);
    if (max === 0) return [];
    // Readers type the same words again and again; the vocabulary is rebuilt (and this cache
    // dropped with it) only when an indexing run finishes.
    const key = `${options.prefix ? 'p' : 'w'}${max}:${word}`;
    const cached = this.#typoCache.get(key);
    if (cached) return cached;
    const candidates = this.#typoCandidates(word, max, options.prefix === true);
    if (this.#typoCache.size >= TYPO_CACHE_SIZE) this.#typoCache.delete(this.#typoCache.keys().next().value!);
    this.#typoCache.set(key, candidates);
    return candidates;
  }

  #typoCandidates(word: string, max: number, prefix: boolean): Candidate[] {
    const options = { prefix };
    const found = new Map<string, Candidate>();
    // A typo on the first letter costs 2, so most candidates share the first letter...
    const [lo, hi] = this.prefixRange(word[0]!);
    for (const hit of fuzzyScan(this.#terms, word, max, { prefix: options.prefix === true, lo, hi })) {
      const term = this.#terms[hit.index]!;
      if (term === word || (options.prefix && term.startsWith(word))) continue;
      found.set(term, { term, typos: hit.distance, docs: this.#docs[hit.index]! });
    }
    // ...and with a budget of 2, the first letter alone may differ (looked up, not scanned).
    if (max >= 2 && !options.prefix) {
      for (const term of this.#firstLetterVariants(word)) {
        const i = this.#index.get(term);
        if (i !== undefined && term !== word && !found.has(term))
          found.set(term, { term, typos: 2, docs: this.#docs[i]! });
      }
    }
    return byDocsDesc([...found.values()]).slice(0, MAX_TYPO_CANDIDATES);
  }

  /** Words that differ from `word` only at the first letter: replaced, added, dropped, swapped. */
  #firstLetterVariants(word: string): string[] {
    this.#firstLetters ??= [...new Set(this.#terms.map((t) => t[0]!))];
    const rest = word.slice(1);
    const out = [rest, `${word[1] ?? ''}${word[0]!}${word.slice(2)}`];
    for (const c of this.#firstLetters) out.push(c + rest, c + word);
    return out;
  }
}

function byDocsDesc(c: Candidate[]): Candidate[] {
  return c.sort((a, b) => a.typos - b.typos || compareByCount(a.docs, a.term, b.docs, b.term));
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
