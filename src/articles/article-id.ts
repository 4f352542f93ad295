import { createHash } from 'node:crypto';

/** Stored ids: what Meilisearch accepts as a primary key and what is safe in a URL path. */
export const ARTICLE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Derives a stable id so that re-indexing the same article updates it instead of
 * adding a copy: from the URL when there is one, else from title + publication time.
 * The rules, the path-based ids of page files included, are written once in docs/indexer.md
 * ("Article ids").
 * @example deriveArticleId({ url: "https://x.org/a" }) -> "u-3kTMd..." (22 chars after the prefix)
 */
export function deriveArticleId(source: { url?: string | undefined; title: string; publishedAt: string }): string {
  if (source.url) return `u-${digest(canonicalUrl(source.url))}`;
  return `t-${digest(`${source.title}\n${source.publishedAt}`)}`;
}

/**
 * The id of a one-article file (a raw .txt or .html page) that gives neither id nor URL: its
 * path from its source folder, that folder's name first, `/`-separated (docs/indexer.md,
 * "Article ids"). A corrected time or headline then updates the same article.
 * @example pathArticleId("pages/2024/ferry.txt") -> "p-..." (22 chars after the prefix)
 */
export function pathArticleId(relativePath: string): string {
  return `p-${digest(relativePath)}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** Ignores what does not identify a page: fragment, letter case of the host, a trailing slash. */
function canonicalUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url.trim();
  }
}
