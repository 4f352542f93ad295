import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { networkInterfaces } from 'node:os';

/** TCP state LISTEN in /proc/net/tcp{,6}. */
const LISTEN = '0A';

/**
 * Socket inodes listening on `port`, from the text of /proc/net/tcp or /proc/net/tcp6
 * (columns: sl, local address as hex ip:port, remote address, state, ..., inode at index 9).
 * @example listeningInodes('  0: 0100007F:1E61 00000000:0000 0A ... 0 0 4242 ...', 7777) -> ['4242']
 */
export function listeningInodes(procNetTcp: string, port: number): string[] {
  return procNetTcp
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      const fields = line.trim().split(/\s+/);
      const local = fields[1]?.split(':')[1];
      if (fields[3] !== LISTEN || local === undefined || Number.parseInt(local, 16) !== port) return [];
      const inode = fields[9];
      return inode && inode !== '0' ? [inode] : [];
    });
}

/** Whether `host` names this machine (loopback, a wildcard, or one of its interface addresses). */
export function isLocalHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (['localhost', '127.0.0.1', '::1', '0.0.0.0', '::'].includes(bare) || bare.startsWith('127.')) return true;
  return Object.values(networkInterfaces()).some((list) => list?.some((i) => i.address === bare));
}

/**
 * The process that listens on a local TCP `port`: the socket's inode from /proc/net, then the
 * process holding it among /proc/<pid>/fd. Undefined when none is found or its descriptors
 * cannot be read (another user's process, another container).
 */
export function findListeningPid(port: number): number | undefined {
  const inodes = new Set(
    ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) => {
      try {
        return listeningInodes(readFileSync(file, 'utf8'), port);
      } catch {
        return [];
      }
    }),
  );
  if (inodes.size === 0) return undefined;
  const wanted = new Set([...inodes].map((inode) => `socket:[${inode}]`));
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (wanted.has(readlinkSync(`/proc/${entry}/fd/${fd}`))) return Number(entry);
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return undefined;
}

/** The command name of a process (/proc/<pid>/comm), undefined once it is gone. */
export function processName(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}
