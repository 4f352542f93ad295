import type { SearchHit } from '../../search/search.schema.js';

/** The Atom namespace (RFC 4287). */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** The media type of an Atom feed document. */
export const ATOM_TYPE = 'application/atom+xml';
/** `updated` of a feed with no entry: a fixed instant, so that its ETag stays put. */
export const EMPTY_FEED_UPDATED = '1970-01-01T00:00:00Z';

/** Everything a feed document is built from. */
export interface AtomFeedInput {
  /** The feed's permanent id (an IRI). */
  id: string;
  title: string;
  /** This feed's URL. */
  selfUrl: string;
  /** The same search on the reader page. */
  alternateUrl: string;
  /** Where the reader page opens one article: `${articleUrlBase}${encodeURIComponent(id)}`. */
  articleUrlBase: string;
  /** A DNS name for `tag:` ids of articles that have no URL of their own. */
  tagAuthority: string;
  /** Named as the feed's author; entries without a byline fall back to it. */
  publisher: string;
  entries: readonly SearchHit[];
}

/**
 * Search hits -> an Atom 1.0 document (RFC 4287), entries in the order given. Every text and
 * attribute is escaped and stripped of characters XML 1.0 cannot hold.
 * Entry `updated` is the publication time: hits carry no edit time.
 */
export function toAtomFeed(input: AtomFeedInput): string {
  const updated = feedUpdated(input.entries);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="${ATOM_NS}">`,
    `  <id>${text(input.id)}</id>`,
    `  <title type="text">${text(input.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="${ATOM_TYPE}" href="${attr(input.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${attr(input.alternateUrl)}"/>`,
    `  <author><name>${text(input.publisher)}</name></author>`,
    `  <generator>article-search</generator>`,
    ...input.entries.flatMap((hit) => entry(hit, input)),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

/** The newest `updated` of the entries, or the fixed instant of an empty feed. */
export function feedUpdated(entries: readonly Pick<SearchHit, 'publishedAt'>[]): string {
  let newest: string | undefined;
  let newestMs = -Infinity;
  for (const { publishedAt } of entries) {
    const ms = Date.parse(publishedAt);
    if (ms > newestMs) {
      newestMs = ms;
      newest = publishedAt;
    }
  }
  return newest ?? EMPTY_FEED_UPDATED;
}

/**
 * An entry's id: its own URL when it has one, else a `tag:` URI (RFC 4151) from the service's
 * host, the publication day and the article id.
 * @example entryId({ id: 'a-1', url: null, publishedAt: '2021-01-08T03:55:00Z' }, 'news.example.org')
 *   -> 'tag:news.example.org,2021-01-08:article/a-1'
 */
export function entryId(hit: Pick<SearchHit, 'id' | 'url' | 'publishedAt'>, authority: string): string {
  return hit.url ?? `tag:${authority},${hit.publishedAt.slice(0, 10)}:article/${hit.id}`;
}

function entry(hit: SearchHit, input: AtomFeedInput): string[] {
  const link = hit.url ?? `${input.articleUrlBase}${encodeURIComponent(hit.id)}`;
  const summary = hit.summary ?? snippetText(hit.highlight?.snippet ?? '');
  return [
    '  <entry>',
    `    <id>${text(entryId(hit, input.tagAuthority))}</id>`,
    `    <title type="text">${text(hit.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${attr(link)}"/>`,
    `    <published>${text(hit.publishedAt)}</published>`,
    `    <updated>${text(hit.publishedAt)}</updated>`,
    ...hit.authors.map((name) => `    <author><name>${text(name)}</name></author>`),
    `    <category term="${attr(hit.section)}" label="Section: ${attr(hit.section)}"/>`,
    ...hit.tags.map((tag) => `    <category term="${attr(tag)}" label="Tag: ${attr(tag)}"/>`),
    ...(summary.trim() === '' ? [] : [`    <summary type="text">${text(summary)}</summary>`]),
    '  </entry>',
  ];
}

const HTML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * A search snippet (escaped HTML with `<mark>`) -> plain text.
 * @example snippetText('a &lt;b&gt; <mark>c</mark>…') -> 'a <b> c…'
 */
export function snippetText(html: string): string {
  return html.replace(/<\/?mark>/g, '').replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => HTML_ENTITIES[e] ?? e);
}

// Characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/U+FFFF): dropped, never escaped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text -> XML character data or attribute value.
 * @example xmlEscape('<script>"x" & \'y\'') -> '&lt;script&gt;&quot;x&quot; &amp; &apos;y&apos;'
 */
export function xmlEscape(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

const text = xmlEscape;
const attr = xmlEscape;
