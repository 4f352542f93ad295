import { extname } from 'node:path';
import { readCsv } from './csv-reader.js';
import { readHtml } from './html-reader.js';
import { readJson } from './json-reader.js';
import { readNdjson } from './ndjson-reader.js';
import {
  fileError,
  UnreadableFileError,
  type ReaderOptions,
  type SourceReader,
  type SourceRecord,
} from './source-record.js';
import { readRawPage } from './txt-reader.js';

/** The reader of each supported extension (lower case, with the dot). */
export const READERS: Readonly<Record<string, SourceReader>> = {
  '.ndjson': readNdjson,
  '.jsonl': readNdjson,
  '.json': readJson,
  '.txt': readRawPage,
  '.csv': readCsv,
  '.html': readHtml,
  '.htm': readHtml,
};

/** The reader for a file name, or `undefined` for a format the indexer does not read. */
export function readerFor(file: string): SourceReader | undefined {
  return READERS[extname(file).toLowerCase()];
}

/**
 * Reads one file with the reader of its extension. Whatever goes wrong with the file itself
 * (unknown format, missing, unreadable, binary, not UTF-8) ends as one `file-error` record,
 * never as an exception, so that one bad file cannot stop a run.
 */
export async function* readSource(file: string, options: ReaderOptions): AsyncGenerator<SourceRecord> {
  const reader = readerFor(file);
  if (!reader) {
    yield fileError(
      file,
      `unsupported file type "${extname(file) || '(none)'}"; expected one of ${Object.keys(READERS).join(', ')}`,
    );
    return;
  }
  try {
    yield* reader(file, options);
  } catch (error) {
    yield fileError(file, describeFileError(error));
  }
}

/** A short reason, without the absolute paths and stack a system error carries. */
export function describeFileError(error: unknown): string {
  if (error instanceof UnreadableFileError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.name : undefined);
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return `cannot read the file${code ? ` (${code})` : ''}`;
  }
}
