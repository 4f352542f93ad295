/**
 * Child process: the floor. Raw FTS5 `count(*)` of the same matches as each query, with no
 * ranking, no facets, no highlighting: what the engine cannot beat on this machine.
 * Run as `node --import tsx bench/probes/floor-probe.ts <job.json> <out.json>`.
 *
 * @remarks The bench is a measuring tool, so it reads the engine's file directly; the table
 * names follow `src/search/engines/sqlite/schema.ts` and must move with it.
 */
import Database from 'better-sqlite3';
import { emptyOutput, ProbeJobSchema, readJson, timeQueries, writeJson } from './probe-io.js';
import { FLOOR_TABLES, toFloorStatement, type FloorStatement } from './floor-query.js';

async function main(): Promise<void> {
  const [jobPath, outPath] = process.argv.slice(2);
  if (!jobPath || !outPath) throw new Error('usage: floor-probe.ts <job.json> <out.json>');
  const job = readJson(ProbeJobSchema, jobPath);
  const out = emptyOutput(job);

  const db = new Database(job.dbPath, { readonly: true, fileMustExist: true });
  // The engine's reader settings (database.ts), so the floor runs on the same footing.
  db.pragma('cache_size = -65536');
  const started = performance.now();
  // Most frequent first: the contract keeps the most frequent typo candidates.
  const vocabulary = db
    .prepare(`SELECT term FROM ${FLOOR_TABLES.vocab} ORDER BY doc DESC, term`)
    .pluck()
    .all() as string[];
  out.meta.vocabularyLoadMs = performance.now() - started;
  out.meta.vocabularySize = vocabulary.length;

  // Built before timing: the floor measures SQLite, not the typo expansion.
  const statements = new Map<string, { statement: Database.Statement; values: FloorStatement['values'] }>();
  const prepared = (params: Record<string, string>) => {
    const key = JSON.stringify(params);
    let entry = statements.get(key);
    if (!entry) {
      const { sql, values } = toFloorStatement(params, vocabulary, FLOOR_TABLES);
      entry = { statement: db.prepare(sql).pluck(), values };
      statements.set(key, entry);
    }
    return entry;
  };
  for (const query of [...job.warmup, ...job.measured]) prepared(query.params);

  await timeQueries(job, out, (query) => {
    const { statement, values } = prepared(query.params);
    return statement.get(...values) as number;
  });
  db.close();
  writeJson(outPath, out);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
