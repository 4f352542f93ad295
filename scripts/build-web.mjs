// Bundles the reader page (src/web) into dist/web with esbuild:
//   app.<hash>.js and app.<hash>.css (cached for a year by web.route.ts), index.html
//   rewritten to point at them (always revalidated), and the other files of src/web/public.
// Usage: node scripts/build-web.mjs [--outdir <dir>] (the e2e test builds into a temp dir).
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const web = join(root, 'src', 'web');
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(values.outdir ?? join(root, 'dist', 'web'));

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const result = await build({
  entryPoints: { app: join(web, 'main.ts'), 'app-style': join(web, 'styles', 'main.css') },
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  format: 'esm',
  platform: 'browser',
  target: ['es2022', 'chrome111', 'firefox111', 'safari16.4'],
  entryNames: '[name].[hash]',
  outdir,
  metafile: true,
  absWorkingDir: root,
  logLevel: 'warning',
});

// Server schemas are imported with `import type` only; a value import would ship server
// code (and zod) to readers, so it fails the build.
const foreign = Object.keys(result.metafile.inputs).filter((input) => !resolve(root, input).startsWith(web + sep));
if (foreign.length > 0) {
  const shown = foreign
    .filter((f) => !f.startsWith('node_modules/'))
    .concat(foreign.filter((f) => f.startsWith('node_modules/')).slice(0, 3));
  process.stderr.write(
    `build-web: the bundle must only hold src/web code; a value import pulled in ${foreign.length} files, e.g.:\n  ${shown.join('\n  ')}\n`,
  );
  process.exit(1);
}

/** The hashed output file of an entry point, e.g. "app.Q2X7ABCD.js". */
function outputOf(entry, ext) {
  const [file] =
    Object.entries(result.metafile.outputs).find(
      ([path, out]) => out.entryPoint !== undefined && resolve(root, out.entryPoint) === entry && path.endsWith(ext),
    ) ?? [];
  if (!file) throw new Error(`build-web: no ${ext} output for ${relative(root, entry)}`);
  return basename(file);
}

const script = outputOf(join(web, 'main.ts'), '.js');
const style = outputOf(join(web, 'styles', 'main.css'), '.css');
const publicDir = join(web, 'public');
for (const name of readdirSync(publicDir)) {
  if (name !== 'index.html') cpSync(join(publicDir, name), join(outdir, name), { recursive: true });
}
const html = readFileSync(join(publicDir, 'index.html'), 'utf8');
const rewritten = html.replace('src="app.js"', `src="${script}"`).replace('href="app.css"', `href="${style}"`);
if (!rewritten.includes(script) || !rewritten.includes(style))
  throw new Error('build-web: index.html must reference app.js and app.css');
writeFileSync(join(outdir, 'index.html'), rewritten);
process.stdout.write(`build-web: ${relative(root, outdir) || outdir} <- ${script}, ${style}\n`);
