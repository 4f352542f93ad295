import { typoDistance } from './edit-distance.js';

/**
 * How `typed` matches the start of `text`: the typos used and how many characters of
 * `text` it covers, or undefined when it needs more than `maxTypos`. Exact prefixes win.
 * @example matchPrefix("semocon", "semiconductor", 1) -> { typos: 1, length: 7 }
 */
export function matchPrefix(
  typed: string,
  text: string,
  maxTypos: number,
): { typos: number; length: number } | undefined {
  if (text.startsWith(typed)) return { typos: 0, length: typed.length };
  let best: { typos: number; length: number } | undefined;
  for (let len = Math.max(1, typed.length - maxTypos); len <= Math.min(text.length, typed.length + maxTypos); len++) {
    const typos = typoDistance(typed, text.slice(0, len), maxTypos);
    if (typos <= maxTypos && (!best || typos < best.typos)) best = { typos, length: len };
  }
  return best;
}
