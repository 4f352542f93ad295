import { namesIn } from '../../../src/search/related/names.js';
import { ENGLISH_STOP_WORDS } from '../../../src/search/query/stop-words.js';
import { tokenize } from '../../../src/text/normalize.js';
import { mulberry32, randomInt, type Random } from '../../lib/random.js';

/** How a reader types a query for an article they remember (see bench/relevance/README.md). */
export const KNOWN_ITEM_KINDS = ['words', 'prefix', 'typo', 'body', 'name', 'author'] as const;
export type KnownItemKind = (typeof KNOWN_ITEM_KINDS)[number];

/** One query and the one article it looks for. */
export interface KnownItemQuery {
  kind: KnownItemKind;
  q: string;
  target: string;
}

/** What the generator reads of an article. */
export interface KnownItemDoc {
  id: string;
  title: string;
  body: string;
  authors: readonly string[];
}

/** Words a reader would remember: not stop words, not bare numbers, at least 3 letters. */
function memorable(words: readonly string[]): string[] {
  return words.filter((w) => w.length >= 3 && !ENGLISH_STOP_WORDS.has(w) && !/^\d+$/.test(w));
}

/**
 * Up to three consecutive memorable title words from a random start, lower-cased as readers
 * type; undefined when the title has fewer than two.
 * @example titleWords('North Korea fires hypersonic missile', () => 0) -> ['north', 'korea', 'fires']
 */
export function titleWords(title: string, random: Random): string[] | undefined {
  const words = memorable(tokenize(title));
  if (words.length < 2) return undefined;
  const take = Math.min(3, words.length);
  const start = randomInt(random, 0, words.length - take);
  return words.slice(start, start + take);
}

/**
 * One typo a reader makes, never on the first letter (that costs 2 on both engines): a letter
 * dropped, doubled, swapped with the next, or replaced by its keyboard neighbour's.
 * @example withTypo('missile', () => 0) -> 'mssile' (the second letter dropped)
 */
export function withTypo(word: string, random: Random): string {
  // Swapping two equal letters ("ss") changes nothing: try again (a replacement always changes).
  for (let attempt = 0; attempt < 5; attempt++) {
    const typo = oneTypo(word, random, attempt === 4);
    if (typo !== word) return typo;
  }
  return word;
}

function oneTypo(word: string, random: Random, replace: boolean): string {
  const at = randomInt(random, 1, word.length - 2);
  const kind = replace ? 3 : randomInt(random, 0, 3);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word[at]! + word.slice(at);
  if (kind === 2) return word.slice(0, at) + word[at + 1]! + word[at]! + word.slice(at + 2);
  const next = String.fromCharCode(((word.charCodeAt(at) - 97 + 1) % 26) + 97);
  return word.slice(0, at) + (/[a-z]/.test(word[at]!) ? next : 'x') + word.slice(at + 1);
}

/**
 * The known-item queries for one article, each kind at most once:
 * - words: up to three consecutive title words, as typed (the last one ends the text);
 * - prefix: the same with the last word cut to 3-5 letters, as while typing;
 * - typo: the same with one typo in its longest word of 5+ letters;
 * - body: the three rarest memorable words of a random body sentence, in sentence order;
 * - name: a two-word name from the body held by at most `maxNameDocs` articles;
 * - author: an author's last name and one title word.
 */
export function knownItemQueries(
  doc: KnownItemDoc,
  random: Random,
  df: (word: string) => number,
  nameDocs: (name: string) => number,
  maxNameDocs = 3,
): KnownItemQuery[] {
  const out: KnownItemQuery[] = [];
  const add = (kind: KnownItemKind, words: readonly string[]) => out.push({ kind, q: words.join(' '), target: doc.id });
  const words = titleWords(doc.title, random);
  if (words) {
    add('words', words);
    const last = words.at(-1)!;
    if (last.length >= 5)
      add('prefix', [...words.slice(0, -1), last.slice(0, randomInt(random, 3, Math.min(5, last.length - 1)))]);
    const longest = [...words].sort((a, b) => b.length - a.length)[0]!;
    if (longest.length >= 5 && /^[a-z]+$/.test(longest))
      add(
        'typo',
        words.map((w) => (w === longest ? withTypo(w, random) : w)),
      );
  }
  const sentences = doc.body.split(/(?<=[.!?])\s+/).filter((s) => memorable(tokenize(s)).length >= 3);
  if (sentences.length > 0) {
    const sentence = memorable(tokenize(sentences[randomInt(random, 0, sentences.length - 1)]!));
    const rarest = new Set([...new Set(sentence)].sort((a, b) => df(a) - df(b)).slice(0, 3));
    add('body', [...new Set(sentence.filter((w) => rarest.has(w)))]);
  }
  const names = [...namesIn(doc.body, new Set(), 64)].filter((n) => nameDocs(n) <= maxNameDocs);
  if (names.length > 0) add('name', [names[randomInt(random, 0, names.length - 1)]!]);
  const author = doc.authors[0];
  const lastName = author ? memorable(tokenize(author)).at(-1) : undefined;
  const topic = memorable(tokenize(doc.title));
  if (lastName && topic.length > 0) add('author', [lastName, topic[randomInt(random, 0, topic.length - 1)]!]);
  return out;
}

/**
 * Queries for a sample of `docs` (all when `sample` is larger), drawn with `mulberry32(seed)`.
 * Document frequencies and name counts come from the whole corpus.
 */
export function buildKnownItemQueries(docs: readonly KnownItemDoc[], sample: number, seed: number): KnownItemQuery[] {
  const df = new Map<string, number>();
  const texts = docs.map((d) => `${d.title}\n${d.body}`);
  for (const text of texts) for (const w of new Set(tokenize(text))) df.set(w, (df.get(w) ?? 0) + 1);
  const names = new Map<string, number>();
  for (const d of docs) for (const n of namesIn(d.body, new Set(), 64)) names.set(n, (names.get(n) ?? 0) + 1);
  const random = mulberry32(seed);
  const order = docs.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = randomInt(random, 0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, sample).flatMap((i) =>
    knownItemQueries(
      docs[i]!,
      random,
      (w) => df.get(w) ?? 0,
      (n) => names.get(n) ?? 0,
    ),
  );
}
