/**
 * The few Meilisearch REST calls the benchmark and the evaluation make around the service
 * (version, clean-up, counts). The service itself talks to Meilisearch only through its adapter.
 */

/** A server and the key to call it with. */
export interface MeiliEndpoint {
  url: string;
  apiKey: string | undefined;
}

/** Each call gets this long; a task wait gets `TASK_TIMEOUT_MS` in all. */
const REQUEST_TIMEOUT_MS = 10_000;
const TASK_TIMEOUT_MS = 10 * 60_000;

/** One call (with a JSON `body` when given): status and parsed JSON answer (undefined when empty). */
export async function meiliRequest(
  server: MeiliEndpoint,
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
    // A server killed by a test can leave a pooled connection behind: never wait on it forever.
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

/** The server's version (`GET /version`, `pkgVersion`); throws with the status when it does not answer. */
export async function meiliVersion(server: MeiliEndpoint): Promise<string> {
  const { status, json } = await meiliRequest(server, 'GET', '/version');
  const version = (json as { pkgVersion?: unknown } | undefined)?.pkgVersion;
  if (status !== 200 || typeof version !== 'string') {
    throw new Error(
      `GET /version answered ${status}${status === 401 || status === 403 ? ' (check MEILI_API_KEY)' : ''}`,
    );
  }
  return version;
}

/** Waits until a task succeeded; throws when it failed (a missing index excepted) or took too long. */
export async function waitForTask(server: MeiliEndpoint, taskUid: number): Promise<void> {
  const deadline = Date.now() + TASK_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { json } = await meiliRequest(server, 'GET', `/tasks/${taskUid}`);
    const status = (json as { status?: string } | undefined)?.status;
    if (status === 'succeeded') return;
    if (status === 'failed' || status === 'canceled') {
      const code = (json as { error?: { code?: string } }).error?.code;
      // Deleting what is already gone is what we wanted.
      if (code === 'index_not_found') return;
      throw new Error(`Meilisearch task ${taskUid} ${status}${code ? ` (${code})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Meilisearch task ${taskUid} did not end within ${TASK_TIMEOUT_MS / 1000} s`);
}

/** Deletes `uid` and its title vocabulary `<uid>_terms`, waiting for both; missing ones are fine. */
export async function dropMeiliIndex(server: MeiliEndpoint, uid: string): Promise<void> {
  for (const name of [uid, `${uid}_terms`]) {
    const { status, json } = await meiliRequest(server, 'DELETE', `/indexes/${encodeURIComponent(name)}`);
    const taskUid = (json as { taskUid?: unknown } | undefined)?.taskUid;
    if (typeof taskUid === 'number') await waitForTask(server, taskUid);
    else if (status !== 404) throw new Error(`DELETE /indexes/${name} answered ${status}`);
  }
}

/** Documents in `uid`, undefined when the index does not exist. */
export async function meiliDocumentCount(server: MeiliEndpoint, uid: string): Promise<number | undefined> {
  const { status, json } = await meiliRequest(server, 'GET', `/indexes/${encodeURIComponent(uid)}/stats`);
  const count = (json as { numberOfDocuments?: unknown } | undefined)?.numberOfDocuments;
  return status === 200 && typeof count === 'number' ? count : undefined;
}

/** Bytes of the server's database in use (`GET /stats`, `usedDatabaseSize`), every index included. */
export async function meiliUsedDatabaseBytes(server: MeiliEndpoint): Promise<number | undefined> {
  const { status, json } = await meiliRequest(server, 'GET', '/stats');
  const used = (json as { usedDatabaseSize?: unknown } | undefined)?.usedDatabaseSize;
  return status === 200 && typeof used === 'number' ? used : undefined;
}
