import type { ColumnStore } from './column-store.js';
import { anyOf, inColumns, someTerms, type FtsAlternative } from './fts-query.js';
import type { FtsReader } from './fts-reader.js';
import type { QueryPlan } from './query-plan.js';
import { keep } from './id-list.js';
import { topK } from './top-k.js';

/**
 * Above these many matches, BM25 gives way to recency: FTS5's bm25() scores every match
 * (measured: about 3 µs each at 100k articles, 15x the cost of finding them), and among
 * articles that all hold every word a news reader is well served by the newest, as
 * Meilisearch, which has no BM25, orders its ties. Partial matches (long, natural-language
 * queries) keep BM25 further: it is what ranks them (docs/ranking.md).
 */
export const BM25_LIMITS = { allWords: 1_500, partial: 5_000 } as const;

/** What ranking needs to know about a search. */
export interface RankRequest {
  plan: QueryPlan;
  /** Matches that pass the filters, ascending. */
  docs: Int32Array;
  /** Set when partial matches are included: per doc, 0 for every word, then levels that rank in order (ResolvedMatches.levels). */
  levels?: Uint8Array;
  /** Matches before filtering; bounds the cost of scoring partial matches. */
  unfilteredMatches: number;
  /**
   * Of those, the ones holding every word; bounds the cost of scoring them. Counted apart:
   * a few articles holding every word keep BM25 however many hold only some of the words.
   */
  unfilteredFullMatches: number;
  /** How many ranked docs are needed (offset + page size). */
  windowEnd: number;
}

/**
 * The ranking rules, in order (docs/ranking.md):
 * 1. words: docs holding every query word first; partial matches after them, level by level
 *    (the matching strategy's), within a level by BM25 over the words they hold (stems count
 *    as the word; rare words weigh more);
 * 2. typo: exact forms before typo-corrected ones;
 * 3. attribute: a query word in the title, then in the summary, then only in the body;
 * 4. BM25 within the bucket; in the title bucket, the summed rarity of the words the title
 *    holds, then the shorter title;
 * 5. newest first.
 * Buckets are built lazily and only as far as the page needs.
 */
export class Ranker {
  constructor(
    readonly fts: FtsReader,
    readonly store: ColumnStore,
  ) {}

  rank(request: RankRequest): Int32Array {
    const { docs, levels, windowEnd } = request;
    const full = levels ? keep(docs, (d) => levels[d] === 0) : docs;
    const ranked = Array.from(this.#rankAllWords(request, full));
    if (!levels) return Int32Array.from(ranked.slice(0, windowEnd));
    let top = 0;
    for (const d of docs) top = Math.max(top, levels[d]!);
    // Scored once for every level: one FTS5 pass over the words of the query.
    const bm25 = lazy(() =>
      this.#bm25(request.unfilteredMatches, someTerms(request.plan.partial.map(anyOf)), BM25_LIMITS.partial),
    );
    for (let level = 1; level <= top && ranked.length < windowEnd; level++) {
      const bucket = keep(docs, (d) => levels[d] === level);
      for (const d of this.#rankPartial(bucket, windowEnd - ranked.length, bm25)) ranked.push(d);
    }
    return Int32Array.from(ranked.slice(0, windowEnd));
  }

  /** Rules 2-5 over docs that hold every word. */
  #rankAllWords(request: RankRequest, docs: Int32Array): Int32Array {
    if (docs.length === 0) return docs;
    const { plan, windowEnd } = request;
    const hasTypos = plan.terms.some((t) => t.typos.length > 0);
    const exact = hasTypos ? this.#bitmap(this.fts.docs(someAll(plan, 'exact'))) : undefined;
    const anyForm = someTerms(plan.terms.map((t) => anyOf([...t.exact, ...t.typos])));
    const titleScores = this.#titleScores(plan);
    // Computed only when the page reaches past the title buckets.
    const summary = lazy(() => this.#bitmap(this.fts.docs(inColumns(['summary'], anyForm))));
    const score = lazy(() =>
      this.#bm25(request.unfilteredFullMatches, allTermsExpression(plan, ['exact', 'typos']), BM25_LIMITS.allWords),
    );
    const out: number[] = [];
    for (const typoBucket of hasTypos ? [false, true] : [false]) {
      const bucket = exact ? keep(docs, (d) => (exact[d] !== 1) === typoBucket) : docs;
      this.#appendSorted(
        out,
        keep(bucket, (d) => titleScores[d]! > 0),
        (d) => titleScores[d]!,
        windowEnd,
        this.#shorterTitle,
      );
      if (out.length >= windowEnd) break;
      const rest = keep(bucket, (d) => !(titleScores[d]! > 0));
      this.#appendSorted(
        out,
        keep(rest, (d) => summary()[d] === 1),
        score(),
        windowEnd,
      );
      this.#appendSorted(
        out,
        keep(rest, (d) => summary()[d] !== 1),
        score(),
        windowEnd,
      );
      if (out.length >= windowEnd) break;
    }
    return Int32Array.from(out);
  }

  /** Rule 1 for partial matches: BM25 over the words held (rarer and more often held first), then newest. */
  #rankPartial(docs: Int32Array, needed: number, score: () => ((d: number) => number) | undefined): Int32Array {
    if (docs.length === 0 || needed <= 0) return new Int32Array(0);
    const bm25 = score();
    const sorted = bm25
      ? topK(docs, needed, (a, b) => bm25(b) - bm25(a) || this.#newer(a, b))
      : this.#newest(docs, needed);
    return Int32Array.from(sorted);
  }

  /** BM25 scores when the `matches` FTS5 must score are affordable, else undefined (recency decides). */
  #bm25(matches: number, expression: string, limit: number): ((d: number) => number) | undefined {
    if (matches > limit) return undefined;
    const scores = this.fts.scores(expression);
    return (d) => scores.get(d) ?? 0;
  }

  /**
   * Title-bucket scores without scoring every title match in SQL: the summed idf (over titles)
   * of the query words a title holds; ties go to the shorter title, as BM25 would.
   */
  #titleScores(plan: QueryPlan): Float64Array {
    // Indexed by doc, 0 = the title holds no query word: a title match can be half the corpus,
    // and typed-array reads keep the bucket filters cheap where a Map took 50 ms at 1M articles.
    const scores = new Float64Array(this.store.capacity);
    const n = Math.max(this.store.count, 1);
    for (const term of plan.terms) {
      const docs = this.fts.titleDocs(anyOf([...term.exact, ...term.typos]));
      // Every title holding the word scores above 0, even a word in every title (idf floor).
      const idf = Math.max(Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5)), 1e-6);
      for (const d of docs) if (d < scores.length) scores[d]! += idf;
    }
    return scores;
  }

  readonly #shorterTitle = (a: number, b: number) => this.store.titleWords[a]! - this.store.titleWords[b]!;

  /** Appends docs by score desc (then `tie`, then newest), only as many as the window still needs. */
  #appendSorted(
    out: number[],
    docs: Int32Array,
    score: ((d: number) => number) | undefined,
    windowEnd: number,
    tie: (a: number, b: number) => number = () => 0,
  ): void {
    const room = windowEnd - out.length;
    if (room <= 0 || docs.length === 0) return;
    const sorted = score
      ? topK(docs, room, (a, b) => score(b) - score(a) || tie(a, b) || this.#newer(a, b))
      : this.#newest(docs, room);
    for (let i = 0; i < sorted.length && i < room; i++) out.push(sorted[i]!);
  }

  /** The `limit` newest of `docs`, without sorting them all. */
  #newest(docs: Int32Array, limit: number): number[] {
    return Array.from(this.store.pickByDate(docs, limit));
  }

  #newer(a: number, b: number): number {
    return this.store.published[b]! - this.store.published[a]! || b - a;
  }

  #bitmap(docs: Int32Array): Uint8Array {
    const bits = new Uint8Array(this.store.capacity);
    for (const d of docs) if (d < bits.length) bits[d] = 1;
    return bits;
  }
}

function lazy<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

/** Every term required, each in the given forms. */
export function allTermsExpression(plan: QueryPlan, forms: ('exact' | 'typos')[]): string {
  const terms = plan.terms.map((t) => anyOf(forms.flatMap((f): FtsAlternative[] => t[f])));
  return terms.map((t) => (t.startsWith('(') ? t : `(${t})`)).join(' AND ');
}

function someAll(plan: QueryPlan, form: 'exact'): string {
  return allTermsExpression(plan, [form]);
}
