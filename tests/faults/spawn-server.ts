import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

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

/** Runs a TypeScript entry point with tsx, in a clean environment plus `env`. */
export function spawnTs(entry: string, args: readonly string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

/** Starts `src/server.ts` and resolves with its port once it logs "listening". */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ child: Child; port: number }> {
  const child = spawnTs('src/server.ts', [], { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const listening = child
      .stdout()
      .split('\n')
      .map((line) => (line.startsWith('{') ? (JSON.parse(line) as { msg?: string; port?: number }) : {}))
      .find((entry) => entry.msg === 'listening');
    if (listening?.port) return { child, port: listening.port };
    if (child.process.exitCode !== null) throw new Error(`server exited early: ${child.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.process.kill('SIGKILL');
  throw new Error('server did not start in time');
}
