import { describe, expect, it } from 'vitest';
import { webCacheControl } from '../../src/http/routes/web.route.js';

describe('web static cache headers', () => {
  it.each([
    ['/srv/dist/web/app.TQ7XCZF4.js', 'public, max-age=31536000, immutable'],
    ['/srv/dist/web/app-style.Q3YR5ZCC.css', 'public, max-age=31536000, immutable'],
    ['/srv/dist/web/app.TQ7XCZF4.js.map', 'public, max-age=31536000, immutable'],
    ['/srv/dist/web/index.html', 'no-cache'],
    ['/srv/dist/web/favicon.svg', 'no-cache'],
    ['/srv/dist/web/app.js', 'no-cache'],
  ])('when %s is served, then Cache-Control is %s', (path, expected) => {
    expect(webCacheControl(path)).toBe(expected);
  });
});
