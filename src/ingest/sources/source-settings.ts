import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { IndexerError, IndexerErrorCode } from '../indexer-error.js';
import { jsonErrorMessage } from './ndjson-reader.js';
import { isValidTimeZone } from './zoned-time.js';

/** The file beside the pages that describes their folder (and every folder below it). */
export const SOURCE_SETTINGS_FILE = 'source.json';

/** What a `source.json` may say; anything else is refused, so that a typo is never ignored. */
export const SourceSettingsSchema = z.strictObject({
  timezone: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA zone name, e.g. Asia/Seoul')
    .optional()
    .describe('IANA zone of the times written on the raw .txt pages of this folder'),
});

/** Parsed settings of a source folder. */
export type SourceSettings = z.output<typeof SourceSettingsSchema>;

/** The settings that apply to a folder, and the folder whose `source.json` gave them. */
export interface FolderSettings {
  folder: string;
  settings: SourceSettings;
}

/** Whether a path names a settings file rather than articles. */
export const isSettingsFile = (path: string): boolean => basename(path) === SOURCE_SETTINGS_FILE;

/**
 * Finds the `source.json` that applies to a folder: its own, else the nearest one above it,
 * like `.editorconfig`. Each folder is looked up once per run.
 * @throws IndexerError (`invalid_source_settings`) naming the file when it is not valid.
 */
export class SourceSettingsLookup {
  readonly #byFolder = new Map<string, Promise<FolderSettings | undefined>>();

  /** The settings of the folder holding `file`. */
  forFile(file: string): Promise<FolderSettings | undefined> {
    return this.forFolder(dirname(resolve(file)));
  }

  forFolder(folder: string): Promise<FolderSettings | undefined> {
    let found = this.#byFolder.get(folder);
    if (!found) {
      found = this.#find(folder);
      this.#byFolder.set(folder, found);
    }
    return found;
  }

  async #find(folder: string): Promise<FolderSettings | undefined> {
    const path = join(folder, SOURCE_SETTINGS_FILE);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) return { folder, settings: parseSourceSettings(await readFile(path, 'utf8'), path) };
    const parent = dirname(folder);
    return parent === folder ? undefined : this.forFolder(parent);
  }
}

/**
 * The text of a `source.json` -> settings.
 * @example parseSourceSettings('{ "timezone": "Asia/Seoul" }', "pages/source.json") -> { timezone: "Asia/Seoul" }
 * @throws IndexerError naming the file and the problem.
 */
export function parseSourceSettings(text: string, path: string): SourceSettings {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(path, `not valid JSON: ${jsonErrorMessage(error)}`);
  }
  const parsed = SourceSettingsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys')
      return `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (issue.path.length === 0) return 'must be an object';
    return `${issue.path.join('.')} ${issue.message}`;
  });
  throw invalid(path, problems.join('; '));
}

function invalid(path: string, problem: string): IndexerError {
  return new IndexerError(
    IndexerErrorCode.invalidSourceSettings,
    `${path}: ${problem}. A ${SOURCE_SETTINGS_FILE} holds folder settings, such as { "timezone": "Asia/Seoul" }; rename it if it holds articles`,
  );
}
