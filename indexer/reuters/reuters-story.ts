import { ARTICLE_LIMITS } from '../../src/articles/article.schema.js';
import { sectionForTopics } from './reuters-sections.js';

/** What a Reuters-21578 story becomes: an article input for the indexer. */
export interface ReutersArticle {
  id: string;
  title: string;
  body: string;
  section: string;
  tags: string[];
  authors?: string[];
  publishedAt: string;
  source: 'Reuters';
}

/** A converted story, or why it was skipped. */
export type ReutersResult = { article: ReutersArticle } | { skipped: string };

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
// "26-FEB-1987 15:01:01.79", sometimes with leading spaces or wire codes after it.
const DATE = /^\s*(\d{1,2})-([A-Z]{3})-(\d{4})\s+(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?/;
const SIGN_OFF = /\s*\bReuter\b\s*$/i;

/**
 * One `<REUTERS ...>...</REUTERS>` element (latin-1 text) -> article.
 * Normal stories: TITLE, DATELINE + BODY. `TYPE="BRIEF"`: a headline only, which is then
 * also the body. `TYPE="UNPROC"`: untagged text whose first line is the title.
 * @example toReutersArticle('<REUTERS NEWID="7"><DATE>26-FEB-1987 15:01:01.79</DATE>...')
 *   -> { article: { id: "reuters-7", publishedAt: "1987-02-26T15:01:01.790Z", ... } }
 */
export function toReutersArticle(sgml: string, sections: ReadonlyMap<string, string>): ReutersResult {
  const newId = /<REUTERS\b[^>]*\bNEWID="(\d+)"/.exec(sgml)?.[1];
  if (!newId) return { skipped: 'no NEWID' };
  const publishedAt = parseReutersDate(element(sgml, 'DATE') ?? '');
  if (!publishedAt) return { skipped: 'no valid DATE' };
  const { title, body } = storyText(sgml);
  if (!title && !body) return { skipped: 'no title and no body' };

  const topics = values(sgml, 'TOPICS');
  const tags = [
    ...topics,
    ...values(sgml, 'PLACES'),
    ...values(sgml, 'PEOPLE'),
    ...values(sgml, 'ORGS'),
    ...values(sgml, 'EXCHANGES'),
  ];
  const authors = parseAuthors(element(sgml, 'AUTHOR') ?? '');
  const firstLine = (body ?? '').split('\n', 1)[0] ?? '';
  return {
    article: {
      id: `reuters-${newId}`,
      title: title ?? firstLine.slice(0, ARTICLE_LIMITS.titleChars),
      body: body ?? title ?? '',
      section: sectionForTopics(topics, sections),
      tags: [...new Set(tags)].slice(0, ARTICLE_LIMITS.tags),
      ...(authors.length > 0 ? { authors } : {}),
      publishedAt,
      source: 'Reuters',
    },
  };
}

/** Title and body of the `<TEXT>` element, by its type. */
function storyText(sgml: string): { title?: string; body?: string } {
  const text = element(sgml, 'TEXT') ?? '';
  const type = /<TEXT\b[^>]*\bTYPE="(\w+)"/.exec(sgml)?.[1];
  if (type === 'UNPROC') {
    const lines = withoutSignOff(decode(text))
      .split('\n')
      .map((l) => l.trimEnd());
    const at = lines.findIndex((l) => l.trim() !== '');
    const title = at === -1 ? undefined : oneLine(lines[at] ?? '');
    const rest = lines
      .slice(at + 1)
      .join('\n')
      .replace(/^\n+|\s+$/g, '');
    return { title, body: rest || undefined };
  }
  const title = oneLine(decode(element(text, 'TITLE') ?? '')) || undefined;
  // BRIEF stories carry a placeholder ("Blah blah blah.") instead of a body.
  if (type === 'BRIEF') return { title };
  const dateline = oneLine(decode(element(text, 'DATELINE') ?? ''));
  const paragraphs = toParagraphs(withoutSignOff(decode(element(text, 'BODY') ?? '')));
  if (paragraphs.length === 0) return { title };
  if (dateline) paragraphs[0] = `${dateline} ${paragraphs[0]}`;
  return { title, body: paragraphs.join('\n\n') };
}

/**
 * Wire text is wrapped at ~65 columns and a paragraph starts with an indented line.
 * @example "Showers continued\nthroughout.\n    The dry period" -> ["Showers continued throughout.", "The dry period"]
 */
function toParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  for (const line of text.split('\n')) {
    const startsParagraph = /^\s/.test(line) || paragraphs.length === 0;
    if (line.trim() === '') continue;
    if (startsParagraph) paragraphs.push(line.trim());
    else paragraphs[paragraphs.length - 1] += ` ${line.trim()}`;
  }
  return paragraphs;
}

/**
 * @example parseAuthors("    by Cal Mankowski, Reuters") -> ["Cal Mankowski"]
 */
export function parseAuthors(byline: string): string[] {
  return decode(byline)
    .trim()
    .replace(/^by\s+/i, '')
    .replace(/,?\s*\bReuters?\s*$/i, '')
    .split(/\s*,\s*|\s+and\s+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** @example parseReutersDate("26-FEB-1987 15:01:01.79") -> "1987-02-26T15:01:01.790Z" */
export function parseReutersDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2] ?? '');
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  const time = Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]), ms);
  return month === -1 || Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Content of the first `<TAG>` or `<TAG attr>` element; bodies hold bare `<`, so no real parser. */
function element(sgml: string, tag: string): string | undefined {
  const open = new RegExp(`<${tag}(?:\\s[^>]*)?>`).exec(sgml);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  const end = sgml.indexOf(`</${tag}>`, start);
  return sgml.slice(start, end === -1 ? undefined : end);
}

/** The `<D>` values of a category field: `<PLACES><D>usa</D><D>uk</D></PLACES>` -> ["usa", "uk"]. */
function values(sgml: string, tag: string): string[] {
  const list = element(sgml, tag) ?? '';
  return Array.from(list.matchAll(/<D>([^<]*)<\/D>/g), (m) => decode(m[1] ?? '').trim()).filter((v) => v !== '');
}

/**
 * Character references -> text; wire control codes (`&#2;`, `&#3;`, `&#31;`...) are dropped.
 * @example decode("&#2;A &lt;B&gt; &amp; C&#3;") -> "A <B> & C"
 */
export function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => {
      const n = Number(code);
      return n === 9 || n === 10 || (n >= 32 && n <= 0x10ffff) ? String.fromCodePoint(n) : '';
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\r\n?/g, '\n');
}

const withoutSignOff = (text: string) => text.replace(SIGN_OFF, '');
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
