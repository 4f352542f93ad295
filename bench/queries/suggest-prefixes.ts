import { tokenize } from '../../src/text/normalize.js';

/**
 * What a reader types, keystroke by keystroke, for the first `words` words of each title,
 * until `count` prefixes are collected. A keystroke that ends in a space sends nothing new
 * to a debounced box, so it is skipped.
 * @example keystrokePrefixes(["North Korea fires"], 10, 2) -> ["n","no","nor","nort","north","north k","north ko",...]
 */
export function keystrokePrefixes(titles: readonly string[], count: number, words = 2): string[] {
  const prefixes: string[] = [];
  for (const title of titles) {
    const typed = tokenize(title).slice(0, words).join(' ');
    for (let end = 1; end <= typed.length && prefixes.length < count; end++) {
      if (typed[end - 1] !== ' ') prefixes.push(typed.slice(0, end));
    }
    if (prefixes.length >= count) break;
  }
  return prefixes;
}
