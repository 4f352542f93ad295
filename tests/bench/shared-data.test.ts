import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../bench/lib/shared-data.js';

const repo = new URL('../../', import.meta.url).pathname;
const elsewhere = mkdtempSync(join(tmpdir(), 'shared-elsewhere-'));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

describe('where the shared data is looked for', () => {
  it('when SHARED_DATA_DIR is set, then it names the folder; else ../shared beside the checkout', () => {
    expect(sharedDataDir({ SHARED_DATA_DIR: elsewhere })).toBe(elsewhere);
    expect(sharedDataDir({ SHARED_DATA_DIR: 'data/shared' })).toBe(resolve('data/shared'));
    expect(sharedDataDir({})).toBe(resolve(repo, '../shared'));
    expect(sharedDataDir({ SHARED_DATA_DIR: '' })).toBe(resolve(repo, '../shared'));
  });

  it('when npm run eval runs with SHARED_DATA_DIR set, then it looks for the collections there', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/relevance/eval.ts'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? '', SHARED_DATA_DIR: elsewhere },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`No collections at ${join(elsewhere, 'data', 'ir')}`);
  });
});
