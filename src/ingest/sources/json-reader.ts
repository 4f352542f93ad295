import { JsonSplitter, type JsonPiece } from './json-splitter.js';
import { jsonErrorMessage } from './ndjson-reader.js';
import { invalidRecord, valueRecord, type ReaderOptions, type SourceRecord } from './source-record.js';
import { readTextChunks } from './text-stream.js';

/**
 * `.json`: one article object or an array of them. The array is split element by element
 * as it streams in, so memory holds one article at a time; each is reported with the line
 * it starts on.
 */
export async function* readJson(file: string, options: ReaderOptions): AsyncGenerator<SourceRecord> {
  const splitter = new JsonSplitter();
  for await (const chunk of readTextChunks(file, options.onBytes)) {
    for (const piece of splitter.push(chunk)) yield toRecord(file, piece);
  }
  for (const piece of splitter.end()) yield toRecord(file, piece);
}

function toRecord(file: string, piece: JsonPiece): SourceRecord {
  if ('error' in piece) return invalidRecord(file, piece.line, `not valid JSON: ${piece.error}`);
  try {
    return valueRecord(file, piece.line, JSON.parse(piece.text));
  } catch (error) {
    return invalidRecord(file, piece.line, `not valid JSON: ${jsonErrorMessage(error)}`);
  }
}
