import { describe, expect, it } from 'vitest';
import { describeOtherWrapper, unwrapList } from '../../../src/ingest/sources/json-wrapper.js';

const unwrap = (text: string, startLine = 1) => unwrapList(text, startLine, JSON.parse(text));

describe('unwrapList', () => {
  it('when the list is under "articles" after other keys, then each element keeps the line it starts on', () => {
    const text = '{\n  "status": "ok",\n  "articles": [\n    {"title": "A"},\n\n    {"title": "B"}\n  ]\n}';
    expect(unwrap(text, 3)).toEqual([
      { line: 6, value: { title: 'A' } },
      { line: 8, value: { title: 'B' } },
    ]);
  });

  it('when a key before the list holds the word "articles" as a value or inside a string, then the real key is found', () => {
    const text = '{"note": "\\"articles\\": [", "kind": "articles",\n"items": [\n{"n": 1}]}';
    expect(unwrap(text)).toEqual([{ line: 3, value: { n: 1 } }]);
  });

  it('when the object has article fields, then it is an article, not a wrapper', () => {
    expect(unwrap('{"title": "T", "data": [1, 2]}')).toBeUndefined();
  });

  it('when no wrapper key holds a list, then it is not a wrapper', () => {
    expect(unwrap('{"articles": 3}')).toBeUndefined();
  });
});

describe('describeOtherWrapper', () => {
  it('when a list of objects sits under another key, then the message names that key and the keys read', () => {
    expect(describeOtherWrapper({ total: 2, results: [{}, {}] })).toBe(
      'a wrapper object: "results" holds a list of 2; the indexer reads an array of articles, or one under "articles", "items", "data"',
    );
  });

  it('when the object is an article or holds no list of objects, then there is nothing to say', () => {
    expect(describeOtherWrapper({ title: 'T', results: [{}] })).toBeUndefined();
    expect(describeOtherWrapper({ tags: ['a'] })).toBeUndefined();
  });
});
