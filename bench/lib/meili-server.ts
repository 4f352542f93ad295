import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway Meilisearch for the tests and the benchmark, started from an existing binary
 * (`MEILI_BIN`): a fresh database under the system temp folder, a free loopback port, a random
 * master key, analytics off. The project never builds or ships the server; it only runs one that exists.
 */
export interface MeiliServer {
  readonly url: string;
  readonly masterKey: string;
  /** The server's process id (a new one after `restart`), undefined once it has exited. */
  pid(): number | undefined;
  /** Folder holding the database and the server's log. */
  readonly dir: string;
  /** Whether the process is running. */
  running(): boolean;
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Starts the same server again on the same port, database and key. */
  restart(): Promise<void>;
  /** SIGTERM, then removes the folder. */
  stop(): Promise<void>;
  /** What the server printed, for a failure message. */
  log(): string;
}

/** How long a fresh server gets to answer `/health`. */
const START_TIMEOUT_MS = 30_000;

/** A port nobody listens on now (the OS picks it; a race with another process is unlikely on loopback). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

/** Resolves once `GET /health` answers 200, or rejects after `timeoutMs`. */
export async function waitForHealth(url: string, timeoutMs: number, alive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error('Meilisearch exited during start-up');
    try {
      const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Meilisearch did not answer /health within ${timeoutMs} ms`);
}

/** Starts a throwaway Meilisearch from `bin` (with `extraArgs`, e.g. a payload limit) and resolves once it is healthy. */
export async function startMeiliServer(bin: string, extraArgs: readonly string[] = []): Promise<MeiliServer> {
  const dir = mkdtempSync(join(tmpdir(), 'meili-test-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Hex: a base64url key may start with '-', which the server's argument parser reads as a flag.
  const masterKey = randomBytes(24).toString('hex');
  const logFile = join(dir, 'meilisearch.log');
  let child: ChildProcess | undefined;

  const launch = async () => {
    const log = createWriteStream(logFile, { flags: 'a' });
    await once(log, 'open');
    child = spawn(
      bin,
      [
        '--db-path',
        join(dir, 'data.ms'),
        '--dump-dir',
        join(dir, 'dumps'),
        '--snapshot-dir',
        join(dir, 'snapshots'),
        '--http-addr',
        `127.0.0.1:${port}`,
        `--master-key=${masterKey}`,
        '--no-analytics',
        '--env',
        'development',
        '--log-level',
        'WARN',
        ...extraArgs,
      ],
      // Only what the server needs: no MEILI_* variable of the caller's leaks into its options.
      { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', log, log] },
    );
    const started = child;
    await waitForHealth(url, START_TIMEOUT_MS, () => started.exitCode === null && started.signalCode === null);
  };
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const signal = async (name: NodeJS.Signals) => {
    if (!child || !running()) return;
    const exited = once(child, 'exit');
    child.kill(name);
    await exited;
  };
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };

  try {
    await launch();
  } catch (error) {
    await signal('SIGKILL');
    const printed = log();
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${printed}`, { cause: error });
  }
  return {
    url,
    masterKey,
    dir,
    running,
    pid: () => (running() ? child?.pid : undefined),
    log,
    kill: () => signal('SIGKILL'),
    async restart() {
      await signal('SIGTERM');
      await launch();
    },
    async stop() {
      await signal('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
