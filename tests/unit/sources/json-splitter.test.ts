import { describe, expect, it } from 'vitest';
import { JsonSplitter, type JsonPiece } from '../../../src/ingest/sources/json-splitter.js';

/** Feeds the document in chunks of `size` characters, as a stream would. */
function split(document: string, size = document.length): JsonPiece[] {
  const splitter = new JsonSplitter();
  const pieces: JsonPiece[] = [];
  for (let i = 0; i < document.length; i += size) pieces.push(...splitter.push(document.slice(i, i + size)));
  return [...pieces, ...splitter.end()];
}

const ARRAY = '[\n  {"a": "x\\"]}", "b": [1, {"c": 2}]},\n  {"d":\n 1}\n , 42, "s,]", true\n]\n';

describe('JsonSplitter', () => {
  it('when an array is split, then each element comes with the line it starts on', () => {
    expect(split(ARRAY)).toEqual([
      { line: 2, text: '{"a": "x\\"]}", "b": [1, {"c": 2}]}' },
      { line: 3, text: '{"d":\n 1}' },
      { line: 5, text: '42' },
      { line: 5, text: '"s,]"' },
      { line: 5, text: 'true' },
    ]);
  });

  it.each([1, 2, 7, 64])('when the text arrives in chunks of %i characters, then the result is the same', (size) => {
    expect(split(ARRAY, size)).toEqual(split(ARRAY));
  });

  it('when the document is one object, then it is one element', () => {
    expect(split('\n\n{"title": "x"}\n')).toEqual([{ line: 3, text: '{"title": "x"}' }]);
  });

  it('when the document is empty or an empty array, then there is nothing', () => {
    expect(split('')).toEqual([]);
    expect(split(' [ ] ')).toEqual([]);
  });

  it('when an element is malformed inside, then it is still delimited (JSON.parse will reject it)', () => {
    expect(split('[{"a": },\n{"b": 1}]')).toEqual([
      { line: 1, text: '{"a": }' },
      { line: 2, text: '{"b": 1}' },
    ]);
  });

  it('when a comma is missing between elements, then an error is reported and reading goes on', () => {
    expect(split('[{"a":1}\n{"b":2}]')).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, error: "expected ',' or ']' before this value" },
      { line: 2, text: '{"b":2}' },
    ]);
  });

  it('when the file ends inside an element or before the closing bracket, then that is reported', () => {
    expect(split('[{"a":1},\n{"b": "unterminated')).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, error: 'unexpected end of file inside this value' },
    ]);
    expect(split('[{"a":1}')).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 1, error: "unexpected end of file: the array is not closed with ']'" },
    ]);
  });

  it('when content follows the document, then it is reported once', () => {
    expect(split('{"a":1}\nx y')).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, error: 'unexpected content after the end of the JSON document' },
    ]);
  });
});
