import { parseRawPage, RawPageError } from './raw-page.js';
import { invalidRecord, valueRecord, type ReaderOptions, type SourceRecord } from './source-record.js';
import { readDocument } from './text-stream.js';

/** A page is one article, read whole; anything larger cannot be one (bodies stop at 1M chars). */
export const MAX_PAGE_CHARS = 4 * 1024 * 1024;

/** `.txt`: one raw article page per file (see `parseRawPage`), reported at line 1; a blank file yields nothing. */
export async function* readRawPage(file: string, options: ReaderOptions): AsyncGenerator<SourceRecord> {
  const text = await readDocument(file, MAX_PAGE_CHARS, options.onBytes);
  if (text === undefined) {
    yield invalidRecord(file, 1, `page larger than ${MAX_PAGE_CHARS} characters`);
    return;
  }
  // Nothing to index is not an invalid article: the run warns about the file, as for an empty .ndjson.
  if (text.trim() === '') return;
  try {
    yield valueRecord(file, 1, parseRawPage(text, { timezone: options.timezone }));
  } catch (error) {
    if (!(error instanceof RawPageError)) throw error;
    yield invalidRecord(file, 1, error.message);
  }
}
