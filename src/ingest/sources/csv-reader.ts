import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from 'csv-parse';
import { toCsvArticle, toCsvFields, type CsvField } from './csv-columns.js';
import {
  invalidRecord,
  UnreadableFileError,
  valueRecord,
  type ReaderOptions,
  type SourceRecord,
} from './source-record.js';
import { readTextChunks } from './text-stream.js';

interface RawRow {
  record: string[];
  raw: string;
}

const BREAK = /\r\n|\r|\n/g;
const LEADING_BREAKS = /^(?:\r\n|\r|\n)*/;
const countBreaks = (text: string) => text.match(BREAK)?.length ?? 0;

/**
 * `.csv`: a header row naming article fields (see `toCsvFields`), then one article per row.
 * A row with the wrong number of cells is an invalid record; a syntax error that leaves the
 * rest of the file unreadable (an unclosed quote) is a file error.
 */
export async function* readCsv(file: string, options: ReaderOptions): AsyncGenerator<SourceRecord> {
  // `raw` gives each row's text so that start lines can be counted here: csv-parse's own
  // `info.lines` counts a CRLF inside a quoted cell as two lines.
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, raw: true });
  const rows: RawRow[] = [];
  let failure: unknown;
  parser.on('data', (row: RawRow) => rows.push(row));
  parser.on('error', (error) => (failure = error));

  let fields: (CsvField | undefined)[] | undefined;
  let nextLine = 1;
  const drain = function* (): Generator<SourceRecord> {
    for (const { record, raw } of rows.splice(0)) {
      const line = nextLine + countBreaks(LEADING_BREAKS.exec(raw)?.[0] ?? '');
      nextLine += countBreaks(raw);
      if (fields === undefined) fields = toCsvFields(record);
      else if (record.length !== fields.length) {
        yield invalidRecord(file, line, `row has ${record.length} cells, the header has ${fields.length}`);
      } else yield valueRecord(file, line, toCsvArticle(fields, record));
    }
  };

  for await (const chunk of readTextChunks(file, options.onBytes)) {
    parser.write(chunk);
    yield* drain();
    if (failure) break;
  }
  if (!failure) {
    parser.end();
    await nextTurn();
  }
  yield* drain();
  if (failure) {
    const code = (failure as { code?: unknown }).code;
    throw new UnreadableFileError(
      `CSV syntax error in the row starting at line ${nextLine} (${String(code ?? 'parse error')})`,
    );
  }
}
