import { constants } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { IndexerError, IndexerErrorCode } from '../indexer-error.js';
import { describeFileError, readerFor } from './read-source.js';
import { isSettingsFile, SOURCE_SETTINGS_FILE, SourceSettingsLookup } from './source-settings.js';

/** A file to read, or one that cannot be listed (an unreadable sub-folder). */
export interface PlannedFile {
  path: string;
  size: number;
  /** Set when the entry cannot be read; reported as a file error. */
  error?: string;
  /**
   * Absolute folder that a one-article file's path id is relative to: the folder of the
   * `source.json` that applies, else the folder named, else (a file named alone) its own folder.
   */
  idRoot: string;
  /** IANA zone from the `source.json` that applies, if it names one. */
  timezone?: string;
}

/** The files of a run, in reading order, and those skipped for their extension. */
export interface SourcePlan {
  files: PlannedFile[];
  /** Files inside folders with an extension the indexer does not read. */
  skipped: string[];
}

type Listed = Omit<PlannedFile, 'idRoot' | 'timezone'> & { named: string };

/**
 * Expands paths into the files to read: folders recursively, entries in code-point order so
 * that every run reads the same files in the same order. Inside folders, files of unknown
 * formats are skipped (listed); a file named explicitly is always read (and reported if its
 * format is unknown). Each file gets the settings of its `source.json` (see
 * `SourceSettingsLookup`); those files are settings, never articles.
 * @throws IndexerError when a path given explicitly does not exist or cannot be read, or a
 * `source.json` that applies is not valid.
 */
export async function planSources(paths: readonly string[]): Promise<SourcePlan> {
  const listed: Listed[] = [];
  const plan: SourcePlan = { files: [], skipped: [] };
  const seen = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch((error: unknown) => {
      throw new IndexerError(IndexerErrorCode.pathNotFound, `${path}: ${describeFileError(error)}`, { cause: error });
    });
    await access(path, constants.R_OK | (info.isDirectory() ? constants.X_OK : 0)).catch((error: unknown) => {
      throw new IndexerError(IndexerErrorCode.pathUnreadable, `${path}: ${describeFileError(error)}`, { cause: error });
    });
    if (isSettingsFile(path) && info.isFile()) {
      throw new IndexerError(
        IndexerErrorCode.invalidOption,
        `${path}: a ${SOURCE_SETTINGS_FILE} holds the settings of its folder, not articles; name the folder instead`,
      );
    }
    if (info.isDirectory()) await walk(path, resolve(path), { listed, plan, seen });
    else if (info.isFile()) addFile(listed, seen, { path, size: info.size, named: dirname(resolve(path)) });
    else throw new IndexerError(IndexerErrorCode.pathUnreadable, `${path}: not a regular file or folder`);
  }
  const lookup = new SourceSettingsLookup();
  for (const { named, ...file } of listed) {
    const found = await lookup.forFile(file.path);
    const timezone = found?.settings.timezone;
    plan.files.push({ ...file, idRoot: found?.folder ?? named, ...(timezone === undefined ? {} : { timezone }) });
  }
  return plan;
}

interface WalkState {
  listed: Listed[];
  plan: SourcePlan;
  seen: Set<string>;
}

async function walk(dir: string, named: string, state: WalkState): Promise<void> {
  // Symbolic links may loop back to an ancestor; a real path is listed once.
  const real = await realpath(dir);
  if (state.seen.has(real)) return;
  state.seen.add(real);
  let names: string[];
  try {
    names = (await readdir(dir)).sort(byCodePoint);
  } catch (error) {
    state.listed.push({ path: dir, size: 0, error: describeFileError(error), named });
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) await walk(path, named, state);
    else if (!info) state.listed.push({ path, size: 0, error: 'cannot read the file (broken link?)', named });
    else if (info.isFile() && isSettingsFile(path)) continue;
    // Sockets and FIFOs are not documents, and reading a FIFO would block the run.
    else if (info.isFile() && readerFor(path)) addFile(state.listed, state.seen, { path, size: info.size, named });
    else state.plan.skipped.push(path);
  }
}

function addFile(listed: Listed[], seen: Set<string>, file: Listed): void {
  const key = resolve(file.path);
  if (seen.has(key)) return;
  seen.add(key);
  listed.push(file);
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
