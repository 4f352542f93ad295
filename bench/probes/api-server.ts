import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { childEnv, type EngineTarget } from '../engines/engine-target.js';
import { readProcessTree, REPO_ROOT, type TreeUsage } from '../lib/proc.js';

/** A running API server in its own process. */
export interface ApiServer {
  port: number;
  pid: number;
  /** Milliseconds from spawn until `/ready` answered. */
  startMs: number;
  agent: Agent;
  /** The API's node processes together (a cluster's primary and workers): RSS, VmHWM, CPU seconds. */
  memory(): TreeUsage | undefined;
  stop(): Promise<void>;
}

/** A free loopback port (asked of the OS, then released for the server). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** One GET over a kept-alive connection: status, body, the time until the last byte, and the engine's share (Server-Timing). */
export function timedGet(
  agent: Agent,
  port: number,
  path: string,
): Promise<{ status: number; body: string; ms: number; engineMs?: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - started;
        const engine = /engine;dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''))?.[1];
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms,
          ...(engine === undefined ? {} : { engineMs: Number(engine) }),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Starts the server on `target`'s engine the way production runs it: `npm start`'s script
 * (`scripts/start.mjs`: builds when the sources are newer, then runs `dist/src/server.js` in the
 * same process, so tsx's compiler memory is not counted), with its default WORKERS (a primary
 * and one HTTP worker per core; `workers` overrides). Waits until `/ready` answers, and
 * returns handles to measure and stop it. Memory and CPU are read over the primary and its node
 * children. Rate limiting is off: the benchmark is one client sending thousands of requests.
 */
export async function startApiServer(
  target: EngineTarget,
  options: { readyTimeoutMs: number; workers?: number },
): Promise<ApiServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: REPO_ROOT,
    env: childEnv(target, {
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_ON_EMPTY: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      ...(options.workers === undefined ? {} : { WORKERS: String(options.workers) }),
    }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // If the runner dies (an error, Ctrl-C), the server must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('close', () => process.off('exit', killOnExit));
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4_000)));
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await waitUntilReady(child, agent, port, options.readyTimeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`API server did not become ready: ${(error as Error).message}\n${stderr}`);
  }
  const pid = child.pid!;
  return {
    port,
    pid,
    startMs: performance.now() - started,
    agent,
    memory: () => readProcessTree(pid),
    stop: () => stopChild(child, agent),
  };
}

async function waitUntilReady(child: ChildProcess, agent: Agent, port: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    const answer = await timedGet(agent, port, '/ready').catch(() => undefined);
    if (answer?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from /ready within ${timeoutMs} ms`);
}

/** SIGTERM (graceful shutdown), then SIGKILL if it lingers. */
function stopChild(child: ChildProcess, agent: Agent): Promise<void> {
  agent.destroy();
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('close', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
