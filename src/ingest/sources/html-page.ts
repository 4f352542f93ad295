import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { fromJsonLd, fromMarkup, fromMetaTags, fromOpenGraph, type PageFields } from './html-metadata.js';

// Leaf text blocks of Readability's output; each becomes one paragraph of the body.
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td';

/**
 * An HTML article page -> article fields (not yet validated). Metadata comes from JSON-LD
 * first, then Open Graph, then `<meta>` tags, then `<title>`/`<h1>`; for each field the
 * first source that has it wins. The body is the JSON-LD `articleBody` when the publisher
 * gives one, else the main text found by Mozilla Readability, paragraphs separated by a
 * blank line.
 */
export function parseHtmlArticle(html: string): PageFields {
  const { document } = parseHTML(html);
  // Metadata first: Readability rewrites the document it reads.
  const fields = mergeFields([
    fromJsonLd(document),
    fromOpenGraph(document),
    fromMetaTags(document),
    fromMarkup(document),
  ]);
  const body = fields.body ?? readableText(document, fields.title);
  return body === undefined ? fields : { ...fields, body };
}

/** For each field, the first source that has a value (a non-empty list for tags and authors). */
export function mergeFields(sources: readonly PageFields[]): PageFields {
  const merged: PageFields = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source) as [keyof PageFields, PageFields[keyof PageFields]][]) {
      if (value === undefined || (Array.isArray(value) && value.length === 0) || merged[key] !== undefined) continue;
      Object.assign(merged, { [key]: value });
    }
  }
  return merged;
}

/** The page's main text, one paragraph per block; the heading repeating the title is dropped. */
function readableText(document: Document, title: string | undefined): string | undefined {
  // Short pages are still articles: the default 500-character threshold would reject them.
  const article = new Readability(document, { charThreshold: 0, serializer: (node: Node) => node }).parse();
  const content = article?.content;
  if (!content || !isElement(content)) return undefined;
  const blocks = [...content.querySelectorAll(BLOCKS)]
    .filter((block) => block.querySelector(BLOCKS) === null)
    .map((block) => (block.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
  if (blocks.length > 0 && title !== undefined && sameText(blocks[0] ?? '', title)) blocks.shift();
  const text = blocks.length > 0 ? blocks.join('\n\n') : (article.textContent ?? '').trim();
  return text === '' ? undefined : text;
}

const isElement = (node: Node): node is Element => typeof (node as Element).querySelectorAll === 'function';
const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
