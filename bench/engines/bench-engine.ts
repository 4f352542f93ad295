import { existsSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { FLOOR_TABLES } from '../probes/floor-query.js';
import type { EngineName, EngineTarget } from './engine-target.js';
import { dropMeiliIndex, meiliDocumentCount, meiliUsedDatabaseBytes } from './meili-rest.js';
import type { MeiliConnection } from './meili-source.js';

/** One engine of a run: where its index lives, its version, and what the runner does around it. */
export interface BenchEngine {
  name: EngineName;
  /** The engine's own version: SQLite's `sqlite_version()`, Meilisearch's `GET /version`. */
  version: string;
  target: EngineTarget;
  /** Where the engine runs, for the report. */
  origin: string;
  /** The engine's own server process (Meilisearch), when there is one and it was found. */
  serverMemory(): { rss: number; peak: number } | undefined;
  /** Why there is no server memory figure (undefined for an embedded engine, which has no server). */
  serverMemoryNote: string | undefined;
  /** Deletes the index, so an indexing run starts from nothing. */
  reset(): Promise<void>;
  /** Articles in the index; undefined when there is no index. */
  count(): Promise<number | undefined>;
  /** Bytes the index takes on disk (main file and write-ahead log), undefined when unknown. */
  diskBytes(): Promise<{ main: number; wal: number } | undefined>;
}

/** Removes a database and its WAL/SHM side files, so every run starts from nothing. */
export function removeDatabase(dbPath: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
}

const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);

/** The version of the SQLite library the embedded engine links (better-sqlite3's bundled copy). */
export function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return db.prepare('select sqlite_version()').pluck().get() as string;
  } finally {
    db.close();
  }
}

/** The embedded engine over the database file `dbPath`. */
export function sqliteBenchEngine(dbPath: string): BenchEngine {
  return {
    name: 'sqlite',
    version: sqliteVersion(),
    target: { engine: 'sqlite', dbPath },
    origin: `embedded in the API process (better-sqlite3), ${dbPath}`,
    serverMemory: () => undefined,
    serverMemoryNote: undefined,
    reset: () => Promise.resolve(removeDatabase(dbPath)),
    count() {
      if (!existsSync(dbPath)) return Promise.resolve(undefined);
      const db = new Database(dbPath, { readonly: true, fileMustExist: true });
      try {
        return Promise.resolve(db.prepare(`SELECT count(*) FROM ${FLOOR_TABLES.meta}`).pluck().get() as number);
      } catch {
        return Promise.resolve(undefined);
      } finally {
        db.close();
      }
    },
    diskBytes: () => Promise.resolve({ main: sizeOf(dbPath), wal: sizeOf(`${dbPath}-wal`) }),
  };
}

/**
 * Meilisearch over `connection`, filling the index `indexUid`. Disk use is reported only for a
 * server the run started itself: an existing server's database holds other indexes too.
 */
export function meiliBenchEngine(connection: MeiliConnection, indexUid: string, ownServer: boolean): BenchEngine {
  return {
    name: 'meilisearch',
    version: connection.version,
    target: { engine: 'meilisearch', url: connection.url, apiKey: connection.apiKey, indexUid },
    origin: `${connection.origin}, index ${indexUid}`,
    serverMemory: () => connection.memory(),
    serverMemoryNote: connection.memoryNote,
    reset: () => dropMeiliIndex(connection, indexUid),
    count: () => meiliDocumentCount(connection, indexUid),
    diskBytes: async () => {
      if (!ownServer) return undefined;
      const used = await meiliUsedDatabaseBytes(connection);
      return used === undefined ? undefined : { main: used, wal: 0 };
    },
  };
}
