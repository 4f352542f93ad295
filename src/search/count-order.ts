/**
 * The one order of counted values on every engine: facet values, facet-value hits, query
 * completions, sections and tags in autocomplete, vocabulary completions.
 */

/**
 * Code-unit order: the same on every engine, locale and Node version (`localeCompare` is none
 * of these).
 * @example ['b', 'B', 'a'].sort(compareText) -> ['B', 'a', 'b']
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Count (or score) desc, then text asc (`compareText`), for values kept apart from their counts.
 * @example compareByCount(3, 'b', 5, 'a') > 0; compareByCount(3, 'a', 3, 'b') < 0
 */
export function compareByCount(countA: number, textA: string, countB: number, textB: string): number {
  return countB - countA || compareText(textA, textB);
}

/** `compareByCount` on `{ value, count }` items (facet values, facet-value hits). */
export function byCountThenValue(a: { value: string; count: number }, b: { value: string; count: number }): number {
  return compareByCount(a.count, a.value, b.count, b.value);
}

/** `compareByCount` on `{ text, count }` items (suggestions). */
export function byCountThenText(a: { text: string; count: number }, b: { text: string; count: number }): number {
  return compareByCount(a.count, a.text, b.count, b.text);
}
