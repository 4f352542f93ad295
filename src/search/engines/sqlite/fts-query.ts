/**
 * Builds FTS5 query strings from our own parsed terms. User text never reaches FTS5 as
 * syntax: every token is wrapped in a double-quoted FTS5 string (quotes doubled), and the
 * only operators are the ones written here.
 */

/** One way a query term can be found in the index. */
export type FtsAlternative =
  { kind: 'word'; text: string } | { kind: 'prefix'; text: string } | { kind: 'phrase'; words: string[] };

/** An FTS5 string literal. @example ftsString('say "hi"') -> '"say ""hi"""' */
export function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** One alternative as FTS5 syntax. @example toFtsAlternative({ kind: 'prefix', text: 'secur' }) -> '"secur"*' */
export function toFtsAlternative(alt: FtsAlternative): string {
  if (alt.kind === 'word') return ftsString(alt.text);
  if (alt.kind === 'prefix') return `${ftsString(alt.text)}*`;
  return ftsString(alt.words.join(' '));
}

/** A term as the OR of its alternatives. @example anyOf([w('a'), w('b')]) -> '("a" OR "b")' */
export function anyOf(alternatives: readonly FtsAlternative[]): string {
  if (alternatives.length === 0) throw new Error('a term needs at least one alternative');
  const parts = [...new Set(alternatives.map(toFtsAlternative))];
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/** Every term required. @example allTerms(['"a"', '"b"']) -> '"a" AND "b"' */
export function allTerms(terms: readonly string[]): string {
  return terms.map(group).join(' AND ');
}

/** Any term. */
export function someTerms(terms: readonly string[]): string {
  return terms.map(group).join(' OR ');
}

/** `positive NOT (excluded...)`; FTS5's NOT is binary, so exclusions are ORed first. */
export function without(positive: string, excluded: readonly string[]): string {
  if (excluded.length === 0) return positive;
  return `${group(positive)} NOT ${group(someTerms(excluded))}`;
}

/** Restricts an expression to some columns. @example inColumns(['title'], '"a"') -> '{title} : ("a")' */
export function inColumns(columns: readonly ('title' | 'summary' | 'body')[], expression: string): string {
  return `{${columns.join(' ')}} : (${expression})`;
}

function group(expression: string): string {
  return enclosed(expression) || /^"[^"]*(?:""[^"]*)*"\*?$/.test(expression) ? expression : `(${expression})`;
}

/**
 * Whether one pair of parentheses encloses the whole expression: `(a OR b)` is, `(a) OR (b)`
 * is not (and would bind wrongly after NOT). Parentheses inside FTS5 strings do not count.
 */
function enclosed(expression: string): boolean {
  if (!expression.startsWith('(') || !expression.endsWith(')')) return false;
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')' && --depth === 0 && i < expression.length - 1) return false;
  }
  return depth === 0;
}
