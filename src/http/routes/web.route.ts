import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../paths.js';

/** Where the build puts the bundled reader page. */
export const WEB_ROOT = join(projectRoot(), 'dist', 'web');

/** The reader page at `/`: static files built from src/web; it talks to the public API only. */
export function webRouter(root: string = WEB_ROOT): Router {
  const router = Router();
  if (existsSync(root)) router.use(express.static(root, { index: 'index.html', maxAge: '1h' }));
  return router;
}
