import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/** The Atom namespace. */
export const ATOM = 'http://www.w3.org/2005/Atom';

/** One entry of a parsed feed, as a reader would take it. */
export interface AtomEntry {
  id: string;
  title: string;
  link: string | undefined;
  published: string | undefined;
  updated: string;
  authors: string[];
  categories: { term: string; label: string | null }[];
  summary: string | undefined;
}

/** A parsed feed: its own elements and its entries, in document order. */
export interface ParsedFeed {
  id: string;
  title: string;
  updated: string;
  links: { rel: string; type: string | null; href: string }[];
  authors: string[];
  entries: AtomEntry[];
}

/** Parses feed XML strictly: any well-formedness error throws. */
export function parseXml(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(xml, 'application/xml');
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/**
 * What RFC 4287 requires of a feed document that this one breaks (section numbers in the
 * messages); empty when it conforms. Checked: the root, exactly one id/title/updated on the
 * feed and on every entry, absolute IRIs, RFC 3339 dates, authors (on the feed or on every
 * entry), a link rel="alternate" on entries without content, at most one summary/published,
 * at most one alternate link per type, a self link.
 */
export function atomViolations(doc: Document): string[] {
  const problems: string[] = [];
  const feed = doc.documentElement;
  if (!feed || feed.namespaceURI !== ATOM || feed.localName !== 'feed') return ['4.1.1: the root is not atom:feed'];
  const once = (parent: Element, name: string, where: string) => {
    const found = children(parent, name);
    if (found.length !== 1) problems.push(`${where}: ${found.length} atom:${name}, exactly one required`);
    return found[0];
  };
  const atMostOnce = (parent: Element, name: string, where: string) => {
    if (children(parent, name).length > 1) problems.push(`${where}: more than one atom:${name}`);
  };
  const checkDate = (el: Element | undefined, where: string) => {
    if (el && !RFC3339.test(text(el))) problems.push(`3.3 ${where}: "${text(el)}" is not an RFC 3339 date-time`);
  };
  const checkId = (el: Element | undefined, where: string) => {
    if (el && !ABSOLUTE_IRI.test(text(el))) problems.push(`4.2.6 ${where}: "${text(el)}" is not an absolute IRI`);
  };
  const alternatesPerType = (parent: Element, where: string) => {
    const types = children(parent, 'link')
      .filter((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate')
      .map((l) => l.getAttribute('type') ?? '');
    if (new Set(types).size !== types.length) problems.push(`${where}: two alternate links of one type`);
    return types.length;
  };
  checkId(once(feed, 'id', '4.1.1 feed'), 'feed');
  once(feed, 'title', '4.1.1 feed');
  checkDate(once(feed, 'updated', '4.1.1 feed'), 'feed updated');
  alternatesPerType(feed, '4.1.1 feed');
  if (!children(feed, 'link').some((l) => l.getAttribute('rel') === 'self'))
    problems.push('4.1.1 feed: no link rel="self" (SHOULD)');
  const feedHasAuthor = children(feed, 'author').length > 0;
  children(feed, 'entry').forEach((entry, i) => {
    const where = `4.1.2 entry ${i + 1}`;
    checkId(once(entry, 'id', where), `entry ${i + 1}`);
    once(entry, 'title', where);
    checkDate(once(entry, 'updated', where), `entry ${i + 1} updated`);
    atMostOnce(entry, 'summary', where);
    atMostOnce(entry, 'published', where);
    checkDate(children(entry, 'published')[0], `entry ${i + 1} published`);
    if (!feedHasAuthor && children(entry, 'author').length === 0) problems.push(`${where}: no atom:author`);
    for (const author of children(entry, 'author')) once(author, 'name', `3.2 ${where} author`);
    const alternates = alternatesPerType(entry, where);
    if (children(entry, 'content').length === 0 && alternates === 0)
      problems.push(`${where}: no atom:content and no link rel="alternate"`);
  });
  return problems;
}

/** The feed's elements as plain values. */
export function readFeed(doc: Document): ParsedFeed {
  const feed = doc.documentElement!;
  return {
    id: text(children(feed, 'id')[0]),
    title: text(children(feed, 'title')[0]),
    updated: text(children(feed, 'updated')[0]),
    links: children(feed, 'link').map((l) => ({
      rel: l.getAttribute('rel') ?? 'alternate',
      type: l.getAttribute('type'),
      href: l.getAttribute('href') ?? '',
    })),
    authors: children(feed, 'author').map((a) => text(children(a, 'name')[0])),
    entries: children(feed, 'entry').map((entry) => ({
      id: text(children(entry, 'id')[0]),
      title: text(children(entry, 'title')[0]),
      link:
        children(entry, 'link')
          .find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate')
          ?.getAttribute('href') ?? undefined,
      published: children(entry, 'published')[0] ? text(children(entry, 'published')[0]) : undefined,
      updated: text(children(entry, 'updated')[0]),
      authors: children(entry, 'author').map((a) => text(children(a, 'name')[0])),
      categories: children(entry, 'category').map((c) => ({
        term: c.getAttribute('term') ?? '',
        label: c.getAttribute('label'),
      })),
      summary: children(entry, 'summary')[0] ? text(children(entry, 'summary')[0]) : undefined,
    })),
  };
}

function children(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    const el = node as Element;
    if (node.nodeType === 1 && el.namespaceURI === ATOM && el.localName === name) out.push(el);
  }
  return out;
}

function text(el: Element | undefined): string {
  return el?.textContent ?? '';
}
