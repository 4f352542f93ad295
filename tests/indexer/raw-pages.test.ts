import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { indexSources } from '../../src/ingest/index-articles.js';
import { IndexerError, IndexerErrorCode } from '../../src/ingest/indexer-error.js';
import { caseFolders } from './case-folders.js';
import { MemoryArticleIndex } from './memory-index.js';

const cases = caseFolders('indexer-pages-');
let dir: string;
beforeEach(() => (dir = cases.dir()));
const write = cases.write;
/** A raw page written at 10:00 local time on May 1, 2024. */
const page = (title: string, time = '10:00 May 01, 2024') =>
  `${title}\n\nWorld ${time}\n\nBy A. Writer\n\nSEOUL, May 1 (Example News) -- Some text about ${title}.\n`;
const stored = (index: MemoryArticleIndex) => [...index.stored.values()];

describe('raw pages: the zone their times are read in', () => {
  it('when pages are read in the default zone, then one warning, naming --timezone, says so', async () => {
    write('pages/a.txt', page('Alpha'));
    write('pages/b.txt', page('Beta'));
    const report = await indexSources([dir], new MemoryArticleIndex());
    expect(report.warnings).toEqual([
      { source: join(dir, 'pages'), message: expect.stringMatching(/2 raw pages .*UTC.*--timezone.*source\.json/) },
    ]);
  });

  it('when a zone is given for the run, then pages are read in it and nothing is said', async () => {
    write('a.txt', page('Alpha'));
    const index = new MemoryArticleIndex();
    const report = await indexSources([dir], index, { timezone: 'Asia/Seoul' });
    expect(stored(index)[0]?.publishedAt).toBe('2024-05-01T01:00:00Z');
    expect(report.warnings).toEqual([]);
  });

  it('when a source.json beside the pages names a zone, then its pages and those below it are read in that zone', async () => {
    write('seoul/source.json', '{ "timezone": "Asia/Seoul" }\n');
    write('seoul/a.txt', page('Alpha'));
    write('seoul/2024/b.txt', page('Beta'));
    write('elsewhere/c.txt', page('Gamma'));
    const index = new MemoryArticleIndex();
    const report = await indexSources([dir], index, { timezone: 'Europe/Berlin' });
    const byTitle = Object.fromEntries(stored(index).map((a) => [a.title, a.publishedAt]));
    // The folder's own zone wins over the run's; the run's applies where no folder says.
    expect(byTitle).toEqual({
      Alpha: '2024-05-01T01:00:00Z',
      Beta: '2024-05-01T01:00:00Z',
      Gamma: '2024-05-01T08:00:00Z',
    });
    expect(report).toMatchObject({ read: 3, indexed: 3, invalidCount: 0, skippedFiles: 0, warnings: [] });
  });

  it('when the source.json names an unknown zone or holds something else, then the run fails before touching the index', async () => {
    write('pages/source.json', '{ "timezone": "Asia/Seol" }');
    write('pages/a.txt', page('Alpha'));
    const index = new MemoryArticleIndex();
    const error = await indexSources([dir], index).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexerError);
    expect((error as IndexerError).code).toBe(IndexerErrorCode.invalidSourceSettings);
    expect((error as IndexerError).message).toMatch(/pages\/source\.json: timezone /);

    write('pages/source.json', JSON.stringify([{ title: 'An article' }]));
    await expect(indexSources([dir], index)).rejects.toThrow(/source\.json: .*folder settings/);
    expect(index.calls).toEqual([]);
  });

  it('when the seed is indexed, then its raw pages are read in Seoul time, without a warning', async () => {
    const index = new MemoryArticleIndex();
    const report = await indexSources([new URL('../../seed', import.meta.url).pathname], index);
    const factory = stored(index).find((a) => a.title.startsWith("N. Korea's leader inspects munitions factory"));
    // The page says "North Korea 07:12 March 15, 2022", Seoul time.
    expect(factory?.publishedAt).toBe('2022-03-14T22:12:00Z');
    expect(report).toMatchObject({ invalidCount: 0, warnings: [], unreadable: [] });
  });
});

describe('raw pages and HTML pages: ids from their path', () => {
  it('when a page without url or id is indexed again with a corrected time and title, then the same article is updated', async () => {
    write('pages/a.txt', page('First headline'));
    const index = new MemoryArticleIndex();
    await indexSources([dir], index);
    write('pages/a.txt', page('Corrected headline', '11:30 May 01, 2024'));
    const again = await indexSources([dir], index, { timezone: 'Asia/Seoul' });
    expect(stored(index).map((a) => [a.title, a.publishedAt])).toEqual([
      ['Corrected headline', '2024-05-01T02:30:00Z'],
    ]);
    expect(again).toMatchObject({ read: 1, indexed: 1, duplicates: 0 });
  });

  it('when a page is indexed alone or through any folder above its source.json, then it keeps one id', async () => {
    write('site/pages/source.json', '{}');
    const file = write('site/pages/2024/a.txt', page('Alpha'));
    const ids = [];
    for (const path of [file, join(dir, 'site/pages/2024'), join(dir, 'site'), dir]) {
      const index = new MemoryArticleIndex();
      await indexSources([path], index);
      ids.push([...index.stored.keys()]);
    }
    expect(new Set(ids.map((list) => list.join()))).toHaveLength(1);
    expect(ids[0]).toEqual([expect.stringMatching(/^p-/)]);
  });

  it('when there is no source.json, then a page named alone and the same page in the folder named have one id', async () => {
    const file = write('a.txt', page('Alpha'));
    const alone = new MemoryArticleIndex();
    await indexSources([file], alone);
    const folder = new MemoryArticleIndex();
    await indexSources([dir], folder);
    expect([...alone.stored.keys()]).toEqual([expect.stringMatching(/^p-/)]);
    expect([...folder.stored.keys()]).toEqual([...alone.stored.keys()]);
  });

  it('when two folders named in one run hold the same file name, then their pages are two articles', async () => {
    write('siteA/a.txt', page('Alpha'));
    write('siteB/a.txt', page('Beta'));
    const index = new MemoryArticleIndex();
    const report = await indexSources([join(dir, 'siteA'), join(dir, 'siteB')], index);
    expect(report).toMatchObject({ read: 2, indexed: 2, duplicates: 0 });
  });

  it('when two pages share a title and time in different files, then they are two articles', async () => {
    write('a.txt', page('Same'));
    write('b/a.txt', page('Same'));
    const index = new MemoryArticleIndex();
    const report = await indexSources([dir], index);
    expect(report).toMatchObject({ read: 2, indexed: 2, duplicates: 0 });
  });

  it('when an HTML page has a canonical URL, then its id comes from the URL; without one, from its path', async () => {
    const html = (title: string, canonical = '') =>
      `<html><head><title>${title}</title>${canonical}<meta name="section" content="World">` +
      `<meta name="date" content="2024-05-01T10:00:00Z"></head><body><article><p>Text of ${title}.</p></article></body></html>`;
    write('with-url.html', html('Linked', '<link rel="canonical" href="https://news.example.org/linked">'));
    write('without-url.html', html('Unlinked'));
    const index = new MemoryArticleIndex();
    await indexSources([dir], index);
    const ids = Object.fromEntries(stored(index).map((a) => [a.title, a.id]));
    expect(ids.Linked).toMatch(/^u-/);
    expect(ids.Unlinked).toMatch(/^p-/);
  });
});
