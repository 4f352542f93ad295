import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { indexSources, type IndexProgress } from '../../src/ingest/index-articles.js';
import { IndexReportSchema } from '../../src/ingest/index-report.schema.js';
import { IndexerError, IndexerErrorCode } from '../../src/ingest/indexer-error.js';
import { caseFolders } from './case-folders.js';
import { MemoryArticleIndex } from './memory-index.js';

const cases = caseFolders('indexer-run-');
let dir: string;
beforeEach(() => (dir = cases.dir()));
const write = cases.write;

const article = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Title ${id}`,
  body: `Body of ${id}.`,
  section: 'World',
  publishedAt: '2024-01-02T03:04:05Z',
  ...extra,
});
const ndjson = (...items: unknown[]) => items.map((item) => JSON.stringify(item)).join('\n') + '\n';

describe('indexSources', () => {
  it('when there are more articles than a batch holds, then they are sent in batches of that size', async () => {
    write('a.ndjson', ndjson(...Array.from({ length: 7 }, (_, i) => article(`a${i}`))));
    const index = new MemoryArticleIndex();
    const report = await indexSources([dir], index, { batchSize: 3 });
    expect(index.calls.filter((c) => c.method === 'upsert').map((c) => ('ids' in c ? c.ids.length : 0))).toEqual([
      3, 3, 1,
    ]);
    expect(index.methods()).toEqual(['begin', 'upsert', 'upsert', 'upsert', 'finish']);
    expect(report).toMatchObject({ read: 7, indexed: 7, invalidCount: 0, duplicates: 0, deleted: 0 });
    expect(IndexReportSchema.safeParse(report).success).toBe(true);
  });

  it('when the engine refuses single articles of a batch, then they are reported with file and line and the rest is indexed', async () => {
    const file = write('big.ndjson', ndjson(article('a'), article('huge'), article('b'), article('huge')));
    const index = new MemoryArticleIndex({ rejectIds: new Set(['huge']) });
    const report = await indexSources([file], index, { batchSize: 10 });
    expect([...index.stored.keys()].sort()).toEqual(['a', 'b']);
    expect(report).toMatchObject({ read: 4, indexed: 2, invalidCount: 1, duplicates: 1 });
    expect(report.read).toBe(report.indexed + report.duplicates + report.invalidCount);
    expect(report.invalid).toEqual([
      { source: file, line: 4, errors: [{ path: '', message: 'too large for the search engine' }] },
    ]);
    expect(index.methods().at(-1)).toBe('finish');
  });

  it('when some records are invalid, then each is reported with file and line and every valid one is indexed', async () => {
    const file = write(
      'mixed.ndjson',
      [
        JSON.stringify(article('ok1')),
        '{broken',
        JSON.stringify(article('bad', { publishedAt: 'soon' })),
        '',
        JSON.stringify(article('ok2')),
      ].join('\n'),
    );
    const index = new MemoryArticleIndex();
    const report = await indexSources([file], index);
    expect([...index.stored.keys()].sort()).toEqual(['ok1', 'ok2']);
    expect(report.invalid).toEqual([
      { source: file, line: 2, errors: [{ path: '', message: expect.stringMatching(/^not valid JSON/) }] },
      { source: file, line: 3, errors: [{ path: 'publishedAt', message: expect.any(String) }] },
    ]);
    expect(report).toMatchObject({ read: 4, indexed: 2, invalidCount: 2 });
    expect(index.methods().at(-1)).toBe('finish');
  });

  it('when folders are nested, then files are read in sorted order and unknown extensions are skipped', async () => {
    write('b/2.ndjson', ndjson(article('b2')));
    write('b/1.json', JSON.stringify([article('b1')]));
    write('a.csv', 'id,title,body,section,date\nc1,T,B,World,2024-01-01\n');
    write('README.md', '# not an article');
    write('b/notes.docx', 'x');
    const index = new MemoryArticleIndex();
    const report = await indexSources([dir], index);
    expect(index.calls.find((c) => c.method === 'upsert')).toEqual({ method: 'upsert', ids: ['c1', 'b1', 'b2'] });
    expect(report.skippedFiles).toBe(2);
  });

  it('when the same input is indexed twice, then the stored set is the same', async () => {
    write('a.ndjson', ndjson(article('x'), article('y')));
    write('p.txt', 'A page\n\nWorld 10:00 May 01, 2024\n\nBy A. Writer\n\nSome text.\n');
    const index = new MemoryArticleIndex();
    await indexSources([dir], index);
    const first = new Map(index.stored);
    const again = await indexSources([dir], index);
    expect(index.stored).toEqual(first);
    expect(again).toMatchObject({ read: 3, indexed: 3, duplicates: 0 });
  });

  it('when an id appears twice, then the last one wins and it counts as a duplicate', async () => {
    write('a.ndjson', ndjson(article('d', { title: 'First' }), article('e'), article('d', { title: 'Second' })));
    write('b.ndjson', ndjson(article('e', { title: 'Later file' })));
    const index = new MemoryArticleIndex();
    const report = await indexSources([dir], index, { batchSize: 2 });
    expect(index.stored.get('d')?.title).toBe('Second');
    expect(index.stored.get('e')?.title).toBe('Later file');
    expect(report).toMatchObject({ read: 4, indexed: 2, duplicates: 2 });
  });

  it('when --sync is on, then only ids missing from the sources are deleted', async () => {
    const index = new MemoryArticleIndex();
    write('a.ndjson', ndjson(article('keep'), article('gone')));
    await indexSources([dir], index);
    write('a.ndjson', ndjson(article('keep'), article('new')));
    const report = await indexSources([dir], index, { sync: true });
    expect([...index.stored.keys()].sort()).toEqual(['keep', 'new']);
    expect(report.deleted).toBe(1);
    expect(index.methods().slice(-2)).toEqual(['delete', 'finish']);
  });

  it('when --sync is on and a file cannot be read, then the run fails and nothing is deleted', async () => {
    const index = new MemoryArticleIndex();
    write('a.ndjson', ndjson(article('keep'), article('other')));
    await indexSources([dir], index);
    write('a.ndjson', ndjson(article('keep')));
    write('b.ndjson', Buffer.from([0, 1, 2]));
    const error = await indexSources([dir], index, { sync: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexerError);
    expect((error as IndexerError).code).toBe(IndexerErrorCode.syncRefused);
    expect(index.stored.has('other')).toBe(true);
    // Only the first, successful run finished; the refused one neither finished nor deleted.
    expect(index.methods().filter((m) => m === 'finish')).toHaveLength(1);
    expect(index.methods().filter((m) => m === 'delete')).toEqual([]);
  });

  it('when a file cannot be read without --sync, then it is named without a line and the rest is indexed', async () => {
    write('a.ndjson', ndjson(article('fine')));
    const binary = write('b.ndjson', Buffer.from([0, 1, 2]));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'c.ndjson'));
    const index = new MemoryArticleIndex();
    const report = await indexSources([dir], index);
    expect(report.unreadable).toEqual([
      { source: binary, error: expect.stringMatching(/binary/) },
      { source: join(dir, 'c.ndjson'), error: expect.any(String) },
    ]);
    expect(report).toMatchObject({ read: 1, indexed: 1, invalidCount: 0, invalid: [] });
    expect(index.methods().at(-1)).toBe('finish');
  });

  it('when a folder mixes valid, invalid, binary and unknown files, then read = indexed + duplicates + invalid and every skipped file is named', async () => {
    write('a.ndjson', ndjson(article('v1'), article('v2'), { title: 'no body' }, article('v1')));
    write('b.txt', 'Only a title\n');
    write('c.json', Buffer.from([0x7b, 0, 0, 0x7d]));
    write('d.html', Buffer.from([0, 1, 2, 3]));
    const photo = write('e.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const notes = write('sub/notes.docx', 'x');
    const report = await indexSources([dir], new MemoryArticleIndex());
    expect(report).toMatchObject({ read: 5, indexed: 2, duplicates: 1, invalidCount: 2 });
    expect(report.read).toBe(report.indexed + report.duplicates + report.invalidCount);
    expect(report.unreadable.map((u) => u.source)).toEqual([join(dir, 'c.json'), join(dir, 'd.html')]);
    expect(report).toMatchObject({ skippedFiles: 2, skipped: [photo, notes] });
  });

  it('when files are empty, then each is a warning named by file, whatever its format, and the run is clean', async () => {
    const names = ['a.ndjson', 'b.json', 'c.txt', 'd.csv', 'e.html'];
    const paths = names.map((name) => write(name, ''));
    const blank = write('f.txt', '\n  \n');
    const report = await indexSources([dir], new MemoryArticleIndex());
    expect(report.warnings).toEqual(
      [...paths, blank].map((source) => ({ source, message: expect.stringMatching(/nothing to index/) })),
    );
    expect(report).toMatchObject({ read: 0, invalidCount: 0, unreadable: [] });
  });

  it('when a JSON file wraps its list in "articles", "items" or "data", then each element is an article at its own line', async () => {
    write(
      'a.json',
      `{\n  "status": "ok",\n  "articles": [\n    ${JSON.stringify(article('w1'))},\n    {"title": "no body"}\n  ]\n}\n`,
    );
    write('b.json', JSON.stringify({ items: [article('w2')] }));
    write('c.json', JSON.stringify({ data: [article('w3')], total: 1 }));
    const index = new MemoryArticleIndex();
    const report = await indexSources([dir], index);
    expect([...index.stored.keys()].sort()).toEqual(['w1', 'w2', 'w3']);
    expect(report.invalid).toEqual([
      {
        source: join(dir, 'a.json'),
        line: 5,
        errors: expect.arrayContaining([{ path: 'body', message: 'is required' }]),
      },
    ]);
  });

  it('when a JSON file wraps its list under another key, then one record says which key holds it', async () => {
    const file = write('a.json', JSON.stringify({ results: [article('r1'), article('r2')] }));
    const report = await indexSources([file], new MemoryArticleIndex());
    expect(report.invalid).toEqual([
      { source: file, line: 1, errors: [{ path: '', message: expect.stringMatching(/"results" holds a list of 2/) }] },
    ]);
  });

  it('when an upsert fails, then the error propagates and finish is never called', async () => {
    write('a.ndjson', ndjson(...Array.from({ length: 5 }, (_, i) => article(`f${i}`))));
    const index = new MemoryArticleIndex({ failOnUpsert: 2 });
    await expect(indexSources([dir], index, { batchSize: 2 })).rejects.toThrow('engine down');
    expect(index.methods()).toEqual(['begin', 'upsert', 'upsert']);
  });

  it('when the index is still writing a batch, then the next articles are read and validated meanwhile, and batches land in order', async () => {
    write('a.ndjson', ndjson(...Array.from({ length: 1_500 }, (_, i) => article(`p${i}`))));
    let reachedThousand = () => {};
    const progressed = { promise: new Promise<void>((done) => (reachedThousand = done)) };
    const readWhileFirstWrite: boolean[] = [];
    class SlowIndex extends MemoryArticleIndex {
      override async upsert(batch: Parameters<MemoryArticleIndex['upsert']>[0]): Promise<void> {
        // The first batch is written only once the run has read 1,000 records (or 2 s passed).
        if (this.upserts === 0) {
          const reached = await Promise.race([
            progressed.promise.then(() => true),
            new Promise<false>((done) => setTimeout(() => done(false), 2_000)),
          ]);
          readWhileFirstWrite.push(reached);
        }
        return super.upsert(batch);
      }
    }
    const index = new SlowIndex();
    const report = await indexSources([dir], index, {
      batchSize: 600,
      onProgress: (p) => p.read >= 1_000 && reachedThousand(),
    });
    expect(readWhileFirstWrite).toEqual([true]);
    expect(index.calls.filter((c) => c.method === 'upsert').map((c) => ('ids' in c ? c.ids[0] : ''))).toEqual([
      'p0',
      'p600',
      'p1200',
    ]);
    expect(report).toMatchObject({ read: 1_500, indexed: 1_500 });
    expect(index.stored.size).toBe(1_500);
  });

  it('when a batch fails while the next one is being read, then the run fails with that error and finish is never called', async () => {
    write('a.ndjson', ndjson(...Array.from({ length: 7 }, (_, i) => article(`q${i}`))));
    const index = new MemoryArticleIndex({ failOnUpsert: 1 });
    await expect(indexSources([dir], index, { batchSize: 2 })).rejects.toThrow('engine down');
    expect(index.methods()).toEqual(['begin', 'upsert']);
  });

  it('when a path given explicitly does not exist, then the run fails before touching the index', async () => {
    const index = new MemoryArticleIndex();
    const error = await indexSources([join(dir, 'missing.ndjson')], index).catch((e: unknown) => e);
    expect((error as IndexerError).code).toBe(IndexerErrorCode.pathNotFound);
    expect(index.calls).toEqual([]);
  });

  it('when options are invalid, then the run fails before touching the index', async () => {
    const index = new MemoryArticleIndex();
    await expect(indexSources([dir], index, { batchSize: 0 })).rejects.toMatchObject({
      code: IndexerErrorCode.invalidOption,
    });
    await expect(indexSources([dir], index, { timezone: 'Nowhere/City' })).rejects.toMatchObject({
      code: IndexerErrorCode.invalidOption,
    });
    expect(index.calls).toEqual([]);
  });

  it('when --rebuild is given, then begin receives it', async () => {
    write('a.ndjson', ndjson(article('r')));
    const index = new MemoryArticleIndex();
    await indexSources([dir], index, { rebuild: true });
    expect(index.calls[0]).toEqual({ method: 'begin', options: { rebuild: true } });
  });

  it('when the run is aborted, then it stops without finishing', async () => {
    write('a.ndjson', ndjson(article('s1'), article('s2')));
    const index = new MemoryArticleIndex();
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(indexSources([dir], index, { signal: controller.signal })).rejects.toThrow('stop');
    expect(index.methods()).not.toContain('finish');
  });

  it('when progress is reported, then bytes end at the total and counts match the report', async () => {
    write('a.ndjson', ndjson(article('p1'), article('p2')));
    write('b.txt', 'Title\n\nWorld 10:00 May 01, 2024\n\nText.\n');
    const updates: IndexProgress[] = [];
    const report = await indexSources([dir], new MemoryArticleIndex(), { onProgress: (p) => updates.push(p) });
    const last = updates.at(-1);
    expect(last?.bytesRead).toBe(last?.bytesTotal);
    expect(last).toMatchObject({ read: report.read, indexed: report.indexed, invalid: 0 });
  });
});
