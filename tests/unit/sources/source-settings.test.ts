import { describe, expect, it } from 'vitest';
import { pathArticleId } from '../../../src/articles/article-id.js';
import { pathKey, withPathId } from '../../../src/ingest/file-records.js';
import { IndexerErrorCode } from '../../../src/ingest/indexer-error.js';
import { parseSourceSettings } from '../../../src/ingest/sources/source-settings.js';

describe('parseSourceSettings', () => {
  it('when the file names a zone, or nothing, then those are the settings', () => {
    expect(parseSourceSettings('{ "timezone": "Asia/Seoul" }', 'p/source.json')).toEqual({ timezone: 'Asia/Seoul' });
    expect(parseSourceSettings('{}', 'p/source.json')).toEqual({});
  });

  it.each([
    ['{ "timezone": "Asia/Seol" }', /^p\/source\.json: timezone must be an IANA zone name/],
    ['{ "timezone": "UTC", "tz": "x" }', /^p\/source\.json: unknown setting "tz"/],
    ['[{ "title": "An article" }]', /^p\/source\.json: must be an object\. .*rename it if it holds articles/],
    ['{ "timezone": ', /^p\/source\.json: not valid JSON/],
  ])('when the file is %s, then the error names the file and the problem', (text, message) => {
    expect(() => parseSourceSettings(text, 'p/source.json')).toThrow(message);
    expect(() => parseSourceSettings(text, 'p/source.json')).toThrow(
      expect.objectContaining({ code: IndexerErrorCode.invalidSourceSettings }),
    );
  });
});

describe('path ids', () => {
  it('when a page lies below its source folder, then its key is the folder name and the path below it, with "/"', () => {
    expect(pathKey({ path: '/data/site/2024/a.txt', idRoot: '/data/site' })).toBe('site/2024/a.txt');
    expect(pathKey({ path: '/a.txt', idRoot: '/' })).toBe('a.txt');
  });

  it('when a page gives no id and no url, then it gets the id of its path; else it keeps its own', () => {
    expect(withPathId({ title: 'T', url: null }, 'a.txt')).toEqual({
      id: pathArticleId('a.txt'),
      title: 'T',
      url: null,
    });
    expect(withPathId({ title: 'T', url: 'https://x.org/a' }, 'a.txt')).toEqual({ title: 'T', url: 'https://x.org/a' });
    expect(withPathId({ id: 'mine' }, 'a.txt')).toEqual({ id: 'mine' });
    expect(withPathId('not an object', 'a.txt')).toBe('not an object');
  });
});
