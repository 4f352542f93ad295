import { JsonSplitter, TOO_LARGE, type JsonPiece } from './json-splitter.js';
import { describeOtherWrapper, unwrapList } from './json-wrapper.js';
import { jsonErrorMessage } from './ndjson-reader.js';
import { invalidRecord, valueRecord, type ReaderOptions, type SourceRecord } from './source-record.js';
import { MAX_RECORD_CHARS, readTextChunks } from './text-stream.js';

/**
 * `.json`: one article object, an array of them, or an object wrapping the array under
 * `articles`, `items` or `data`. An array is split element by element as it streams in, so
 * memory holds one article at a time; a wrapper object is read whole (up to 32 MB). Each
 * article is reported with the line it starts on.
 */
export async function* readJson(file: string, options: ReaderOptions): AsyncGenerator<SourceRecord> {
  const splitter = new JsonSplitter();
  for await (const chunk of readTextChunks(file, options.onBytes)) {
    for (const piece of splitter.push(chunk)) yield* toRecords(file, piece, splitter.inArray);
  }
  for (const piece of splitter.end()) yield* toRecords(file, piece, splitter.inArray);
}

function toRecords(file: string, piece: JsonPiece, inArray: boolean): SourceRecord[] {
  if ('error' in piece) {
    if (!inArray && piece.error === TOO_LARGE) {
      const mb = MAX_RECORD_CHARS / (1024 * 1024);
      return [
        invalidRecord(
          file,
          piece.line,
          `one JSON value larger than ${mb} MB: write the articles as an array or as NDJSON`,
        ),
      ];
    }
    return [invalidRecord(file, piece.line, `not valid JSON: ${piece.error}`)];
  }
  let value: unknown;
  try {
    value = JSON.parse(piece.text);
  } catch (error) {
    return [invalidRecord(file, piece.line, `not valid JSON: ${jsonErrorMessage(error)}`)];
  }
  if (inArray) return [valueRecord(file, piece.line, value)];
  const wrapped = unwrapList(piece.text, piece.line, value);
  if (wrapped) return wrapped.map((element) => valueRecord(file, element.line, element.value));
  const other = describeOtherWrapper(value);
  return [other === undefined ? valueRecord(file, piece.line, value) : invalidRecord(file, piece.line, other)];
}
