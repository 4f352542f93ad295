import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { REPO, spawnTs, startServer, waitForListening, watch } from './spawn-server.js';

const dir = mkdtempSync(join(tmpdir(), 'server-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KEY = 'sigterm-test-admin-key-01234';

/** Sends the head and half of a POST now; `finish()` sends the rest and resolves with the answer. */
function startSlowUpload(port: number, body: string) {
  const req = httpRequest({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/articles',
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      Authorization: `Bearer ${KEY}`,
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { finish: () => (req.end(body.slice(half)), answer) };
}

/** Resolves with the error code of a fresh connection attempt, or "connected". */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/health', agent: false }, (res) => {
      res.resume();
      resolve(`answered ${res.statusCode}`);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    req.end();
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGTERM', () => {
  it('when SIGTERM arrives during a request, then that request completes, new connections are refused, and it exits 0 within 10 s', async () => {
    const { child, port } = await startServer({ SQLITE_PATH: join(dir, 'sigterm.db'), ADMIN_API_KEY: KEY });
    const article = {
      id: 'in-flight-1',
      title: 'Sent across a shutdown',
      body: 'x '.repeat(5_000),
      section: 'World',
      publishedAt: '2024-01-01',
    };
    const upload = startSlowUpload(port, JSON.stringify(article));
    await delay(300);

    const signalled = Date.now();
    child.process.kill('SIGTERM');
    await delay(300);
    expect(await tryConnect(port)).toBe('ECONNREFUSED');

    const answer = await upload.finish();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ indexed: 1, invalid: [] });

    const exit = await child.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(child.stdout()).toMatch(/"msg":"stopped"/);
  }, 90_000);
});

describe('corrupt database file', () => {
  it.each([
    ['random bytes', randomBytes(64 * 1024)],
    ['a SQLite header followed by garbage', Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(64 * 1024)])],
  ])(
    'when SQLITE_PATH holds %s, then start-up fails with one line naming the file, no stack, exit 1',
    async (_name, bytes) => {
      const path = join(dir, `corrupt-${bytes.length}-${bytes[0]}.db`);
      writeFileSync(path, bytes);
      const child = spawnTs('src/server.ts', [], { PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: path });
      const exit = await child.exited;
      expect(exit.code).toBe(1);
      const lines = child.stderr().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(path);
      expect(lines[0]).toMatch(/not a valid SQLite database/);
      expect(child.stdout() + child.stderr()).not.toMatch(/\n\s+at /);
    },
    60_000,
  );
});

describe('.env', () => {
  it('when the working folder holds a .env, then the server reads it, and the environment wins over it', async () => {
    const home = mkdtempSync(join(dir, 'env-'));
    writeFileSync(join(home, '.env'), `ADMIN_API_KEY=${KEY}\nSQLITE_PATH=${join(home, 'from-file.db')}\n`);
    const { child, listening } = await startServer(
      { SQLITE_PATH: join(home, 'from-environment.db'), SEED_ON_EMPTY: 'false' },
      60_000,
      home,
    );
    child.process.kill('SIGTERM');
    await child.exited;
    expect(listening.writes).toBe(true);
    expect(existsSync(join(home, 'from-environment.db'))).toBe(true);
    expect(existsSync(join(home, 'from-file.db'))).toBe(false);
  }, 90_000);
});

/** Whether a process still runs (signal 0 only checks). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  let serverPid: number | undefined;
  // A failed run must not leave the server it started behind.
  afterEach(() => {
    if (serverPid !== undefined && isAlive(serverPid)) process.kill(serverPid, 'SIGKILL');
    serverPid = undefined;
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'when %s is sent to the npm start process, then the server stops with it and npm exits with its code',
    async (signal) => {
      const npm = watch(
        spawn('npm', ['start'], {
          cwd: REPO,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? dir,
            PORT: '0',
            HOST: '127.0.0.1',
            LOG_LEVEL: 'info',
            SEED_ON_EMPTY: 'false',
            SQLITE_PATH: join(dir, `npm-start-${signal}.db`),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      );
      // The first start may build (tsc and esbuild) on a loaded machine.
      const listening = await waitForListening(npm, 240_000);
      serverPid = listening.pid;
      npm.process.kill(signal);
      expect(await npm.exited).toEqual({ code: 0, signal: null });
      expect(isAlive(listening.pid)).toBe(false);
      expect(npm.stdout()).toMatch(new RegExp(`"signal":"${signal}","msg":"shutting down"`));
    },
    300_000,
  );
});
