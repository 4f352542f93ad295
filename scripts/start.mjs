// `npm start`: builds when the sources are newer than the build, then runs the server in this
// process. package.json starts it with `exec`, so that npm's shell is replaced by this process:
// the SIGTERM or SIGINT npm passes on reaches the server itself (its graceful shutdown), and npm
// exits with the server's code. Without `exec`, the shell died and left the server running.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist/src/server.js');
// tsc builds incrementally and leaves unchanged outputs (server.js among them) untouched; its
// build info is rewritten by every build that changed anything, so it dates the build.
const buildInfo = join(root, 'dist/.tsbuildinfo');

/** Newest modification time under the given folders. */
function newest(dirs) {
  let latest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else latest = Math.max(latest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(join(root, dir))) walk(join(root, dir));
  return latest;
}

const builtAt = Math.max(
  existsSync(built) ? statSync(built).mtimeMs : 0,
  existsSync(buildInfo) ? statSync(buildInfo).mtimeMs : 0,
);
if (!existsSync(built) || newest(['src', 'indexer']) > builtAt) {
  console.log('Building…');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(built);
