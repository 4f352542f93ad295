import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The project folder: child processes run from there, as `npm start` would. */
export const REPO = new URL('../../', import.meta.url).pathname;

/** A child process and everything it printed so far. */
export interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** tsx's loader by absolute URL, so that a child can run from any working directory. */
const TSX_LOADER = pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;

/** Runs a TypeScript entry point with tsx, in a clean environment plus `env`, from `cwd` (the project by default). */
export function spawnTs(entry: string, args: readonly string[], env: Record<string, string>, cwd = REPO): Child {
  return watch(
    spawn(process.execPath, ['--import', TSX_LOADER, resolve(REPO, entry), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** Collects what a child prints and when it ends. */
export function watch(child: ChildProcess): Child {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  return { process: child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** The server's "listening" log line, once it is printed. */
export interface Listening {
  port: number;
  pid: number;
  writes: boolean;
}

/** Starts `src/server.ts` (from `cwd`) and resolves with its port once it logs "listening". */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
  cwd = REPO,
): Promise<{ child: Child; port: number; listening: Listening }> {
  const child = spawnTs('src/server.ts', [], { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env }, cwd);
  const listening = await waitForListening(child, timeoutMs);
  return { child, port: listening.port, listening };
}

/** Resolves with the "listening" line a server child prints as JSON on stdout. */
export async function waitForListening(child: Child, timeoutMs = 60_000): Promise<Listening> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const listening = child
      .stdout()
      .split('\n')
      .map((line) => (line.startsWith('{') ? (JSON.parse(line) as Partial<Listening> & { msg?: string }) : {}))
      .find((entry) => 'msg' in entry && entry.msg === 'listening');
    if (listening?.port) return listening as Listening;
    if (child.process.exitCode !== null) throw new Error(`server exited early: ${child.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.process.kill('SIGKILL');
  throw new Error('server did not start in time');
}
