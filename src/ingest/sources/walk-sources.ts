import { constants } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { IndexerError, IndexerErrorCode } from '../indexer-error.js';
import { describeFileError, readerFor } from './read-source.js';

/** A file to read, or one that cannot be listed (an unreadable sub-folder). */
export interface PlannedFile {
  path: string;
  size: number;
  /** Set when the entry cannot be read; reported as a file error. */
  error?: string;
}

/** The files of a run, in reading order, and how many were skipped for their extension. */
export interface SourcePlan {
  files: PlannedFile[];
  skippedFiles: number;
}

/**
 * Expands paths into the files to read: folders recursively, entries in code-point order so
 * that every run reads the same files in the same order. Inside folders, files of unknown
 * formats are skipped (counted); a file named explicitly is always read (and reported if its
 * format is unknown).
 * @throws IndexerError when a path given explicitly does not exist or cannot be read.
 */
export async function planSources(paths: readonly string[]): Promise<SourcePlan> {
  const plan: SourcePlan = { files: [], skippedFiles: 0 };
  const seen = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch((error: unknown) => {
      throw new IndexerError(IndexerErrorCode.pathNotFound, `${path}: ${describeFileError(error)}`, { cause: error });
    });
    await access(path, constants.R_OK | (info.isDirectory() ? constants.X_OK : 0)).catch((error: unknown) => {
      throw new IndexerError(IndexerErrorCode.pathUnreadable, `${path}: ${describeFileError(error)}`, { cause: error });
    });
    if (info.isDirectory()) await walk(path, plan, seen);
    else if (info.isFile()) addFile(plan, seen, path, info.size);
    else throw new IndexerError(IndexerErrorCode.pathUnreadable, `${path}: not a regular file or folder`);
  }
  return plan;
}

async function walk(dir: string, plan: SourcePlan, seen: Set<string>): Promise<void> {
  // Symbolic links may loop back to an ancestor; a real path is listed once.
  const real = await realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  let names: string[];
  try {
    names = (await readdir(dir)).sort(byCodePoint);
  } catch (error) {
    plan.files.push({ path: dir, size: 0, error: describeFileError(error) });
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) await walk(path, plan, seen);
    else if (!info) plan.files.push({ path, size: 0, error: 'cannot read the file (broken link?)' });
    // Sockets and FIFOs are not documents, and reading a FIFO would block the run.
    else if (info.isFile() && readerFor(path)) addFile(plan, seen, path, info.size);
    else plan.skippedFiles += 1;
  }
}

function addFile(plan: SourcePlan, seen: Set<string>, path: string, size: number): void {
  const key = resolve(path);
  if (seen.has(key)) return;
  seen.add(key);
  plan.files.push({ path, size });
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
