import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The project root: children run from here so `src/...` paths resolve. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs TypeScript files in one plain node process (no npx/tsx wrapper), so its pid is the one to measure. */
export const TSX_NODE_ARGS = ['--import', 'tsx'] as const;

/** VmRSS and VmHWM (peak) of a live process in bytes, from /proc; undefined once it is gone. */
export function readProcessMemory(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** What a process and its node descendants use together. */
export interface TreeUsage {
  /** Sum of VmRSS (shared pages count once per process, as `ps` shows them). */
  rss: number;
  /** Sum of each process's VmHWM. */
  peak: number;
  /** utime + stime of the processes alive now, in seconds. */
  cpuSeconds: number;
  /** RSS of each process, the root first. */
  each: number[];
}

/**
 * Memory and CPU of `pid` and every descendant whose command is `node` (the workers of a
 * cluster; not tsx's esbuild helper, which a production build does not run). Linux /proc.
 */
export function readProcessTree(pid: number): TreeUsage | undefined {
  const root = readProcessMemory(pid);
  if (!root) return undefined;
  const pids = [pid, ...descendants(pid).filter((p) => commandOf(p) === 'node')];
  const usage: TreeUsage = { rss: 0, peak: 0, cpuSeconds: 0, each: [] };
  for (const p of pids) {
    const memory = p === pid ? root : readProcessMemory(p);
    if (!memory) continue;
    usage.rss += memory.rss;
    usage.peak += memory.peak;
    usage.each.push(memory.rss);
    usage.cpuSeconds += cpuSecondsOf(p) ?? 0;
  }
  return usage;
}

function descendants(pid: number): number[] {
  const out: number[] = [];
  const children = (p: number) => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  for (const child of children(pid)) out.push(child, ...descendants(child));
  return out;
}

function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** utime + stime of a process in seconds (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 1/100 s). */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** How a child process ended and what it used. */
export interface ChildOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  wallMs: number;
  /** Peak RSS: VmHWM polled every 200 ms (the last reading before exit). */
  peakRssBytes: number | undefined;
  stdout: string;
  stderr: string;
}

/** Options of `runChild`. */
export interface RunChildOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  cwd?: string;
}

/** Process groups of children still running, killed if the runner itself exits early. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * Spawns a child in its own process group, polls its peak RSS, and kills the whole group
 * (a wrapper such as /usr/bin/time and what it runs) when it overruns `timeoutMs`, so a
 * peer that cannot finish is reported as such instead of hanging the benchmark.
 */
export function runChild(command: string, args: readonly string[], options: RunChildOptions): Promise<ChildOutcome> {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => liveGroups.forEach(killGroup));
  }
  const started = performance.now();
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    cwd: options.cwd ?? REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid !== undefined) liveGroups.add(child.pid);
  return watchChild(child, started, options.timeoutMs).finally(() => {
    if (child.pid !== undefined) liveGroups.delete(child.pid);
  });
}

function watchChild(child: ChildProcess, started: number, timeoutMs: number): Promise<ChildOutcome> {
  let stdout = '';
  let stderr = '';
  let peak: number | undefined;
  let timedOut = false;
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-20_000)));
  const poll = setInterval(() => {
    const memory = child.pid === undefined ? undefined : readProcessMemory(child.pid);
    if (memory && Number.isFinite(memory.peak)) peak = memory.peak;
  }, 200);
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) killGroup(child.pid);
  }, timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, signal, timedOut, wallMs: performance.now() - started, peakRssBytes: peak, stdout, stderr });
    });
  });
}

/** Bytes -> MiB, for the tables. */
export function toMiB(bytes: number | undefined): number | undefined {
  return bytes === undefined ? undefined : bytes / 1024 / 1024;
}
