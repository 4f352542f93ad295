import { createReadStream } from 'node:fs';
import { UnreadableFileError } from './source-record.js';

/** Bytes inspected for NUL characters, the usual "is this binary?" test (git, grep). */
export const BINARY_SNIFF_BYTES = 8 * 1024;
/** Longest line or single document kept in memory; longer ones are reported, not loaded. */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;

/** One line of a text file, 1-based, without its line ending. */
export interface TextLine {
  line: number;
  text: string;
  /** Set when the line exceeded `MAX_RECORD_CHARS`; `text` is then empty. */
  tooLong?: true;
}

/**
 * Streams a file as decoded UTF-8 text, chunk by chunk. A leading BOM is dropped.
 * @throws UnreadableFileError for a binary file (NUL bytes near the start) or invalid UTF-8.
 */
export async function* readTextChunks(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  // fatal: a latin-1 or binary file must be reported, not indexed as U+FFFD soup.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    if (offset < BINARY_SNIFF_BYTES && chunk.subarray(0, BINARY_SNIFF_BYTES - offset).includes(0)) {
      throw new UnreadableFileError('binary file (NUL bytes), not a text format');
    }
    const text = decodeOrThrow(decoder, chunk, offset);
    offset += chunk.length;
    onBytes?.(chunk.length);
    if (text.length > 0) yield text;
  }
  const rest = decodeOrThrow(decoder, undefined, offset);
  if (rest.length > 0) yield rest;
}

function decodeOrThrow(decoder: TextDecoder, chunk: Buffer | undefined, offset: number): string {
  try {
    return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
  } catch (error) {
    throw new UnreadableFileError(`not valid UTF-8 (near byte ${offset}); convert the file to UTF-8`, { cause: error });
  }
}

/**
 * Streams a text file line by line (LF or CRLF), never holding more than one line.
 * @example "a\r\n\r\nb" -> { line: 1, text: "a" }, { line: 2, text: "" }, { line: 3, text: "b" }
 */
export async function* readLines(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<TextLine> {
  let parts: string[] = [];
  let partsLength = 0;
  let line = 0;
  for await (const chunk of readTextChunks(file, onBytes)) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      line += 1;
      yield toLine(line, parts, partsLength, chunk.slice(start, nl));
      parts = [];
      partsLength = 0;
      start = nl + 1;
    }
    // Parts are joined once per line: repeated concatenation would be quadratic on a long line.
    if (start < chunk.length) {
      // Past the limit the line is only measured, never kept.
      if (partsLength <= MAX_RECORD_CHARS) parts.push(chunk.slice(start));
      partsLength += chunk.length - start;
    }
  }
  if (partsLength > 0) yield toLine(line + 1, parts, partsLength, '');
}

function toLine(line: number, parts: string[], partsLength: number, tail: string): TextLine {
  if (partsLength + tail.length > MAX_RECORD_CHARS) return { line, text: '', tooLong: true };
  const text = parts.length === 0 ? tail : parts.join('') + tail;
  return { line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
}

/**
 * Reads a whole file that holds one document (a page), refusing anything larger than
 * `maxChars` instead of loading it.
 * @returns the text, or `undefined` when it is too large.
 */
export async function readDocument(
  file: string,
  maxChars: number,
  onBytes?: (bytes: number) => void,
): Promise<string | undefined> {
  const parts: string[] = [];
  let length = 0;
  for await (const chunk of readTextChunks(file, onBytes)) {
    length += chunk.length;
    if (length > maxChars) return undefined;
    parts.push(chunk);
  }
  return parts.join('');
}
