import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError, ErrorCode } from '../../../errors.js';
import { MIGRATIONS, SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';

export type Db = Database.Database;

/** Raised when the database file cannot be used; the message names the file, never a stack. */
export class DatabaseFileError extends AppError {
  constructor(path: string, reason: string, cause?: unknown) {
    super(ErrorCode.engineUnavailable, 503, `Cannot use the database file ${path}: ${reason}`, { cause });
    this.name = 'DatabaseFileError';
  }
}

interface OpenOptions {
  path: string;
  /** Readers never create the file or the schema. */
  readonly?: boolean;
  /** Page cache in MiB. */
  cacheMiB?: number;
}

/**
 * Opens (and for writers creates) the database with the pragmas both sides rely on.
 * A file that is not a database, or one from a newer schema, is a `DatabaseFileError`.
 */
export function openDatabase({ path, readonly = false, cacheMiB = 64 }: OpenOptions): Db {
  if (path !== ':memory:' && !readonly) mkdirSync(dirname(path), { recursive: true });
  if (readonly && path !== ':memory:' && !existsSync(path)) {
    throw new DatabaseFileError(path, 'the file does not exist');
  }
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: readonly });
    db.pragma('busy_timeout = 5000');
    if (!readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`cache_size = -${cacheMiB * 1024}`);
    db.pragma('temp_store = FILE');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    throw new DatabaseFileError(path, describeSqliteError(error), error);
  }
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new DatabaseFileError(path, `it was written by a newer version (schema ${version})`);
  }
  if (!readonly && version < SCHEMA_VERSION) upgrade(db, path);
  return db;
}

/** Creates the schema on a new file, or migrates an older one, in one transaction. */
function upgrade(db: Db, path: string): void {
  try {
    db.transaction(() => {
      // Another process may have upgraded the file while this one waited for the lock.
      const now = Number(db.pragma('user_version', { simple: true }));
      if (now >= SCHEMA_VERSION) return;
      if (now > 0) {
        for (let v = now + 1; v <= SCHEMA_VERSION; v++) {
          const step = MIGRATIONS[v];
          step?.(db);
        }
      }
      db.exec(SCHEMA_SQL);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
  } catch (error) {
    db.close();
    throw new DatabaseFileError(path, `its schema could not be upgraded (${describeSqliteError(error)})`, error);
  }
}

function describeSqliteError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return 'the file is not a valid SQLite database (corrupt?)';
  if (code === 'SQLITE_CANTOPEN') return 'the file cannot be opened (missing folder or no permission)';
  if (code === 'SQLITE_READONLY') return 'the file is read-only';
  if (code === 'SQLITE_BUSY') return 'the file is locked by another process';
  return code ? `SQLite error ${code}` : 'unknown error';
}
