import type { Request } from 'express';
import { escapeHtml } from '../text/normalize.js';

/**
 * Whether the client wants a page rather than data: a browser's Accept puts `text/html` first;
 * an API client sends `application/json`, `*\/*` or nothing, and keeps problem+json.
 */
export function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'application/problem+json', 'text/html']) === 'text/html';
}

/**
 * The small 404 page for a browser: what was asked for and a way back to the search page. No
 * script or style of its own, so the strict CSP holds.
 * @example notFoundPage("/nope") -> "<!doctype html>...There is no page at <code>/nope</code>...<a href=\"/\">..."
 */
export function notFoundPage(path: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Page not found - Article search</title>
  </head>
  <body>
    <main>
      <h1>Page not found</h1>
      <p>There is no page at <code>${escapeHtml(readablePath(path).slice(0, 200))}</code>.</p>
      <p><a href="/">Go to the search page</a></p>
    </main>
  </body>
</html>
`;
}

/** The path as the reader typed it ("/caf%C3%A9" -> "/café"); as sent when it does not decode. */
function readablePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
