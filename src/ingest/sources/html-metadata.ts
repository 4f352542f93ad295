/**
 * Article metadata from an HTML document, one function per vocabulary: schema.org JSON-LD,
 * Open Graph, plain `<meta>` tags, and the markup itself. `html-page.ts` merges them in that
 * order of trust.
 */

/** Article fields a page can give; all optional, validation comes later. */
export interface PageFields {
  url?: string;
  title?: string;
  summary?: string;
  body?: string;
  section?: string;
  tags?: string[];
  authors?: string[];
  publishedAt?: string;
  updatedAt?: string;
  language?: string;
  source?: string;
}

type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const absoluteUrl = (v: unknown): string | undefined => {
  const url = nonEmpty(v);
  return url && /^https?:\/\//i.test(url) ? url : undefined;
};

/** A JSON-LD value that may be a string, a `{ name }` object or a list of either -> names. */
function names(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => {
    const name = isObject(item) ? nonEmpty(item.name) : nonEmpty(item);
    return name === undefined ? [] : [name];
  });
}

/** Every node of a JSON-LD document, including those inside `@graph` and arrays. */
function jsonLdNodes(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdNodes);
  if (!isObject(value)) return [];
  return [value, ...jsonLdNodes(value['@graph'])];
}

const isArticleNode = (node: JsonObject) =>
  names(node['@type']).some((type) => /Article$/.test(type) || type === 'BlogPosting');

/**
 * The first schema.org `NewsArticle` / `Article` (or subtype) of the page's JSON-LD.
 * @example <script type="application/ld+json">{"@type":"NewsArticle","headline":"Hi"}</script> -> { title: "Hi" }
 */
export function fromJsonLd(document: Document): PageFields {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken block elsewhere on the page must not hide the others
    }
    const node = jsonLdNodes(parsed).find(isArticleNode);
    if (node) return fromArticleNode(node);
  }
  return {};
}

function fromArticleNode(node: JsonObject): PageFields {
  const keywords = node.keywords;
  const entity = node.mainEntityOfPage;
  return {
    url: absoluteUrl(node.url) ?? absoluteUrl(isObject(entity) ? entity['@id'] : entity),
    title: nonEmpty(node.headline) ?? nonEmpty(node.name),
    summary: nonEmpty(node.description),
    body: nonEmpty(node.articleBody),
    section: names(node.articleSection)[0],
    tags: typeof keywords === 'string' ? splitList(keywords) : names(keywords),
    authors: names(node.author),
    publishedAt: nonEmpty(node.datePublished),
    updatedAt: nonEmpty(node.dateModified),
    language: names(node.inLanguage)[0],
    source: names(node.publisher)[0],
  };
}

/** Values of `<meta property=...>` (or `name=`, which some sites use for Open Graph). */
function metaValues(document: Document, key: string): string[] {
  const values: string[] = [];
  for (const meta of document.querySelectorAll('meta[content]')) {
    const name = meta.getAttribute('property') ?? meta.getAttribute('name') ?? '';
    const content = nonEmpty(meta.getAttribute('content'));
    if (name.toLowerCase() === key && content !== undefined) values.push(content);
  }
  return values;
}

const firstMeta = (document: Document, ...keys: string[]) =>
  keys.map((key) => metaValues(document, key)[0]).find((v) => v !== undefined);

/** Open Graph and its `article:` namespace. Author values that are profile URLs are skipped. */
export function fromOpenGraph(document: Document): PageFields {
  const locale = firstMeta(document, 'og:locale');
  return {
    url: absoluteUrl(firstMeta(document, 'og:url')),
    title: firstMeta(document, 'og:title'),
    summary: firstMeta(document, 'og:description'),
    section: firstMeta(document, 'article:section'),
    tags: metaValues(document, 'article:tag'),
    authors: metaValues(document, 'article:author').filter((a) => !/^https?:\/\//i.test(a)),
    publishedAt: firstMeta(document, 'article:published_time'),
    updatedAt: firstMeta(document, 'article:modified_time'),
    language: locale?.replace('_', '-'),
    source: firstMeta(document, 'og:site_name'),
  };
}

/** Classic `<meta name=...>` tags: description, author, keywords, date, section. */
export function fromMetaTags(document: Document): PageFields {
  const author = firstMeta(document, 'author');
  const keywords = firstMeta(document, 'keywords');
  return {
    summary: firstMeta(document, 'description'),
    authors: author === undefined ? [] : splitList(author),
    tags: keywords === undefined ? [] : splitList(keywords),
    publishedAt: firstMeta(document, 'date', 'pubdate', 'publishdate', 'dc.date.issued', 'dc.date'),
    section: firstMeta(document, 'section', 'category'),
  };
}

/** What the markup itself says: `<title>` (else `<h1>`), `<html lang>`, the canonical link. */
export function fromMarkup(document: Document): PageFields {
  const text = (selector: string) => nonEmpty(document.querySelector(selector)?.textContent?.replace(/\s+/g, ' '));
  return {
    title: text('title') ?? text('h1'),
    language: nonEmpty(document.documentElement?.getAttribute('lang')),
    url: absoluteUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href')),
  };
}

/** @example splitList("nuclear, energy;  policy") -> ["nuclear", "energy", "policy"] */
function splitList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
