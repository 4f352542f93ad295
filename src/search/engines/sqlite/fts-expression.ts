/**
 * The FTS5 expressions the engine writes (fts-query.ts: quoted strings, `*` prefixes,
 * parentheses, AND / OR / NOT, `{columns} :` filters), parsed back into a tree, so that a
 * reader can answer the parts that name frequent words from their saved lists (term-lists.ts)
 * and hand only the rest to FTS5. Anything outside that grammar, or operators mixed without
 * parentheses, stays one opaque node that FTS5 answers whole: the result never depends on
 * this parser guessing FTS5's precedence.
 */

/** A node of a parsed expression; `text` is its exact source, valid FTS5 on its own. */
export type FtsNode =
  | { kind: 'word'; text: string; word: string }
  | { kind: 'opaque'; text: string }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT'; text: string; children: FtsNode[] };

type Token = { type: 'string' | 'word' | '(' | ')' | 'op' | 'column'; text: string; start: number; end: number };

const SINGLE_WORD = /^[\p{L}\p{N}]+$/u;

/**
 * Parses an expression; undefined when it is not of the engine's grammar.
 * @example parseFtsExpression('("ga") AND ("ron" OR "p"*)') -> AND(word ga, OR(word ron, opaque "p"*))
 */
export function parseFtsExpression(expression: string): FtsNode | undefined {
  const tokens = tokenize(expression);
  if (!tokens) return undefined;
  let at = 0;
  const source = (from: number, to: number) => expression.slice(tokens[from]!.start, tokens[to - 1]!.end);

  const primary = (): FtsNode | undefined => {
    const token = tokens[at];
    if (!token) return undefined;
    if (token.type === '(') {
      at++;
      const inner = sequence();
      if (!inner || tokens[at]?.type !== ')') return undefined;
      at++;
      return inner;
    }
    if (token.type === 'column') {
      const from = at++;
      if (!primary()) return undefined;
      return { kind: 'opaque', text: source(from, at) };
    }
    if (token.type !== 'string') return undefined;
    at++;
    const prefixed = tokens[at]?.type === 'word' && tokens[at]!.text === '*';
    if (prefixed) at++;
    const inner = token.text.slice(1, -1).replace(/""/g, '"');
    if (!prefixed && SINGLE_WORD.test(inner)) return { kind: 'word', text: token.text, word: inner };
    return { kind: 'opaque', text: expression.slice(token.start, tokens[at - 1]!.end) };
  };

  const sequence = (): FtsNode | undefined => {
    const from = at;
    const first = primary();
    if (!first) return undefined;
    const children = [first];
    let op: 'AND' | 'OR' | 'NOT' | undefined;
    let mixed = false;
    while (tokens[at]?.type === 'op') {
      const next = tokens[at]!.text as 'AND' | 'OR' | 'NOT';
      if (op && op !== next) mixed = true;
      op = next;
      at++;
      const child = primary();
      if (!child) return undefined;
      children.push(child);
    }
    if (!op) return first;
    const text = source(from, at);
    return mixed ? { kind: 'opaque', text } : { kind: 'op', op, text, children };
  };

  const tree = sequence();
  return tree && at === tokens.length ? tree : undefined;
}

function tokenize(expression: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (c === ' ') {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c, text: c, start: i, end: ++i });
    } else if (c === '"') {
      let j = i + 1;
      for (; j < expression.length; j++) {
        if (expression[j] !== '"') continue;
        if (expression[j + 1] === '"') j++;
        else break;
      }
      if (j >= expression.length) return undefined;
      tokens.push({ type: 'string', text: expression.slice(i, j + 1), start: i, end: j + 1 });
      i = j + 1;
    } else if (c === '{') {
      const close = expression.indexOf('}', i);
      const colon = /^\s*:/.exec(expression.slice(close + 1));
      if (close < 0 || !colon) return undefined;
      const end = close + 1 + colon[0].length;
      tokens.push({ type: 'column', text: expression.slice(i, end), start: i, end });
      i = end;
    } else {
      const word = /^(AND|OR|NOT|\*)/.exec(expression.slice(i));
      if (!word) return undefined;
      tokens.push({ type: word[1] === '*' ? 'word' : 'op', text: word[1]!, start: i, end: i + word[1]!.length });
      i += word[1]!.length;
    }
  }
  return tokens;
}
