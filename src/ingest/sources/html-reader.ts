import { parseHtmlArticle } from './html-page.js';
import { invalidRecord, valueRecord, type ReaderOptions, type SourceRecord } from './source-record.js';
import { readDocument } from './text-stream.js';

/** Pages carry markup, scripts and styles around the article; beyond this size, skip the page. */
export const MAX_HTML_CHARS = 16 * 1024 * 1024;

/** `.html` / `.htm`: one article page per file (see `parseHtmlArticle`), reported at line 1; a blank file yields nothing. */
export async function* readHtml(file: string, options: ReaderOptions): AsyncGenerator<SourceRecord> {
  const html = await readDocument(file, MAX_HTML_CHARS, options.onBytes);
  if (html === undefined) yield invalidRecord(file, 1, `page larger than ${MAX_HTML_CHARS} characters`);
  else if (html.trim() !== '') yield valueRecord(file, 1, parseHtmlArticle(html));
}
