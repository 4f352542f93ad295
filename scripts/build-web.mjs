// Bundles the reader page (src/web) into dist/web with esbuild.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const entry = `${root}src/web/main.ts`;
mkdirSync(`${root}dist/web`, { recursive: true });
if (existsSync(entry)) {
  await build({ entryPoints: [entry], bundle: true, minify: true, sourcemap: true, format: 'esm', target: 'es2022', outfile: `${root}dist/web/app.js` });
  cpSync(`${root}src/web/public`, `${root}dist/web`, { recursive: true });
}
