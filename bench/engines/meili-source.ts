import { findListeningPid, isLocalHost, processName } from '../lib/listening-pid.js';
import { startMeiliServer } from '../lib/meili-server.js';
import { readProcessMemory } from '../lib/proc.js';
import { meiliVersion, type MeiliEndpoint } from './meili-rest.js';

/**
 * Where the Meilisearch server of a side-by-side run comes from: an existing one
 * (`MEILI_URL`, `MEILI_API_KEY`) or a throwaway one started from a binary (`MEILI_BIN`).
 */
export type MeiliSource = { kind: 'url'; url: string; apiKey: string | undefined } | { kind: 'bin'; bin: string };

/** The error when Meilisearch is asked for and no server is named. */
export const NO_MEILI_SERVER =
  'the meilisearch engine needs a server: set MEILI_BIN=/path/to/meilisearch (a throwaway server is started ' +
  'and stopped) or MEILI_URL=http://127.0.0.1:7700 (and MEILI_API_KEY) of a running one';

/**
 * The environment -> the server to use. `MEILI_URL` wins over `MEILI_BIN`, as in the tests'
 * global setup (which sets `MEILI_URL` to the server it started). Undefined when neither is set.
 */
export function meiliSourceFrom(env: NodeJS.ProcessEnv): MeiliSource | undefined {
  const { MEILI_URL: url, MEILI_API_KEY: apiKey, MEILI_BIN: bin } = env;
  if (url) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) throw new Error(`MEILI_URL is not an http(s) URL`);
    return { kind: 'url', url, apiKey: apiKey || undefined };
  }
  return bin ? { kind: 'bin', bin } : undefined;
}

/** A server the run can use, with what the report says about it. */
export interface MeiliConnection extends MeiliEndpoint {
  /** `GET /version`'s `pkgVersion`. */
  version: string;
  /** Where it came from, for the report. */
  origin: string;
  /** The server process's VmRSS and VmHWM, undefined when it could not be found on this machine. */
  memory(): { rss: number; peak: number } | undefined;
  /** Why `memory()` is undefined, when it is. */
  memoryNote: string | undefined;
  /** The server's process id when it runs on this machine (for its CPU time), else undefined. */
  pid(): number | undefined;
  /** Stops a server the run started; leaves an existing one running. */
  close(): Promise<void>;
}

/** Starts or reaches the server, and reads its version (a wrong key or URL fails here, before any work). */
export async function connectMeili(source: MeiliSource): Promise<MeiliConnection> {
  if (source.kind === 'bin') {
    const server = await startMeiliServer(source.bin).catch((error: unknown) => {
      throw new Error(`MEILI_BIN=${source.bin} did not start: ${(error as Error).message}`, { cause: error });
    });
    try {
      const endpoint = { url: server.url, apiKey: server.masterKey };
      return {
        ...endpoint,
        version: await meiliVersion(endpoint),
        origin: `throwaway server from MEILI_BIN on ${server.url}`,
        memory: () => {
          const pid = server.pid();
          return pid === undefined ? undefined : readProcessMemory(pid);
        },
        memoryNote: undefined,
        pid: () => server.pid(),
        close: () => server.stop(),
      };
    } catch (error) {
      await server.stop();
      throw error;
    }
  }
  const endpoint = { url: source.url, apiKey: source.apiKey };
  const version = await meiliVersion(endpoint).catch((error: unknown) => {
    throw new Error(`MEILI_URL did not answer: ${(error as Error).message}`, { cause: error });
  });
  const found = localServerPid(source.url);
  return {
    ...endpoint,
    version,
    origin: 'existing server from MEILI_URL',
    memory: () => (found.pid === undefined ? undefined : readProcessMemory(found.pid)),
    memoryNote: found.note,
    pid: () => found.pid,
    close: () => Promise.resolve(),
  };
}

/**
 * The pid of an existing server when it runs on this machine and this user may read its
 * descriptors, found by the socket listening on the URL's port; otherwise why not.
 */
function localServerPid(url: string): { pid: number | undefined; note: string | undefined } {
  const { hostname, port, protocol } = new URL(url);
  if (!isLocalHost(hostname)) return { pid: undefined, note: 'not measured: MEILI_URL is not on this machine' };
  const portNumber = Number(port || (protocol === 'https:' ? 443 : 80));
  const pid = findListeningPid(portNumber);
  if (pid === undefined) {
    return { pid: undefined, note: `not measured: no readable process listens on port ${portNumber}` };
  }
  const name = processName(pid) ?? '?';
  // A proxy (docker-proxy, nginx) holds the port of a server that runs elsewhere.
  if (!/meili/i.test(name)) {
    return { pid: undefined, note: `not measured: port ${portNumber} is held by "${name}", not by Meilisearch` };
  }
  return { pid, note: undefined };
}
