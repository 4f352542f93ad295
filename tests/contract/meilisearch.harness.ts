import { randomUUID } from 'node:crypto';
import type { Article } from '../../src/articles/article.schema.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { createMeilisearchEngine, createMeilisearchIndex } from '../../src/search/engines/meilisearch/index.js';
import { termsIndexUid } from '../../src/search/engines/meilisearch/title-terms.js';

/**
 * Runs the shared contract suite against a real Meilisearch when MEILI_URL (and, for a secured
 * instance, MEILI_API_KEY with write rights) is set; every run gets its own index (and its
 * title vocabulary index), deleted by `cleanup`.
 */

const BATCH = 1_000;

/** Why the Meilisearch contract run is skipped, or undefined when it can run. */
export function meiliContractSkipReason(): string | undefined {
  return loadConfig().MEILI_URL
    ? undefined
    : 'neither MEILI_BIN nor MEILI_URL is set: the Meilisearch contract run is skipped';
}

/** Indexes `articles` into a fresh, uniquely named index and returns the engine reading it. */
export async function createMeiliContractEngine(
  articles: Article[],
): Promise<{ engine: SearchEngine; cleanup(): Promise<void> }> {
  const { MEILI_URL: url, MEILI_API_KEY: apiKey } = loadConfig();
  if (!url) throw new Error(meiliContractSkipReason());
  const connection = { url, apiKey, logger: silentLogger() };
  const indexUid = `contract_${Date.now()}_${randomUUID().slice(0, 8)}`;

  const index = createMeilisearchIndex({ ...connection, indexUid });
  await index.begin();
  for (let i = 0; i < articles.length; i += BATCH) await index.upsert(articles.slice(i, i + BATCH));
  await index.finish();
  await index.close();

  // A real engine can be slower than a laptop's loopback stub: a wider budget than production.
  const engine = createMeilisearchEngine({ ...connection, indexUid, timeoutMs: 10_000 });
  return {
    engine,
    async cleanup() {
      await engine.close();
      // The port has no "drop index"; the REST call is enough for test clean-up.
      const headers: Record<string, string> = apiKey ? { Authorization: `Bearer ${apiKey}` } : {};
      for (const uid of [indexUid, termsIndexUid(indexUid)]) {
        await fetch(new URL(`indexes/${uid}`, url.endsWith('/') ? url : `${url}/`), { method: 'DELETE', headers });
      }
    },
  };
}
