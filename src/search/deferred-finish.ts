import { isIndexBusy } from '../errors.js';
import type { ArticleIndex } from './search-engine.js';

/**
 * The write index as the admin API should hold it in a server: `finish()` (the vocabulary that
 * suggestions read, segment merges) runs once writes have paused for `quietMs`, and at least
 * every `maxDelayMs` under steady writes, instead of after every request.
 * @remarks On the 100k-article SQLite corpus one finish takes 2-3 s of the writer's time (its
 * worker thread), and the writes behind it wait: finishing per request would make every write
 * that slow. Searches see a write as soon as its upsert commits; only suggestions wait for the
 * deferred finish.
 * `close()` runs a pending finish first, so a shutdown never leaves it undone. A finish that
 * finds the index busy (another process writing) is tried again after `quietMs`.
 */
export function withDeferredFinish(
  index: ArticleIndex,
  options: { quietMs?: number; maxDelayMs?: number; onError: (error: unknown) => void },
): ArticleIndex {
  const { quietMs = 1_000, maxDelayMs = 10_000, onError } = options;
  let timer: NodeJS.Timeout | undefined;
  let pendingSince: number | undefined;
  let running: Promise<void> = Promise.resolve();
  let closing = false;
  const finishNow = () => {
    clearTimeout(timer);
    timer = undefined;
    pendingSince = undefined;
    running = running
      .then(() => index.finish())
      .catch((error: unknown) => {
        // Another process held the index: nothing was lost, so the finish is tried again later.
        if (isIndexBusy(error) && !closing) schedule();
        else onError(error);
      });
    return running;
  };
  /** Runs the finish once writes paused for `quietMs`, or at the latest `maxDelayMs` after the first pending one. */
  const schedule = () => {
    const now = Date.now();
    pendingSince ??= now;
    clearTimeout(timer);
    timer = setTimeout(finishNow, Math.max(0, Math.min(quietMs, pendingSince + maxDelayMs - now)));
    timer.unref();
  };
  return {
    // A run starts after a finish in progress, never in the middle of it.
    begin: (run) => running.then(() => index.begin(run)),
    upsert: (batch) => index.upsert(batch),
    delete: (ids) => index.delete(ids),
    listIds: () => index.listIds(),
    count: () => index.count(),
    finish() {
      schedule();
      return Promise.resolve();
    },
    async close() {
      closing = true;
      await (pendingSince === undefined ? running : finishNow());
      await index.close();
    },
  };
}
