import express, { Router, type Response } from 'express';
import { basename, join } from 'node:path';
import { projectRoot } from '../../paths.js';

/** Where the build puts the bundled reader page. */
export const WEB_ROOT = join(projectRoot(), 'dist', 'web');

/** Files named by content hash (`app.Q2X7ABCD.js`, scripts/build-web.mjs) never change. */
const HASHED_ASSET = /\.[A-Z0-9]{8}\.(?:js|css)(?:\.map)?$/;

/** A year, immutable, for hashed assets; revalidate (ETag) for the rest, so a deploy shows at once. */
export function webCacheControl(path: string): string {
  return HASHED_ASSET.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The reader page at `/`: static files built from src/web; it talks to the public API only. */
export function webRouter(root: string = WEB_ROOT): Router {
  const router = Router();
  // Mounted even before the first build: serve-static answers from whatever is there now.
  router.use(
    express.static(root, {
      index: 'index.html',
      cacheControl: false,
      redirect: false,
      setHeaders: (res: Response, path: string) => res.setHeader('Cache-Control', webCacheControl(path)),
    }),
  );
  return router;
}
