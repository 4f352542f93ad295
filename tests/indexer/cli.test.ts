import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IndexReportSchema } from '../../src/ingest/index-report.schema.js';

const repo = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'indexer-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SECRET = 'do-not-print-this-key-0123456789';

/** Runs the CLI as `npm run index` would, with a clean environment. */
function runCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'indexer/cli.ts', ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', MEILI_API_KEY: SECRET, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('indexer CLI, arguments', () => {
  it('when the arguments are bad, then it exits 1 with the reason on stderr and nothing on stdout', () => {
    const result = runCli(['--batch-size', '0', 'seed']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--batch-size/);
    expect(result.stdout).toBe('');
  });

  it('when --help is given, then usage is printed and it exits 0', () => {
    const result = runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run index/);
  });
});

const sqliteReady = existsSync(join(repo, 'src/search/engines/sqlite/index.ts'));
describe.skipIf(!sqliteReady)('indexer CLI, end to end on SQLite', () => {
  if (!sqliteReady) console.warn('skipped: src/search/engines/sqlite is not there yet');
  const env = { SEARCH_ENGINE: 'sqlite', SQLITE_PATH: join(dir, 'articles.db') };

  it('when some records are invalid, then valid ones are indexed, invalid ones listed and it exits 2', () => {
    const sources = join(dir, 'sources');
    mkdirSync(sources);
    cpSync(join(repo, 'tests/fixtures/pages'), join(sources, 'pages'), { recursive: true });
    writeFileSync(
      join(sources, 'a.ndjson'),
      '{"id":"cli-1","title":"T","body":"B","section":"World","publishedAt":"2024-01-01"}\n{"id":"cli-2"}\n',
    );
    const reportFile = join(dir, 'report.json');

    const result = runCli([sources, '--report', reportFile], env);
    expect(result.code).toBe(2);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^read 4, indexed 2, invalid 2, .* articles\/s\)\n$/);
    expect(result.stderr).toMatch(/a\.ndjson:2: title /);
    expect(result.stderr).toMatch(/missing-section-line\.txt:1: /);
    const report = IndexReportSchema.parse(JSON.parse(readFileSync(reportFile, 'utf8')));
    expect(report).toMatchObject({ read: 4, indexed: 2, invalidCount: 2 });
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });

  it('when everything is valid and --sync is given, then it exits 0 and removes what the sources dropped', () => {
    const only = join(dir, 'only.ndjson');
    writeFileSync(only, '{"id":"cli-1","title":"T","body":"B","section":"World","publishedAt":"2024-01-01"}\n');
    const result = runCli([only, '--sync'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^read 1, indexed 1, invalid 0, duplicates 0, deleted 1, /);
  });

  it('when a path given explicitly does not exist, then it exits 1 before creating any database', () => {
    const database = join(dir, 'never.db');
    const result = runCli([join(dir, 'missing.ndjson')], { ...env, SQLITE_PATH: database });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/missing\.ndjson: file not found/);
    expect(result.stdout).toBe('');
    expect(existsSync(database)).toBe(false);
  });
});
