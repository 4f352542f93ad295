/** The source readers: files and folders in, raw records with `file:line` out. */
export { readSource, readerFor, READERS, describeFileError } from './read-source.js';
export { planSources, type PlannedFile, type SourcePlan } from './walk-sources.js';
export {
  UnreadableFileError,
  type ReaderOptions,
  type SourceFileError,
  type SourceReader,
  type SourceRecord,
  type SourceRecordError,
  type SourceValue,
} from './source-record.js';
export { readNdjson } from './ndjson-reader.js';
export { readJson } from './json-reader.js';
export { readRawPage } from './txt-reader.js';
export { readCsv } from './csv-reader.js';
export { readHtml } from './html-reader.js';
export { parseRawPage, RawPageError, type RawPageOptions } from './raw-page.js';
export { parseHtmlArticle } from './html-page.js';
export type { PageFields } from './html-metadata.js';
