import type { ArticleInput } from '../../articles/article.schema.js';
import { formatUtc } from '../../articles/dates.js';
import { splitDateline } from './dateline.js';
import { leadSentence } from './lead-sentence.js';
import { zonedTimeToUtc } from './zoned-time.js';

/**
 * A raw article page as copied from a news site (see seed/pages/*.txt):
 *
 * ```
 * Go to Contents Go to Navigation          <- page chrome, dropped
 * <title>
 * <Section> HH:MM <Month> DD, YYYY         <- local time of `timezone`
 * By <Author>[, <Author>] [and <Author>]   <- optional
 * <paragraphs, separated by blank lines>
 * Send Feedback / How can we improve? / Thanks for your feedback!   <- footer, dropped
 * ```
 */

/** Thrown when a page lacks a part every article needs; the message names the part. */
export class RawPageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RawPageError';
  }
}

/** Options of `parseRawPage`. */
export interface RawPageOptions {
  /** IANA zone the page's times are written in; default UTC. */
  timezone?: string;
}

const CHROME_LINES = new Set([
  'Go to Contents Go to Navigation',
  'Go to Contents',
  'Go to Navigation',
  'Send Feedback',
  'How can we improve?',
  'Thanks for your feedback!',
]);

// "North Korea 03:55 January 08, 2021": the section is everything before the time.
const SECTION_LINE = /^(\S.*?)\s+(\d{1,2}):(\d{2})\s+(\p{L}+)\.?\s+(\d{1,2}),\s*(\d{4})$/u;
const BYLINE = /^By\s+(\S.*)$/;
const MONTHS = 'january february march april may june july august september october november december'.split(' ');

/**
 * Raw page text -> article input (not yet validated): title, section, publishedAt (UTC),
 * authors, body (paragraphs joined by a blank line) and summary (the lead sentence, without
 * its dateline).
 * @throws RawPageError when the title, the section/date line or the body is missing.
 */
export function parseRawPage(text: string, options: RawPageOptions = {}): ArticleInput {
  const lines = contentLines(text);
  const titleAt = lines.findIndex((l) => l !== '');
  const title = lines[titleAt];
  if (title === undefined) throw new RawPageError('empty page: missing the title');
  if (SECTION_LINE.test(title)) throw new RawPageError('missing the title before the section/date line');

  let section: { section: string; publishedAt: string } | undefined;
  let authors: string[] = [];
  let next = titleAt + 1;
  // The header is the title plus the section/date line and the byline, in either order.
  for (let i = next; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    if (!section && SECTION_LINE.test(line)) section = parseSectionLine(line, options.timezone ?? 'UTC');
    else if (authors.length === 0 && BYLINE.test(line)) authors = parseByline(line);
    else break;
    next = i + 1;
  }
  if (!section) throw new RawPageError('missing the "<Section> HH:MM <Month> DD, YYYY" line after the title');

  const paragraphs = toParagraphs(lines.slice(next));
  const lead = paragraphs[0];
  if (lead === undefined) throw new RawPageError('missing the body text');
  return {
    title,
    section: section.section,
    publishedAt: section.publishedAt,
    ...(authors.length > 0 ? { authors } : {}),
    // The dateline ("SEOUL, Jan. 7 (Yonhap) --") stays in the body, where the place is read in context.
    summary: leadSentence(splitDateline(lead).text),
    body: paragraphs.join('\n\n'),
  };
}

/** Lines without page chrome, right-trimmed; a BOM and CRLF endings are tolerated. */
function contentLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => !CHROME_LINES.has(line.trim()));
}

/** Blank-line separated paragraphs; lines inside one paragraph keep their line breaks. */
function toParagraphs(lines: string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of [...lines, '']) {
    if (line.trim() !== '') current.push(line.trim());
    else if (current.length > 0) {
      paragraphs.push(current.join('\n'));
      current = [];
    }
  }
  return paragraphs;
}

/**
 * @example parseSectionLine("North Korea 03:55 January 08, 2021", "Asia/Seoul")
 *   -> { section: "North Korea", publishedAt: "2021-01-07T18:55:00Z" }
 */
function parseSectionLine(line: string, timezone: string): { section: string; publishedAt: string } {
  const [, section = '', hour, minute, monthName = '', day, year] = SECTION_LINE.exec(line) ?? [];
  const month = monthNumber(monthName);
  const wall = { year: Number(year), month, day: Number(day), hour: Number(hour), minute: Number(minute) };
  if (month === 0 || wall.hour > 23 || wall.minute > 59 || !isRealDay(wall.year, wall.month, wall.day)) {
    throw new RawPageError(`invalid date in the section/date line: "${line.slice(0, 80)}"`);
  }
  return { section, publishedAt: formatUtc(zonedTimeToUtc(wall, timezone)) };
}

/** "January", "Jan" or "Sept" -> 1-based month; 0 when it is not a month name. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex(
    (m) => m === lower || m.slice(0, 3) === lower || (lower === 'sept' && m === 'september'),
  );
  return index + 1;
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * @example parseByline("By Kim Min-seo, Hana Seo and Park Ji-hoon") -> ["Kim Min-seo", "Hana Seo", "Park Ji-hoon"]
 */
function parseByline(line: string): string[] {
  const names = BYLINE.exec(line)?.[1] ?? '';
  return names
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
