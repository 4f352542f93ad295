import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode, NotFoundError } from '../../src/errors.js';
import { fromWireError, toWireError, toWriteError } from '../../src/search/engines/sqlite/write-protocol.js';

const sqliteError = (code: string) => Object.assign(new Error(`sqlite says ${code}`), { code });

describe('toWriteError', () => {
  it('when another process holds the lock (SQLITE_BUSY, SQLITE_LOCKED and their extended codes), then 503 index_busy with Retry-After', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']) {
      const error = toWriteError(sqliteError(code));
      expect(error).toMatchObject({ code: ErrorCode.indexBusy, status: 503 });
      expect(error.headers?.['Retry-After']).toMatch(/^\d+$/);
    }
  });

  it('when SQLite fails otherwise, then 503 engine_unavailable, the vendor message kept out of title and detail', () => {
    const error = toWriteError(sqliteError('SQLITE_FULL'));
    expect(error).toMatchObject({ code: ErrorCode.engineUnavailable, status: 503 });
    expect(`${error.message} ${error.detail}`).not.toMatch(/sqlite/i);
    expect(toWriteError('not even an Error').code).toBe(ErrorCode.engineUnavailable);
  });

  it('when the failure is already one of ours, then it is kept as it is', () => {
    const ours = new NotFoundError();
    expect(toWriteError(ours)).toBe(ours);
  });
});

describe('wire errors', () => {
  it('when an AppError crosses the thread boundary, then it renders the same: code, status, title, detail, headers', () => {
    const original = toWriteError(sqliteError('SQLITE_BUSY'));
    const copy = fromWireError(structuredClone(toWireError(original)));
    expect(copy).toBeInstanceOf(AppError);
    expect(copy).toMatchObject({
      code: original.code,
      status: original.status,
      message: original.message,
      detail: original.detail,
      headers: original.headers,
    });
    expect(copy.cause).toMatchObject({ message: 'sqlite says SQLITE_BUSY', code: 'SQLITE_BUSY' });
  });
});
