import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { IndexReportSchema } from '../../src/ingest/index-report.schema.js';

const repo = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'indexer-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SECRET = 'do-not-print-this-key-0123456789';

const tsxLoader = pathToFileURL(join(repo, 'node_modules/tsx/dist/loader.mjs')).href;

/** Runs the CLI as `npm run index` would, with a clean environment, from `cwd` (the project by default). */
function runCli(args: string[], env: Record<string, string> = {}, cwd = repo) {
  const result = spawnSync(process.execPath, ['--import', tsxLoader, join(repo, 'indexer/cli.ts'), ...args], {
    cwd,
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

  it('when SEARCH_ENGINE=meilisearch comes without MEILI_URL, then it exits 1 naming MEILI_URL, before reading anything', () => {
    const result = runCli(['seed'], { SEARCH_ENGINE: 'meilisearch' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/MEILI_URL: must be set when SEARCH_ENGINE=meilisearch/);
    expect(result.stderr).not.toMatch(/unexpected/);
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

  it('when a folder holds a binary file, an unknown format and an empty file, then the counts add up and each file is named', () => {
    const sources = join(dir, 'mixed');
    mkdirSync(sources);
    writeFileSync(
      join(sources, 'a.ndjson'),
      '{"id":"m-1","title":"T","body":"B","section":"World","publishedAt":"2024-01-01"}\n' +
        '{"id":"m-2","title":"T","body":"B","section":"World","publishedAt":"2024-01-01"}\n' +
        '{"id":"m-3","title":"T","section":"World","publishedAt":"2024-01-01"}\n',
    );
    writeFileSync(join(sources, 'b.json'), Buffer.from([0x7b, 0, 0, 0x7d]));
    writeFileSync(join(sources, 'c.png'), Buffer.from([0x89, 0x50]));
    writeFileSync(join(sources, 'd.ndjson'), '');

    const result = runCli([sources], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      /^read 3, indexed 2, invalid 1, duplicates 0, deleted 0, unreadable files 1, skipped files 1 in /,
    );
    expect(result.stderr).toContain(`${join(sources, 'a.ndjson')}:3: body is required`);
    expect(result.stderr).toMatch(/b\.json: binary file/);
    expect(result.stderr).not.toMatch(/b\.json:0/);
    expect(result.stderr).toContain(`${join(sources, 'c.png')}: skipped`);
    expect(result.stderr).toContain(`warning: ${join(sources, 'd.ndjson')}: empty file: nothing to index`);
  });

  it('when more than 50 records are invalid, then the list stops at 50 and points to --report FILE', () => {
    const many = join(dir, 'many.ndjson');
    writeFileSync(many, '{"title":"no body"}\n'.repeat(80));
    const result = runCli([many], env);
    expect(result.code).toBe(2);
    const listed = result.stderr.split('\n').filter((line) => line.startsWith(`${many}:`));
    expect(listed).toHaveLength(50);
    expect(result.stderr).toMatch(/\.\.\. and 30 more invalid records: --report FILE lists them/);
  });

  it('when the working folder holds a .env, then the indexer reads it, and the environment wins over it', () => {
    const home = join(dir, 'env-home');
    mkdirSync(home);
    const one = join(home, 'one.ndjson');
    writeFileSync(one, '{"id":"env-1","title":"T","body":"B","section":"World","publishedAt":"2024-01-01"}\n');
    writeFileSync(join(home, '.env'), `SEARCH_ENGINE=sqlite\nSQLITE_PATH=${join(home, 'from-file.db')}\n`);

    expect(runCli([one], {}, home).code).toBe(0);
    expect(existsSync(join(home, 'from-file.db'))).toBe(true);

    expect(runCli([one], { SQLITE_PATH: join(home, 'from-environment.db') }, home).code).toBe(0);
    expect(existsSync(join(home, 'from-environment.db'))).toBe(true);
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

const script = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
describe.skipIf(!sqliteReady || !script)('indexer CLI, logs', () => {
  if (!script) console.warn('skipped: the `script` command (util-linux) is not there to give the CLI a terminal');
  const pages = join(repo, 'tests/fixtures/pages');
  const env = { SEARCH_ENGINE: 'sqlite', SQLITE_PATH: join(dir, 'logs.db'), LOG_LEVEL: 'info' };

  it('when stderr is a pipe, then log lines are JSON', () => {
    const result = runCli([pages], env);
    const warning = result.stderr.split('\n').find((line) => line.includes('raw pages read in the default zone'));
    expect(JSON.parse(warning ?? '')).toMatchObject({ level: 40, msg: 'raw pages read in the default zone' });
  });

  it('when stderr is a terminal, then log lines are readable text, not JSON', () => {
    const command = [process.execPath, '--import', 'tsx', 'indexer/cli.ts', pages].map((a) => `'${a}'`).join(' ');
    const result = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? '', TERM: 'dumb', NO_COLOR: '1', ...env },
    });
    const output = result.stdout;
    expect(output).toMatch(/WARN.*raw pages read in the default zone/);
    expect(output).toMatch(/INFO.*indexing finished/);
    expect(output).not.toMatch(/\{"level":/);
    expect(output).toMatch(/read 2, indexed 1, invalid 1/);
  });
});
