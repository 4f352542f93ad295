import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { indexSources } from '../../src/ingest/index-articles.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { openArticleIndex, openSearchEngine } from '../../src/search/engines/create-engine.js';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { dropMeiliIndex, type MeiliEndpoint } from '../engines/meili-rest.js';
import type { EvalDoc } from './collections.js';
import { toArticleLine } from './to-article.js';

/** One API answer: hit ids best first and the total the API reported. */
export interface ApiAnswer {
  ids: string[];
  totalHits: number;
}

/** The service, loaded with one collection and listening on 127.0.0.1. */
export interface ApiRanker {
  search(q: string): Promise<ApiAnswer>;
  close(): Promise<void>;
}

/** The engine a ranker serves from: the embedded one, or a Meilisearch server. */
export type RankerEngine = { engine: 'sqlite' } | { engine: 'meilisearch'; server: MeiliEndpoint };

/**
 * The service's configuration for `engine`: a database file in `dir`, or a fresh index on the
 * server (a name of its own, so runs never share one); `drop` deletes what only this ranker used.
 */
function rankerConfig(engine: RankerEngine, dir: string) {
  const common = { LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'false', RATE_LIMIT_PER_MINUTE: '0' };
  if (engine.engine === 'sqlite') {
    return {
      config: loadConfig({ ...common, SEARCH_ENGINE: 'sqlite', SQLITE_PATH: join(dir, 'index.db') }),
      drop: () => Promise.resolve(),
    };
  }
  const uid = `eval_${randomUUID().slice(0, 8)}`;
  const { url, apiKey } = engine.server;
  const config = loadConfig({
    ...common,
    SEARCH_ENGINE: 'meilisearch',
    MEILI_URL: url,
    MEILI_INDEX: uid,
    ...(apiKey ? { MEILI_API_KEY: apiKey } : {}),
  });
  return { config, drop: () => dropMeiliIndex(engine.server, uid) };
}

/** The service over a fresh index, listening on 127.0.0.1. */
export interface IndexedApi {
  /** `http://127.0.0.1:<port>` */
  base: string;
  close(): Promise<void>;
}

/**
 * Writes `docs` as NDJSON into a fresh temp folder, loads them through the indexer into a
 * fresh index of `engine` (embedded: in that folder; Meilisearch: a new index on the server),
 * and serves it with `createApp` on port 0. `close` removes it all.
 */
export async function openApiRanker(
  docs: readonly EvalDoc[],
  engineChoice: RankerEngine = { engine: 'sqlite' },
  params: Readonly<Record<string, string>> = {},
): Promise<ApiRanker> {
  const api = await serveArticleLines(docs.map(toArticleLine), engineChoice);
  return { search: (q) => fetchSearch(api.base, q, params), close: () => api.close() };
}

/**
 * NDJSON lines of `ArticleInputSchema` input -> the indexer -> a fresh index of `engine` ->
 * `createApp` on 127.0.0.1, port 0. Throws unless every line was stored.
 */
export async function serveArticleLines(
  lines: readonly string[],
  engineChoice: RankerEngine = { engine: 'sqlite' },
): Promise<IndexedApi> {
  const dir = await mkdtemp(join(tmpdir(), 'relevance-eval-'));
  const { config, drop } = rankerConfig(engineChoice, dir);
  let engine: SearchEngine | undefined;
  let server: Server | undefined;
  try {
    const logger = silentLogger();
    const source = join(dir, 'docs.ndjson');
    await writeFile(source, `${lines.join('\n')}\n`);
    const index = await openArticleIndex(config, logger);
    try {
      const report = await indexSources([source], index, { logger });
      const stored = await index.count();
      if (report.invalidCount > 0 || report.indexed !== lines.length || stored !== lines.length) {
        throw new Error(
          `indexer stored ${stored} of ${lines.length} docs: ${JSON.stringify({ ...report, invalid: report.invalid.slice(0, 3) })}`,
        );
      }
    } finally {
      await index.close();
    }
    engine = await openSearchEngine(config, logger);
    const app = createApp({ engine, config, logger });
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s)).on('error', reject);
    });
    const opened = { engine, server };
    return {
      base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: async () => {
        await new Promise<void>((resolve) => opened.server.close(() => resolve()));
        await opened.engine.close();
        await drop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    server?.close();
    await engine?.close();
    await drop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

const AnswerSchema = z.object({ hits: z.array(z.object({ id: z.string() })), totalHits: z.number().int() });

/**
 * One search of the public API, 100 hits; `params` (e.g. `matchingStrategy`) are added to
 * every request, so a run can measure a non-default setting.
 */
export async function fetchSearch(
  base: string,
  q: string,
  params: Readonly<Record<string, string>> = {},
): Promise<ApiAnswer> {
  const url = `${base}/api/search?${new URLSearchParams({ ...params, q, pageSize: '100' }).toString()}`;
  const res = await fetch(url);
  const body: unknown = await res.json();
  if (!res.ok) throw new Error(`GET /api/search answered ${res.status}: ${JSON.stringify(body)}`);
  const { hits, totalHits } = AnswerSchema.parse(body);
  return { ids: hits.map((h) => h.id), totalHits };
}
