import type { CorpusStats } from '../corpus/corpus-stats.js';
import { mulberry32, pick, randomInt, type Random } from '../lib/random.js';
import { makeTypo } from './typo.js';

/** The query types of the mix, in table order (q1..q8 of the research note). */
export const QUERY_TYPES = [
  'common',
  'rare',
  'two-words',
  'prefix',
  'filtered',
  'facets-large',
  'browse',
  'typo',
] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

/** What each type is, for the table's legend. */
export const QUERY_TYPE_LEGEND: Record<QueryType, string> = {
  common: 'one common word (rank 1-200)',
  rare: 'one rare word (rank 10k-40k)',
  'two-words': 'two words (ranks 50-3000)',
  prefix: 'word + 3-letter prefix, no trailing space (as you type)',
  filtered: 'two words (ranks 20-500) + section + date range (10-30% of the span)',
  'facets-large': `one word in >= 35% of articles + facets=${'section,tags,authors,date'}`,
  browse: 'no q, section + date range (10-40%) + all four facets',
  typo: 'one >= 5-letter word (rank 50-3000) with one edit after its first letter',
};

/** Types without facets send `facets=` (none), so they compare with the floor and the peers. */
const NO_FACETS = '';
const ALL_FACETS = 'section,tags,authors,date';
const MIN_LARGE_SHARE = 0.35;

/** One query of the mix: the exact URL parameters, shared by HTTP, in-process, floor and peers. */
export interface BenchQuery {
  type: QueryType;
  params: Record<string, string>;
  /** For `typo`: the word the reader meant. */
  intended?: string;
}

/**
 * Draws `perType` measured queries per type (plus `warmup` more) deterministically from the
 * corpus's words by frequency rank. Complete words are sent with a trailing space, which
 * the public contract needs for an exact (non-prefix) last word.
 */
export function buildQueryMix(stats: CorpusStats, options: { seed: number; perType: number; warmup: number }) {
  const random = mulberry32(options.seed ^ 0x9e37);
  const words = stats.words.map(([w]) => w);
  const vocabulary = new Set(words);
  const byRank = (from: number, to: number, accept: (w: string, df: number) => boolean = () => true) =>
    rankRange(stats, from, to, accept);
  const common = byRank(1, 200);
  const rare = byRank(10_000, 40_000, (_w, df) => df > 0);
  const mid = byRank(50, 3_000);
  const midLong = byRank(50, 3_000, (w) => w.length >= 5);
  const filterWords = byRank(20, 500);
  const large = stats.words.filter(([w, df]) => isWord(w) && df / stats.n >= MIN_LARGE_SHARE).map(([w]) => w);
  const sections = stats.sections.slice(0, 8).map((s) => s.value);
  const draw: Record<QueryType, () => BenchQuery> = {
    common: () => text('common', `${pick(random, common)} `),
    rare: () => text('rare', `${pick(random, rare)} `),
    'two-words': () => text('two-words', `${distinctPair(random, mid).join(' ')} `),
    prefix: () => {
      const [a, b] = distinctPair(
        random,
        mid.filter((w) => w.length >= 4),
      );
      return text('prefix', `${a} ${b.slice(0, 3)}`);
    },
    filtered: () => ({
      type: 'filtered',
      params: {
        q: `${distinctPair(random, filterWords).join(' ')} `,
        section: pick(random, sections),
        ...dateRange(random, stats, 0.1, 0.3),
        facets: NO_FACETS,
      },
    }),
    'facets-large': () => ({
      type: 'facets-large',
      params: { q: `${pick(random, large.length > 0 ? large : common.slice(0, 5))} `, facets: ALL_FACETS },
    }),
    browse: () => ({
      type: 'browse',
      params: { section: pick(random, sections), ...dateRange(random, stats, 0.1, 0.4), facets: ALL_FACETS },
    }),
    typo: () => {
      for (;;) {
        const intended = pick(random, midLong);
        const typed = makeTypo(random, intended, vocabulary);
        if (typed) return { ...text('typo', `${typed} `), intended };
      }
    },
  };
  const warmup = QUERY_TYPES.flatMap((type) => Array.from({ length: options.warmup }, draw[type]));
  const measured = shuffle(
    random,
    QUERY_TYPES.flatMap((type) => Array.from({ length: options.perType }, draw[type])),
  );
  return { warmup, measured };
}

function text(type: QueryType, q: string): BenchQuery {
  return { type, params: { q, facets: NO_FACETS } };
}

/** Alphabetic words with 1-based frequency ranks in [from, to]; the range narrows to what exists. */
export function rankRange(
  stats: CorpusStats,
  from: number,
  to: number,
  accept: (w: string, df: number) => boolean,
): string[] {
  const slice = stats.words.slice(from - 1, to).filter(([w, df]) => isWord(w) && accept(w, df));
  if (slice.length > 0) return slice.map(([w]) => w);
  // A small corpus (quick mode, Reuters) may have no such rank: use the rarest words it has.
  const present = stats.words.filter(([w, df]) => isWord(w) && df > 0 && accept(w, df));
  if (present.length === 0) throw new Error(`no word in ranks ${from}-${to} of ${stats.corpus}`);
  return present.slice(-Math.max(1, Math.min(present.length, to - from + 1))).map(([w]) => w);
}

/** Query terms must be plain words (Reuters' vocabulary also has numbers and codes). */
function isWord(word: string): boolean {
  return /^[a-z]{2,}$/.test(word);
}

function distinctPair(random: Random, words: readonly string[]): [string, string] {
  const a = pick(random, words);
  let b = pick(random, words);
  for (let i = 0; b === a && i < 10; i++) b = pick(random, words);
  return [a, b];
}

/** A `from`/`to` pair covering `minShare`..`maxShare` of the corpus's date span. */
function dateRange(random: Random, stats: CorpusStats, minShare: number, maxShare: number) {
  const lo = Date.parse(stats.minDate);
  const span = Date.parse(stats.maxDate) - lo;
  const length = span * (minShare + random() * (maxShare - minShare));
  const start = lo + random() * (span - length);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(start), to: day(start + length) };
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(random, 0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** `?q=...&facets=...` as the HTTP probe sends it. */
export function toSearchPath(params: Record<string, string>, route = '/api/search'): string {
  return `${route}?${new URLSearchParams(params).toString()}`;
}
