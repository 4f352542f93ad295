/**
 * Child process: the engine's own `search()`, `suggest()` and `related()`, without HTTP, in a fresh
 * process. Run as `node --import tsx bench/probes/in-process-probe.ts <job.json> <out.json>`.
 * Parameters go through the same zod schemas as the API, before the clock starts, so the
 * difference to the HTTP figures is the HTTP stack (Express, JSON, sockets) alone.
 */
import { silentLogger } from '../../src/logger.js';
import { openSqliteEngine } from '../../src/search/engines/sqlite/index.js';
import { SearchParamsSchema } from '../../src/search/search.schema.js';
import { RelatedParamsSchema } from '../../src/search/related/related.schema.js';
import { SuggestParamsSchema } from '../../src/search/suggest/suggest.schema.js';
import { RELATED_WARMUP } from './http-probe.js';
import { emptyOutput, ProbeJobSchema, readJson, timeQueries, writeJson } from './probe-io.js';

async function main(): Promise<void> {
  const [jobPath, outPath] = process.argv.slice(2);
  if (!jobPath || !outPath) throw new Error('usage: in-process-probe.ts <job.json> <out.json>');
  const job = readJson(ProbeJobSchema, jobPath);
  const out = emptyOutput(job);

  const opening = performance.now();
  const engine = await openSqliteEngine({ path: job.dbPath, logger: silentLogger() });
  const { articleCount } = await engine.ready();
  out.meta.openMs = performance.now() - opening;
  out.meta.articleCount = articleCount;

  const parsed = new Map(job.measured.concat(job.warmup).map((q) => [q, SearchParamsSchema.parse(q.params)]));
  // A failing engine call is counted and reported, not fatal: the other figures still stand.
  const failed = () => {
    out.errors++;
    return null;
  };
  await timeQueries(
    job,
    out,
    async (query) => (await engine.search(parsed.get(query)!).catch(failed))?.totalHits ?? null,
  );

  const prefixes = job.suggest.map((q) => SuggestParamsSchema.parse({ q }));
  for (const query of prefixes.slice(0, 20)) await engine.suggest(query).catch(() => undefined);
  for (const query of prefixes) {
    const started = performance.now();
    const ok = await engine.suggest(query).then(
      () => true,
      () => false,
    );
    out.suggestMs.push(ok ? performance.now() - started : null);
    if (!ok) out.errors++;
  }
  const relatedQuery = RelatedParamsSchema.parse({});
  const related = (id: string) => engine.related({ id, ...relatedQuery });
  for (const id of job.related.slice(0, RELATED_WARMUP)) await related(id).catch(() => undefined);
  for (const id of job.related) {
    const started = performance.now();
    const ok = await related(id).then(
      (hits) => hits !== undefined,
      () => false,
    );
    out.relatedMs.push(ok ? performance.now() - started : null);
    if (!ok) out.errors++;
  }
  out.meta.rssAfterBytes = process.memoryUsage().rss;
  await engine.close();
  writeJson(outPath, out);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
