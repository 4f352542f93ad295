/**
 * `npm run bench:meili-vocabulary -- --index <uid> [--batch 1000] [--runs 3] [--minutes 1] [--per-minute 100]`
 *
 * What keeping the title vocabulary (`<uid>_terms`, read by autocomplete) up to date costs on a
 * Meilisearch index that already holds a corpus (index one with `npm run index` or the bench):
 * 1. one admin push of `--batch` articles (titles changed), then `finish()`: the update of the
 *    changed words (what the service does) against the whole-vocabulary rebuild (forced by
 *    deleting `<uid>_terms` first, which is what a rebuild costs);
 * 2. `--per-minute` single-article pushes a minute for `--minutes`, through the write side the
 *    server uses (`withDeferredFinish`: finish once writes pause for 1 s, at least every 10 s),
 *    both ways: Meilisearch CPU seconds per minute and the longest finish.
 * Needs MEILI_URL (+ MEILI_API_KEY) of a server on this machine (for its CPU time) or MEILI_BIN.
 * Writes are made to copies of existing articles (ids prefixed `vocab-bench-`), deleted at the end.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Article } from '../src/articles/article.schema.js';
import { silentLogger } from '../src/logger.js';
import { createMeilisearchIndex } from '../src/search/engines/meilisearch/index.js';
import { withDeferredFinish } from '../src/search/deferred-finish.js';
import type { ArticleIndex } from '../src/search/search-engine.js';
import { meiliRequest, waitForTask } from './engines/meili-rest.js';
import { connectMeili, meiliSourceFrom, NO_MEILI_SERVER, type MeiliConnection } from './engines/meili-source.js';
import { percentile } from './lib/stats.js';

const PREFIX = 'vocab-bench-';
const WORDS = ['harbor', 'council', 'budget', 'storm', 'festival', 'election', 'reservoir', 'vaccine'];

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
  } catch {
    return undefined;
  }
}

/** One REST call that must succeed; its JSON answer. */
async function rest(meili: MeiliConnection, method: string, path: string, body?: unknown): Promise<unknown> {
  const { status, json } = await meiliRequest(meili, method, path, body);
  if (status >= 300) throw new Error(`${method} ${path}: ${status}`);
  return json;
}

const waitTask = (meili: MeiliConnection, uid: number) => waitForTask(meili, uid);

/** `n` articles copied from the index under new ids, their titles given new words. */
async function sampleArticles(meili: MeiliConnection, uid: string, n: number, salt: number): Promise<Article[]> {
  const page = (await rest(meili, 'POST', `/indexes/${uid}/documents/fetch`, {
    limit: n,
    offset: 1_000,
    fields: ['id', 'title', 'body', 'section', 'tags', 'authors', 'publishedAtIso', 'language'],
  })) as { results: Record<string, unknown>[] };
  return page.results.map((doc, i) => ({
    id: `${PREFIX}${i}`,
    title: `${String(doc['title'])} ${WORDS[(i + salt) % WORDS.length]} update${salt}x${i % 50}`,
    body: String(doc['body']),
    section: String(doc['section']),
    tags: doc['tags'] as string[],
    authors: doc['authors'] as string[],
    publishedAt: String(doc['publishedAtIso']),
    language: String(doc['language'] ?? 'en'),
  }));
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** One push of `batch` articles; `full` deletes the vocabulary first so finish() rebuilds it whole. */
async function push(meili: MeiliConnection, uid: string, batch: Article[], full: boolean) {
  const index = createMeilisearchIndex({ url: meili.url, apiKey: meili.apiKey, indexUid: uid, logger: silentLogger() });
  await index.begin();
  const upsertMs = await timed(() => index.upsert(batch));
  if (full)
    await waitTask(meili, ((await rest(meili, 'DELETE', `/indexes/${uid}_terms`)) as { taskUid: number }).taskUid);
  const cpuBefore = cpuSeconds(meili.pid());
  const finishMs = await timed(() => index.finish());
  const cpuAfter = cpuSeconds(meili.pid());
  return {
    upsertMs,
    finishMs,
    cpuS: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
  };
}

/** Single-article pushes at a steady rate through the server's deferred-finish write side. */
async function steady(meili: MeiliConnection, uid: string, perMinute: number, minutes: number, full: boolean) {
  const base = createMeilisearchIndex({ url: meili.url, apiKey: meili.apiKey, indexUid: uid, logger: silentLogger() });
  const finishes: number[] = [];
  const measured: ArticleIndex = {
    ...base,
    begin: (run) => base.begin(run),
    upsert: (batch) => base.upsert(batch),
    async finish() {
      if (full)
        await waitTask(meili, ((await rest(meili, 'DELETE', `/indexes/${uid}_terms`)) as { taskUid: number }).taskUid);
      finishes.push(await timed(() => base.finish()));
    },
  };
  const index = withDeferredFinish(measured, { onError: (error) => console.error('finish failed', error) });
  const articles = await sampleArticles(meili, uid, 50, full ? 7 : 3);
  const cpuBefore = cpuSeconds(meili.pid());
  const gap = 60_000 / perMinute;
  const started = performance.now();
  for (let i = 0; i < perMinute * minutes; i++) {
    const article = { ...articles[i % articles.length]!, title: `${articles[i % articles.length]!.title} r${i}` };
    await index.begin();
    await index.upsert([article]);
    await index.finish();
    const next = started + (i + 1) * gap;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  await index.close();
  const cpuAfter = cpuSeconds(meili.pid());
  const wallMinutes = (performance.now() - started) / 60_000;
  const cpuS = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return {
    finishes,
    pushesPerMinute: (perMinute * minutes) / wallMinutes,
    cpuPerMinute: cpuS === undefined ? undefined : cpuS / wallMinutes,
  };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      index: { type: 'string' },
      batch: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '3' },
      minutes: { type: 'string', default: '1' },
      'per-minute': { type: 'string', default: '100' },
    },
  });
  const source = meiliSourceFrom(process.env);
  if (!source || !values.index) {
    console.error(`usage: npm run bench:meili-vocabulary -- --index <uid> (${NO_MEILI_SERVER})`);
    return 2;
  }
  const uid = values.index;
  const meili = await connectMeili(source);
  try {
    const stats = (await rest(meili, 'GET', `/indexes/${uid}/stats`)) as { numberOfDocuments: number };
    const terms = (await rest(meili, 'GET', `/indexes/${uid}_terms/stats`)) as { numberOfDocuments: number };
    console.log(
      `Meilisearch ${meili.version} (${meili.origin}); index ${uid}: ${stats.numberOfDocuments} articles, ` +
        `${terms.numberOfDocuments} title words; Meilisearch pid ${meili.pid() ?? 'unknown (no CPU time)'}`,
    );
    const batch = Number(values.batch);
    for (const full of [false, true]) {
      const runs = [];
      for (let run = 0; run < Number(values.runs); run++) {
        runs.push(await push(meili, uid, await sampleArticles(meili, uid, batch, run), full));
      }
      const finish = runs.map((r) => r.finishMs);
      const cpu = runs.flatMap((r) => (r.cpuS === undefined ? [] : [r.cpuS]));
      console.log(
        `push of ${batch}, vocabulary ${full ? 'rebuilt whole' : 'updated'}: finish median ${fmt(percentile(finish, 50))}, ` +
          `max ${fmt(Math.max(...finish))}; upsert median ${fmt(
            percentile(
              runs.map((r) => r.upsertMs),
              50,
            ),
          )}` +
          (cpu.length ? `; Meilisearch CPU in finish median ${percentile(cpu, 50).toFixed(2)} s` : ''),
      );
    }
    for (const full of [false, true]) {
      const { finishes, pushesPerMinute, cpuPerMinute } = await steady(
        meili,
        uid,
        Number(values['per-minute']),
        Number(values.minutes),
        full,
      );
      console.log(
        `${values['per-minute']} single pushes a minute asked (${pushesPerMinute.toFixed(0)} achieved), vocabulary ` +
          `${full ? 'rebuilt whole' : 'updated'}: ${finishes.length} finishes, median ${fmt(percentile(finishes, 50))}, ` +
          `max ${fmt(Math.max(...finishes))}` +
          (cpuPerMinute === undefined ? '' : `; Meilisearch CPU ${cpuPerMinute.toFixed(1)} s per wall minute`),
      );
    }
    return 0;
  } finally {
    // Through the write side, so the vocabulary forgets the words of the copies too.
    const index = createMeilisearchIndex({
      url: meili.url,
      apiKey: meili.apiKey,
      indexUid: uid,
      logger: silentLogger(),
    });
    await index.begin();
    await index.delete(Array.from({ length: Math.max(Number(values.batch), 50) }, (_, i) => `${PREFIX}${i}`));
    await index.finish();
    await meili.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
