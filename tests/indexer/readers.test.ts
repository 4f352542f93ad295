import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/read-source.js';
import type { SourceRecord } from '../../src/ingest/sources/source-record.js';
import { MAX_RECORD_CHARS } from '../../src/ingest/sources/text-stream.js';

const dir = mkdtempSync(join(tmpdir(), 'indexer-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixtures = new URL('../fixtures/', import.meta.url).pathname;

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function read(path: string, timezone = 'UTC'): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of readSource(path, { timezone })) records.push(record);
  return records;
}

/** Records without their source, for short expectations. */
const brief = (records: SourceRecord[]) =>
  records.map((r) =>
    r.kind === 'value'
      ? { line: r.line, value: r.value }
      : r.kind === 'invalid'
        ? { kind: r.kind, line: r.line, error: r.error }
        : { kind: r.kind, error: r.error },
  );

describe('NDJSON reader', () => {
  it('when lines are valid, blank or malformed, then values and errors carry their line', async () => {
    const path = file('a.ndjson', '{"n":1}\n\n  \n{"n": \n{"n":3}\n');
    const records = await read(path);
    expect(records.every((r) => r.source === path)).toBe(true);
    expect(brief(records)).toEqual([
      { line: 1, value: { n: 1 } },
      { kind: 'invalid', line: 4, error: expect.stringMatching(/^not valid JSON/) },
      { line: 5, value: { n: 3 } },
    ]);
  });

  it('when the file has CRLF endings, a BOM and no final newline, then lines are still right', async () => {
    const records = await read(file('crlf.jsonl', '\uFEFF{"n":1}\r\n\r\n{"n":"caf\u00e9"}'));
    expect(brief(records)).toEqual([
      { line: 1, value: { n: 1 } },
      { line: 3, value: { n: 'caf\u00e9' } },
    ]);
  });

  it('when the file is empty, then there are no records', async () => {
    expect(await read(file('empty.ndjson', ''))).toEqual([]);
  });

  it('when a line is longer than one article can be, then it is one invalid record and reading goes on', async () => {
    const huge = `{"t":"${'x'.repeat(MAX_RECORD_CHARS + 10)}"}`;
    const records = await read(file('huge.ndjson', `${huge}\n{"n":2}\n`));
    expect(brief(records)).toEqual([
      { kind: 'invalid', line: 1, error: 'line too long to be one article' },
      { line: 2, value: { n: 2 } },
    ]);
  });

  it('when a multi-byte character is split across read chunks, then it is decoded whole', async () => {
    const long = 'é'.repeat(70_000); // 140 KB: crosses the 64 KiB chunk boundary mid-character
    const records = await read(file('long.ndjson', `{"t":"${long}"}\n{"n":2}\n`));
    expect(brief(records)).toEqual([
      { line: 1, value: { t: long } },
      { line: 2, value: { n: 2 } },
    ]);
  });
});

describe('JSON reader', () => {
  it('when the file is an array, then each element has the line it starts on', async () => {
    const records = await read(file('a.json', '[\n  {"n": 1},\n  {"n":\n    2},\n  {"n": }\n]\n'));
    expect(brief(records)).toEqual([
      { line: 2, value: { n: 1 } },
      { line: 3, value: { n: 2 } },
      { kind: 'invalid', line: 5, error: expect.stringMatching(/^not valid JSON/) },
    ]);
  });

  it('when the file is one object with a BOM and CRLF, then it is one record at its line', async () => {
    expect(brief(await read(file('one.json', '\uFEFF\r\n{"n": 1}\r\n')))).toEqual([{ line: 2, value: { n: 1 } }]);
  });

  it('when the file is empty, then there are no records', async () => {
    expect(await read(file('empty.json', ''))).toEqual([]);
  });
});

describe('raw page reader', () => {
  it('when the page is complete, then one value at line 1 uses the timezone option', async () => {
    const [record] = await read(join(fixtures, 'pages/night-ferry-two-authors.txt'), 'Asia/Seoul');
    expect(record).toMatchObject({ kind: 'value', line: 1, value: { publishedAt: '2024-03-03T12:40:00Z' } });
  });

  it('when the section line is missing, then the record is invalid and says so', async () => {
    const [record] = await read(join(fixtures, 'pages/missing-section-line.txt'));
    expect(record).toMatchObject({ kind: 'invalid', line: 1, error: expect.stringMatching(/section/i) });
  });

  it('when the page is empty or blank, then there are no records (the run warns about the file)', async () => {
    expect(await read(file('empty.txt', ''))).toEqual([]);
    expect(await read(file('blank.txt', '\n  \r\n'))).toEqual([]);
  });

  it('when the page holds only page chrome, then the missing title is reported', async () => {
    expect(brief(await read(file('chrome.txt', 'Go to Contents Go to Navigation\n')))).toEqual([
      { kind: 'invalid', line: 1, error: expect.stringMatching(/title/) },
    ]);
  });
});

describe('CSV reader', () => {
  it('when rows span lines, use CRLF and aliases, then each row has its starting line', async () => {
    const records = await read(join(fixtures, 'csv/articles.csv'));
    expect(brief(records)).toEqual([
      {
        line: 2,
        value: {
          id: 'csv-1',
          title: 'Harbour crane tested',
          publishedAt: '2024-02-01T09:00:00Z',
          authors: ['Ana Ruiz', 'Ben Ode'],
          section: 'Business',
          tags: ['ports', 'cranes'],
          body: 'The new crane lifted its first container.',
        },
      },
      {
        line: 3,
        value: expect.objectContaining({ id: 'csv-2', body: 'First line of the body.\r\n\r\nSecond paragraph.' }),
      },
      { line: 7, value: expect.objectContaining({ id: 'csv-3', publishedAt: 'yesterday' }) },
      { kind: 'invalid', line: 8, error: 'row has 3 cells, the header has 8' },
    ]);
  });

  it('when a quote is never closed, then the rows before it are read and the file is reported', async () => {
    const records = await read(file('broken.csv', 'title,body\nA,ok\nB,"never closed\nC,x\n'));
    expect(brief(records)).toEqual([
      { line: 2, value: { title: 'A', body: 'ok' } },
      { kind: 'file-error', error: expect.stringMatching(/CSV syntax error in the row starting at line 3/) },
    ]);
  });

  it('when the file is empty, then there are no records', async () => {
    expect(await read(file('empty.csv', ''))).toEqual([]);
  });
});

describe('HTML reader', () => {
  it('when the page is read, then it is one value at line 1', async () => {
    const [record] = await read(join(fixtures, 'html/opengraph-article.html'));
    expect(record).toMatchObject({
      kind: 'value',
      line: 1,
      value: { title: 'Village bakery reopens as a cooperative' },
    });
  });

  it('when the page is empty, then there are no records (the run warns about the file)', async () => {
    expect(await read(file('empty.html', '  \n'))).toEqual([]);
  });
});

describe('file errors', () => {
  it.each(['x.ndjson', 'x.json', 'x.txt', 'x.csv', 'x.html'])(
    'when %s is binary, then it is one file error at line 0',
    async (name) => {
      const records = await read(file(`bin-${name}`, Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff])));
      expect(brief(records)).toEqual([{ kind: 'file-error', error: expect.stringMatching(/binary/) }]);
    },
  );

  it('when a text file is latin-1 rather than UTF-8, then it is a file error', async () => {
    const records = await read(file('latin1.ndjson', Buffer.from('{"t":"caf\xe9"}\n', 'latin1')));
    expect(brief(records)).toEqual([{ kind: 'file-error', error: expect.stringMatching(/UTF-8/) }]);
  });

  it('when the path cannot be read (a folder, a missing file), then it is a file error, not an exception', async () => {
    const folder = join(dir, 'folder.ndjson');
    mkdirSync(folder);
    expect(brief(await read(folder))).toEqual([{ kind: 'file-error', error: 'is a directory' }]);
    expect(brief(await read(join(dir, 'missing.ndjson')))).toEqual([{ kind: 'file-error', error: 'file not found' }]);
  });

  it.skipIf(process.getuid?.() === 0)('when permissions forbid reading, then it is a file error', async () => {
    const path = file('secret.ndjson', '{}\n');
    chmodSync(path, 0o000);
    expect(brief(await read(path))).toEqual([{ kind: 'file-error', error: 'permission denied' }]);
  });

  it('when the extension is unknown, then it is a file error naming the supported ones', async () => {
    const records = await read(file('notes.md', '# hi'));
    expect(brief(records)).toEqual([
      { kind: 'file-error', error: expect.stringMatching(/unsupported file type "\.md"/) },
    ]);
  });
});
