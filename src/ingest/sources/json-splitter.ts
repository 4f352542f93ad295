import { MAX_RECORD_CHARS } from './text-stream.js';

/** One top-level value of a JSON document (the text to parse), or a structural error. */
export type JsonPiece = { line: number; text: string } | { line: number; error: string };

/** The error of an element longer than `MAX_RECORD_CHARS`. */
export const TOO_LARGE = 'value too large to be one article';

type State = 'start' | 'array-first' | 'array-next' | 'after-element' | 'element' | 'done' | 'trailing';
type ElementKind = 'container' | 'string' | 'scalar';

const Char = {
  Newline: 10,
  Quote: 34,
  Comma: 44,
  OpenBracket: 91,
  Backslash: 92,
  CloseBracket: 93,
  OpenBrace: 123,
  CloseBrace: 125,
} as const;

// U+FEFF too: a BOM before the document is not content.
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;

/**
 * Splits a JSON document that is one object or an array of objects into its elements, chunk
 * by chunk, so that a huge array is never held whole. It only tracks strings and nesting;
 * each element's text is then checked by `JSON.parse`.
 * @example push('[{"a":1},\n{"b":2}]') -> [{ line: 1, text: '{"a":1}' }, { line: 2, text: '{"b":2}' }]
 */
export class JsonSplitter {
  #state: State = 'start';
  #inArray = false;
  #line = 1;
  #kind: ElementKind = 'container';
  #depth = 0;
  #inString = false;
  #escape = false;
  #elementLine = 0;
  #parts: string[] = [];
  #partsLength = 0;
  #tooLong = false;

  /** Whether the document is an array (known once its first character was read). */
  get inArray(): boolean {
    return this.#inArray;
  }

  /** Feeds the next chunk of text; returns the elements completed by it. */
  push(chunk: string): JsonPiece[] {
    const out: JsonPiece[] = [];
    let segment = 0;
    for (let i = 0; i < chunk.length; i += 1) {
      const c = chunk.charCodeAt(i);
      if (this.#state === 'element') {
        const end = this.#scan(c, i);
        if (end === undefined) {
          if (c === Char.Newline) this.#line += 1;
          continue;
        }
        out.push(this.#finish(chunk.slice(segment, end)));
        // A scalar ends on its delimiter, which the array state must still read.
        if (end === i) i -= 1;
        continue;
      }
      if (c === Char.Newline) this.#line += 1;
      if (isSpace(c)) continue;
      const error = this.#between(c);
      if (error) out.push({ line: this.#line, error });
      if (this.#inElement()) segment = i;
    }
    if (this.#state === 'element') this.#keep(chunk.slice(segment));
    return out;
  }

  /** Signals the end of the document; reports an unterminated value or array. */
  end(): JsonPiece[] {
    switch (this.#state) {
      case 'element':
        if (this.#kind === 'scalar') return [this.#finish('')];
        return [{ line: this.#elementLine, error: 'unexpected end of file inside this value' }];
      case 'array-first':
      case 'array-next':
      case 'after-element':
        return [{ line: this.#line, error: "unexpected end of file: the array is not closed with ']'" }];
      default:
        return [];
    }
  }

  // A method, not an inline test: TypeScript would keep the narrowing from the loop's check.
  #inElement(): boolean {
    return this.#state === 'element';
  }

  /** Handles a non-space character outside any element; returns an error message if any. */
  #between(c: number): string | undefined {
    switch (this.#state) {
      case 'start':
        if (c === Char.OpenBracket) {
          this.#state = 'array-first';
          this.#inArray = true;
        } else this.#begin(c);
        return undefined;
      case 'array-first':
      case 'array-next':
        if (c === Char.CloseBracket) this.#state = 'done';
        else if (c === Char.Comma) return "unexpected ','";
        else this.#begin(c);
        return undefined;
      case 'after-element':
        if (c === Char.Comma) this.#state = 'array-next';
        else if (c === Char.CloseBracket) this.#state = 'done';
        else {
          this.#begin(c);
          return "expected ',' or ']' before this value";
        }
        return undefined;
      case 'done':
        this.#state = 'trailing';
        return 'unexpected content after the end of the JSON document';
      default:
        return undefined;
    }
  }

  /** Starts an element at its first character (already consumed). */
  #begin(c: number): void {
    this.#state = 'element';
    this.#elementLine = this.#line;
    this.#kind = c === Char.OpenBrace || c === Char.OpenBracket ? 'container' : c === Char.Quote ? 'string' : 'scalar';
    this.#depth = this.#kind === 'container' ? 1 : 0;
    this.#inString = this.#kind === 'string';
    this.#escape = false;
  }

  /** Advances inside an element; returns its end index (exclusive) once it is complete. */
  #scan(c: number, i: number): number | undefined {
    if (this.#inString) {
      if (this.#escape) this.#escape = false;
      else if (c === Char.Backslash) this.#escape = true;
      else if (c === Char.Quote) {
        this.#inString = false;
        if (this.#kind === 'string') return i + 1;
      }
      return undefined;
    }
    if (this.#kind === 'scalar') return c === Char.Comma || c === Char.CloseBracket || isSpace(c) ? i : undefined;
    if (c === Char.Quote) this.#inString = true;
    else if (c === Char.OpenBrace || c === Char.OpenBracket) this.#depth += 1;
    else if (c === Char.CloseBrace || c === Char.CloseBracket) {
      this.#depth -= 1;
      if (this.#depth === 0) return i + 1;
    }
    return undefined;
  }

  #keep(text: string): void {
    this.#partsLength += text.length;
    if (this.#partsLength > MAX_RECORD_CHARS) this.#tooLong = true;
    if (!this.#tooLong) this.#parts.push(text);
  }

  #finish(tail: string): JsonPiece {
    this.#keep(tail);
    const piece: JsonPiece = this.#tooLong
      ? { line: this.#elementLine, error: TOO_LARGE }
      : { line: this.#elementLine, text: this.#parts.join('') };
    this.#parts = [];
    this.#partsLength = 0;
    this.#tooLong = false;
    this.#state = this.#inArray ? 'after-element' : 'done';
    return piece;
  }
}
