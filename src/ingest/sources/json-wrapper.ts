import { JsonSplitter } from './json-splitter.js';

/** Keys under which exports commonly wrap their list: `{ "articles": [...] }`, `{ "items": [...] }`, `{ "data": [...] }`. */
export const WRAPPER_KEYS = ['articles', 'items', 'data'] as const;

/** One element of a wrapped list and the line it starts on. */
export interface WrappedElement {
  line: number;
  value: unknown;
}

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
// An object with article fields is an article, even if it also holds a "data" list of its own.
const looksLikeArticle = (v: JsonObject) => 'title' in v || 'body' in v;

/**
 * The articles of a document that is one wrapper object, each with its own line, or
 * `undefined` when the object is not a wrapper.
 * @example unwrapList('{"articles": [\n{"title": "A"}]}', 1, {...}) -> [{ line: 2, value: { title: "A" } }]
 */
export function unwrapList(text: string, startLine: number, value: unknown): WrappedElement[] | undefined {
  if (!isObject(value) || looksLikeArticle(value)) return undefined;
  const key = WRAPPER_KEYS.find((k) => Array.isArray(value[k]));
  if (key === undefined) return undefined;
  const elements = value[key] as unknown[];
  const offset = valueOffset(text, key);
  const pieces = offset === undefined ? [] : new JsonSplitter().push(text.slice(offset)).filter((p) => 'text' in p);
  const before = offset === undefined ? 0 : countLines(text.slice(0, offset));
  return elements.map((element, i) => ({
    line: pieces.length === elements.length ? startLine + before + (pieces[i]?.line ?? 1) - 1 : startLine,
    value: element,
  }));
}

/**
 * When an object that is not an article holds a list of objects under another key, says so:
 * the message names the key, so that the reason for "title is required" is not left to guess.
 * @example describeOtherWrapper({ results: [{...}, {...}] }) -> 'a wrapper object: "results" holds a list of 2 ...'
 */
export function describeOtherWrapper(value: unknown): string | undefined {
  if (!isObject(value) || looksLikeArticle(value)) return undefined;
  const key = Object.keys(value).find((k) => {
    const list = value[k];
    return Array.isArray(list) && list.length > 0 && list.every(isObject);
  });
  if (key === undefined) return undefined;
  const count = (value[key] as unknown[]).length;
  return (
    `a wrapper object: "${key}" holds a list of ${count.toLocaleString('en-US')}; the indexer reads an array ` +
    `of articles, or one under ${WRAPPER_KEYS.map((k) => `"${k}"`).join(', ')}`
  );
}

const KEY_SEPARATOR = /\s*:\s*/y;

/** Offset of the value of a top-level key of the JSON object `text` (already known to be valid). */
function valueOffset(text: string, key: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      KEY_SEPARATOR.lastIndex = end + 1;
      if (depth === 1 && KEY_SEPARATOR.test(text) && JSON.parse(text.slice(i, end + 1)) === key) {
        return KEY_SEPARATOR.lastIndex;
      }
      i = end;
    } else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') depth -= 1;
  }
  return undefined;
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

const countLines = (text: string) => text.match(/\n/g)?.length ?? 0;
