import { randomUUID } from 'node:crypto';
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
export function startOwnServer(): Promise<MeiliServer> {
  const bin = process.env.MEILI_BIN;
  if (!bin) throw new Error(ownServerSkipReason());
  return startMeiliServer(bin);
}

/** A fresh index name for one test. */
export function uniqueIndexUid(prefix: string): string {
  return `${prefix}_${Date.now()}_${randomUUID().slice(0, 8)}`;
}

/** Calls the Meilisearch REST API directly (test set-up and clean-up only). */
export async function meiliRest(
  server: RealMeili,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(new URL(path, server.url), {
    method,
    headers: {
      ...(server.apiKey ? { Authorization: `Bearer ${server.apiKey}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Waits for a task to end and returns it. */
export async function waitTask(server: RealMeili, taskUid: number): Promise<{ status: string; error?: unknown }> {
  for (;;) {
    const { json } = await meiliRest(server, 'GET', `/tasks/${taskUid}`);
    const task = json as { status: string; error?: unknown };
    if (!['enqueued', 'processing'].includes(task.status)) return task;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Deletes the index and its title vocabulary; missing ones are fine. */
export async function dropIndex(server: RealMeili, uid: string): Promise<void> {
  for (const name of [uid, `${uid}_terms`]) {
    const { json } = await meiliRest(server, 'DELETE', `/indexes/${name}`);
    const taskUid = (json as { taskUid?: number } | undefined)?.taskUid;
    if (taskUid !== undefined) await waitTask(server, taskUid);
  }
}
