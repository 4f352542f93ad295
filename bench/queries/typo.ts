import { MAX_TYPO_CANDIDATES } from '../../src/search/engines/sqlite/vocabulary.js';
import { allowedTypos, typoDistance } from '../../src/text/edit-distance.js';
import { pick, randomInt, type Random } from '../lib/random.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * One edit (substitution, deletion or insertion) that keeps the first letter and leaves
 * at least 5 letters, so the public contract allows one typo for what is typed and the
 * intended word stays reachable. Returns undefined when no such edit avoids `vocabulary`.
 * @example makeTypo(random, "sanction", words) -> "sanctoon"
 */
export function makeTypo(random: Random, word: string, vocabulary: ReadonlySet<string>): string | undefined {
  for (let attempt = 0; attempt < 20; attempt++) {
    const at = randomInt(random, 1, word.length - 1);
    const kind = pick(random, ['substitute', 'delete', 'insert'] as const);
    let typed: string;
    if (kind === 'delete') typed = word.slice(0, at) + word.slice(at + 1);
    else if (kind === 'insert') typed = word.slice(0, at) + pick(random, [...LETTERS]) + word.slice(at);
    else typed = word.slice(0, at) + pick(random, [...LETTERS.replace(word[at]!, '')]) + word.slice(at + 1);
    if (typed.length >= 5 && !vocabulary.has(typed)) return typed;
  }
  return undefined;
}

/**
 * The typed word and the vocabulary words it may match under the public contract: what the
 * floor ORs together to count the engine's matches. The contract keeps the 10 closest
 * candidates, most frequent first (MAX_TYPO_CANDIDATES); `vocabulary` must be ordered by
 * document frequency, descending, then term. Computed by brute force, independently of the
 * engine's trie walk.
 */
export function typoCandidates(typed: string, vocabulary: readonly string[]): string[] {
  const budget = allowedTypos(typed.length);
  if (budget === 0) return [typed];
  return [typed, ...closest(vocabulary, (w) => (w === typed ? budget + 1 : typoDistance(typed, w, budget)), budget)];
}

/** Words within `budget` by `distance`, closest first, in vocabulary order within a distance, capped. */
export function closest(vocabulary: readonly string[], distance: (w: string) => number, budget: number): string[] {
  const hits: [string, number][] = [];
  for (const w of vocabulary) {
    const d = distance(w);
    if (d <= budget) hits.push([w, d]);
  }
  return hits
    .sort((a, b) => a[1] - b[1])
    .slice(0, MAX_TYPO_CANDIDATES)
    .map(([w]) => w);
}
