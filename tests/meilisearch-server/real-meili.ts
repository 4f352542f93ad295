import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dropMeiliIndex, meiliDocumentCount, meiliRequest } from '../../bench/engines/meili-rest.js';
import { startMeiliServer, type MeiliServer } from '../../bench/lib/meili-server.js';

/**
 * The real Meilisearch these tests run against: the one `MEILI_URL` / `MEILI_API_KEY` name
 * (given by the user, or started from `MEILI_BIN` by tests/global-setup.ts). Tests that must
 * stop or restart a server start their own from `MEILI_BIN`.
 */
export interface RealMeili {
  url: string;
  apiKey: string | undefined;
}

/** The shared server, or undefined when there is none (the reason is printed once by the global setup). */
export function realMeili(): RealMeili | undefined {
  const url = process.env.MEILI_URL;
  return url ? { url, apiKey: process.env.MEILI_API_KEY || undefined } : undefined;
}

/** Why tests that need their own server are skipped, or undefined when MEILI_BIN is set. */
export function ownServerSkipReason(): string | undefined {
  return process.env.MEILI_BIN
    ? undefined
    : 'MEILI_BIN is not set: tests that stop or restart their own Meilisearch are skipped';
}

/** A private server from MEILI_BIN, for tests that kill or restart it. */
export function startOwnServer(extraArgs: readonly string[] = []): Promise<MeiliServer> {
  const bin = process.env.MEILI_BIN;
  if (!bin) throw new Error(ownServerSkipReason());
  return startMeiliServer(bin, extraArgs);
}

/** A fresh index name for one test. */
export function uniqueIndexUid(prefix: string): string {
  return `${prefix}_${Date.now()}_${randomUUID().slice(0, 8)}`;
}

/** Calls the Meilisearch REST API directly (test set-up and clean-up only). */
export const meiliRest = meiliRequest;

/** Deletes the index and its title vocabulary; missing ones are fine. */
export const dropIndex = dropMeiliIndex;

/** A source file of `n` small articles with ids `<prefix>-<i>`; returns the ids. */
export function writeArticles(path: string, n: number, prefix: string, bodyRepeat = 4): string[] {
  const words = ['harbor', 'council', 'budget', 'satellite', 'festival', 'election', 'reservoir', 'vaccine'];
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  const lines = ids.map((id, i) =>
    JSON.stringify({
      id,
      title: `${words[i % 8]} story ${prefix} ${i}`,
      body: `${words[(i * 3) % 8]} ${words[(i * 5) % 8]} report ${i}. `.repeat(bodyRepeat),
      section: ['World', 'Politics', 'Science'][i % 3],
      tags: [words[i % 8]],
      publishedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
    }),
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
  return ids;
}

/** Every document id of an index, sorted. */
export async function storedIds(server: RealMeili, uid: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const { json } = await meiliRest(server, 'POST', `/indexes/${uid}/documents/fetch`, {
      fields: ['id'],
      limit: 10_000,
      offset,
    });
    const page = (json as { results: { id: string }[] }).results;
    ids.push(...page.map((d) => d.id));
    if (page.length < 10_000) return ids.sort();
  }
}

/** Number of documents of an index (0 when it does not exist). */
export async function documentCount(server: RealMeili, uid: string): Promise<number> {
  return (await meiliDocumentCount(server, uid)) ?? 0;
}

/** Names of the indexes whose uid starts with `prefix`. */
export async function indexesStartingWith(server: RealMeili, prefix: string): Promise<string[]> {
  const { json } = await meiliRest(server, 'GET', '/indexes?limit=1000');
  return (json as { results: { uid: string }[] }).results.map((i) => i.uid).filter((uid) => uid.startsWith(prefix));
}

/** The environment the indexer CLI and the server get to use this Meilisearch index. */
export function meiliEnv(server: RealMeili, uid: string): Record<string, string> {
  return {
    SEARCH_ENGINE: 'meilisearch',
    MEILI_URL: server.url,
    ...(server.apiKey ? { MEILI_API_KEY: server.apiKey } : {}),
    MEILI_INDEX: uid,
    LOG_LEVEL: 'warn',
  };
}

/** Polls until `check` holds, or throws after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
