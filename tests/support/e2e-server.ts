import express from 'express';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webRouter } from '../../src/http/routes/web.route.js';
import { loadSeedArticles } from './seed-articles.js';
import { createSqliteEngine } from './sqlite-engine.js';
import { createTestApp } from './test-app.js';

/** The policy the page must work under (the production app sets it with helmet too). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const ROOT = new URL('../../', import.meta.url).pathname;

/** A running app for the browser tests. */
export interface E2eServer {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Builds the page from the current sources into a temp folder (not dist/, which other
 * builds may be using), indexes the seed corpus into a temp SQLite file, and serves both
 * on 127.0.0.1 with a strict Content-Security-Policy.
 */
export async function startE2eServer(): Promise<E2eServer> {
  const webDir = mkdtempSync(join(tmpdir(), 'article-search-web-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs'), '--outdir', webDir], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  const { engine, cleanup } = await createSqliteEngine(loadSeedArticles());
  const outer = express();
  outer.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', STRICT_CSP);
    next();
  });
  outer.use(webRouter(webDir));
  outer.use(createTestApp(engine));
  const server = await new Promise<ReturnType<typeof outer.listen>>((resolve) => {
    const s = outer.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await cleanup();
      rmSync(webDir, { recursive: true, force: true });
    },
  };
}
