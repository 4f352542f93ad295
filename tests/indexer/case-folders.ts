import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach } from 'vitest';

/**
 * A fresh folder per test under one temporary root (removed after the file), for indexer tests
 * that write their sources. `dir()` is the current test's folder; `write` puts a file in it,
 * creating subfolders, and returns its path.
 */
export function caseFolders(prefix: string): {
  dir: () => string;
  write: (name: string, content: string | Buffer) => string;
} {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let current = '';
  let counter = 0;
  beforeEach(() => {
    current = join(root, `case-${(counter += 1)}`);
    mkdirSync(current);
  });
  return {
    dir: () => current,
    write(name, content) {
      const path = join(current, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
  };
}
