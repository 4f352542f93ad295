/**
 * What every source reader yields: raw values tagged with where they came from, so that
 * an invalid article can be reported as `file:line`. Validation happens later, in one place
 * (`ArticleInputSchema`), never in a reader.
 */

/** One raw article value and where it starts (1-based line). */
export interface SourceValue {
  kind: 'value';
  source: string;
  line: number;
  value: unknown;
}

/** A record that could not even be read as a value (malformed JSON line, bad page...). */
export interface SourceRecordError {
  kind: 'invalid';
  source: string;
  line: number;
  error: string;
}

/**
 * The file as a whole could not be read, or not to its end (unreadable, binary, not UTF-8,
 * unknown format): it has no line to point at. The indexer refuses `--sync` after one of these.
 */
export interface SourceFileError {
  kind: 'file-error';
  source: string;
  error: string;
}

/** Anything a reader yields. */
export type SourceRecord = SourceValue | SourceRecordError | SourceFileError;

/** Options every reader accepts. */
export interface ReaderOptions {
  /** IANA zone for dates written without one (raw .txt pages). */
  timezone: string;
  /** Called with the size of each chunk read from disk, for progress. */
  onBytes?: (bytes: number) => void;
}

/** A reader: one file in, its records out, streaming. */
export type SourceReader = (file: string, options: ReaderOptions) => AsyncIterable<SourceRecord>;

/**
 * Thrown inside a reader when the file cannot be read to its end; `readSource` turns it
 * into a `SourceFileError` record so that one bad file never stops a run.
 */
export class UnreadableFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnreadableFileError';
  }
}

/** Builds a value record. */
export const valueRecord = (source: string, line: number, value: unknown): SourceValue => ({
  kind: 'value',
  source,
  line,
  value,
});

/** Builds a record-level error. */
export const invalidRecord = (source: string, line: number, error: string): SourceRecordError => ({
  kind: 'invalid',
  source,
  line,
  error,
});

/** Builds a file-level error. */
export const fileError = (source: string, error: string): SourceFileError => ({ kind: 'file-error', source, error });
