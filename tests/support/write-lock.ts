import { spawn } from 'node:child_process';
import { once } from 'node:events';

const repo = new URL('../../', import.meta.url).pathname;

/**
 * Another process that takes a SQLite file's write lock (`BEGIN IMMEDIATE`), as the indexer does
 * in the middle of a batch or a rebuild, and keeps it until `release()`.
 */
export async function holdWriteLock(dbPath: string): Promise<{ release(): Promise<void> }> {
  const script = `
    const db = new (require('better-sqlite3'))(${JSON.stringify(dbPath)});
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    process.stdin.once('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', script], { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  if (line.toString() !== 'locked\n') throw new Error(`the lock holder said: ${line.toString()}`);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      child.stdin.write('release\n');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}
