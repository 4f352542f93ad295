import { invalidRecord, valueRecord, type ReaderOptions, type SourceRecord } from './source-record.js';
import { readLines } from './text-stream.js';

/**
 * `.ndjson` / `.jsonl`: one article per line. Blank lines are skipped; a line that is not
 * JSON is an invalid record with its line number, and reading goes on.
 */
export async function* readNdjson(file: string, options: ReaderOptions): AsyncGenerator<SourceRecord> {
  for await (const { line, text, tooLong } of readLines(file, options.onBytes)) {
    if (tooLong) {
      yield invalidRecord(file, line, 'line too long to be one article');
      continue;
    }
    if (text.trim() === '') continue;
    try {
      yield valueRecord(file, line, JSON.parse(text));
    } catch (error) {
      yield invalidRecord(file, line, `not valid JSON: ${jsonErrorMessage(error)}`);
    }
  }
}

/** `JSON.parse` messages quote the input; keep only the reason, so a log never echoes a whole line. */
export function jsonErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, "[\s\S]*" is not valid JSON$/, '').slice(0, 200);
}
