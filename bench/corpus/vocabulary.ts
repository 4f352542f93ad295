import { mulberry32, pick, randomInt, type Random } from '../lib/random.js';

/** Section names of the synthetic corpus, most frequent first (they are drawn Zipf-skewed). */
export const SYNTHETIC_SECTIONS = [
  'World',
  'Business',
  'Politics',
  'Technology',
  'Science',
  'Health',
  'Sports',
  'Culture',
  'Opinion',
  'Travel',
  'Economy',
  'Environment',
] as const;

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'cr',
  'dr',
  'fr',
  'gr',
  'pr',
  'tr',
  'st',
  'sl',
  'pl',
  'ch',
  'sh',
  'th',
  'qu',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ea', 'ou', 'io', 'y'];
const CODAS = ['', '', '', '', 'n', 'r', 's', 'l', 'm', 't', 'x', 'nd', 'st', 'rk', 'ng'];

/** One pronounceable pseudo-word of `syllables` syllables, e.g. "bralen", "stiouk". */
function makeWord(random: Random, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) {
    // A word may start with a vowel; inner syllables always have an onset, so it stays pronounceable.
    if (i > 0 || random() < 0.8) word += pick(random, ONSETS);
    word += pick(random, VOWELS);
    if (random() < 0.5) word += pick(random, CODAS);
  }
  return word;
}

/** Distinct pseudo-words, none of which is in `taken`. */
function makeDistinctWords(
  random: Random,
  count: number,
  taken: ReadonlySet<string>,
  syllables: () => number,
): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const word = makeWord(random, syllables());
    if (word.length >= 2 && !taken.has(word)) words.add(word);
  }
  return [...words];
}

/** Everything the generator draws from, in rank order where frequency matters. */
export interface Vocabulary {
  /** Words by frequency rank: index 0 is rank 1. */
  words: string[];
  /** Tag labels by frequency rank (distinct from words, so text queries never hit them). */
  tags: string[];
  /** Author names "Firstname Lastname". */
  authors: string[];
  sections: string[];
}

/**
 * Builds the vocabulary deterministically from a seed. Shorter words get the frequent
 * ranks (with noise), as in natural language and in the research corpus.
 */
export function buildVocabulary(seed: number, sizes = { words: 50_000, tags: 2_000, authors: 300 }): Vocabulary {
  const random = mulberry32(seed ^ 0x5eed);
  const raw = makeDistinctWords(random, sizes.words, new Set(), () => randomInt(random, 1, 4));
  const keyed = raw.map((word) => ({ word, key: word.length + random() * 4 }));
  keyed.sort((a, b) => a.key - b.key || (a.word < b.word ? -1 : 1));
  const words = keyed.map((k) => k.word);
  const taken = new Set(words);
  const tags = makeDistinctWords(random, sizes.tags, taken, () => randomInt(random, 2, 3));
  tags.forEach((t) => taken.add(t));
  const names = makeDistinctWords(random, sizes.authors * 2, taken, () => randomInt(random, 2, 3));
  const authors = Array.from(
    { length: sizes.authors },
    (_, i) => `${capitalize(names[2 * i]!)} ${capitalize(names[2 * i + 1]!)}`,
  );
  return { words, tags, authors, sections: [...SYNTHETIC_SECTIONS] };
}

/** "north" -> "North". */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
