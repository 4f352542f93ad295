import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnTs, startServer } from './spawn-server.js';

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
