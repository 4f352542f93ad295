import Database from 'better-sqlite3';

/**
 * Article ids for the related-articles timing: `count` ids spread evenly over the index (by
 * doc number, so the same index gives the same ids), read from the database the bench built.
 */
export function relatedIds(dbPath: string, count: number): string[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const ids = db.prepare('SELECT id FROM articles ORDER BY doc').pluck().all() as string[];
    if (ids.length === 0 || count <= 0) return [];
    const step = ids.length / Math.min(count, ids.length);
    return Array.from({ length: Math.min(count, ids.length) }, (_, k) => ids[Math.floor(k * step)]!);
  } finally {
    db.close();
  }
}
