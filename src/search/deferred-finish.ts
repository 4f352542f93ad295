import type { ArticleIndex } from './search-engine.js';

/**
 * The write index as the admin API should hold it in a server: `finish()` (the vocabulary that
 * suggestions read, segment merges) runs once writes have paused for `quietMs`, and at least
 * every `maxDelayMs` under steady writes, instead of after every request.
 * @remarks On the 100k-article SQLite corpus one finish takes 2-3 s and blocks the event loop
 * (better-sqlite3 is synchronous), so finishing per request stalls every reader. Searches see
 * a write as soon as its upsert commits; only suggestions wait for the deferred finish.
 * `close()` runs a pending finish first, so a shutdown never leaves it undone.
 */
export function withDeferredFinish(
  index: ArticleIndex,
  options: { quietMs?: number; maxDelayMs?: number; onError: (error: unknown) => void },
): ArticleIndex {
  const { quietMs = 1_000, maxDelayMs = 10_000, onError } = options;
  let timer: NodeJS.Timeout | undefined;
  let pendingSince: number | undefined;
  let running: Promise<void> = Promise.resolve();
  const finishNow = () => {
    clearTimeout(timer);
    timer = undefined;
    pendingSince = undefined;
    running = running.then(() => index.finish()).catch(onError);
    return running;
  };
  return {
    // A run starts after a finish in progress, never in the middle of it.
    begin: (run) => running.then(() => index.begin(run)),
    upsert: (batch) => index.upsert(batch),
    delete: (ids) => index.delete(ids),
    listIds: () => index.listIds(),
    count: () => index.count(),
    finish() {
      const now = Date.now();
      pendingSince ??= now;
      clearTimeout(timer);
      timer = setTimeout(finishNow, Math.max(0, Math.min(quietMs, pendingSince + maxDelayMs - now)));
      timer.unref();
      return Promise.resolve();
    },
    async close() {
      await (pendingSince === undefined ? running : finishNow());
      await index.close();
    },
  };
}
