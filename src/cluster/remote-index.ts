import type { ArticleIndex, IndexRunOptions } from '../search/search-engine.js';
import type { IpcHandlers, IpcPeer } from './ipc-peer.js';

/** Ids per round trip of `listIds`. */
const ID_PAGE = 10_000;

/**
 * The write side as an HTTP worker holds it: every call goes to the primary, which owns the one
 * `ArticleIndex` of the service (one SQLite writer, one Meilisearch write queue, one deferred
 * finish), so workers never contend for the write lock. Failures arrive as the AppErrors the
 * primary's index raised (503 `index_busy`, `ArticlesRejectedError`, ...).
 */
export function remoteArticleIndex(primary: IpcPeer): ArticleIndex {
  return {
    begin: (options?: IndexRunOptions) => primary.call('index.begin', options ?? {}) as Promise<void>,
    upsert: (batch) => primary.call('index.upsert', batch) as Promise<void>,
    delete: (ids) => primary.call('index.delete', ids) as Promise<number>,
    async *listIds() {
      let cursor: number | undefined;
      for (;;) {
        const page = (await primary.call('index.listIds', cursor)) as { cursor: number; ids: string[]; done: boolean };
        yield* page.ids;
        if (page.done) return;
        cursor = page.cursor;
      }
    },
    finish: () => primary.call('index.finish') as Promise<void>,
    count: () => primary.call('index.count') as Promise<number>,
    // The primary closes the index once every worker has stopped.
    close: () => Promise.resolve(),
  };
}

/** The primary's side of `remoteArticleIndex`: each call applied to the one index, in arrival order. */
export function articleIndexHandlers(index: ArticleIndex): IpcHandlers {
  const cursors = new Map<number, AsyncIterator<string>>();
  let nextCursor = 1;
  return {
    'index.begin': (options) => index.begin(options as IndexRunOptions),
    'index.upsert': (batch) => index.upsert(batch as Parameters<ArticleIndex['upsert']>[0]),
    'index.delete': (ids) => index.delete(ids as string[]),
    'index.finish': () => index.finish(),
    'index.count': () => index.count(),
    'index.listIds': async (given) => {
      const cursor = typeof given === 'number' ? given : nextCursor++;
      const ids = cursors.get(cursor) ?? index.listIds()[Symbol.asyncIterator]();
      cursors.set(cursor, ids);
      const page: string[] = [];
      while (page.length < ID_PAGE) {
        const next = await ids.next();
        if (next.done) {
          cursors.delete(cursor);
          return { cursor, ids: page, done: true };
        }
        page.push(next.value);
      }
      return { cursor, ids: page, done: false };
    },
  };
}
