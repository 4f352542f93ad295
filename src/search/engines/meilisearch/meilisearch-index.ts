import { Meilisearch, type EnqueuedTaskPromise, type IndexSwap, type Settings, type Task } from 'meilisearch';
import type { Article } from '../../../articles/article.schema.js';
import { AppError, ArticlesRejectedError, ErrorCode, type RejectedArticle } from '../../../errors.js';
import type { Logger } from '../../../logger.js';
import type { ArticleIndex, IndexRunOptions } from '../../search-engine.js';
import { jsonBytes, toMeiliDocument, toRequestChunks, type MeiliDocument } from './meili-document.js';
import { createGuard, isPayloadTooLarge, taskFailure, toAppError } from './meili-errors.js';
import { articleIndexSettings, settingsPatch, TERMS_INDEX_SETTINGS } from './meili-settings.js';
import type { SynonymGroups } from '../../query/synonyms.js';
import {
  applyTermDelta,
  countTitleTerms,
  termDocumentId,
  termsIndexUid,
  titleTermDelta,
  toTermDocuments,
} from './title-terms.js';

/** How to reach the index the indexer writes. */
export interface MeilisearchIndexOptions {
  url: string;
  apiKey?: string | undefined;
  indexUid: string;
  logger: Logger;
  /** How long one task (a batch, the settings, the swap) may take to be processed (default 10 min). */
  batchTimeoutMs?: number;
  /** How long one HTTP request may take, a batch upload included (default 60 s). */
  requestTimeoutMs?: number;
  /** The `synonyms` setting (default: the shipped news list; `[]` for none). */
  synonyms?: SynonymGroups;
}

/**
 * Largest request body sent at once: well under Meilisearch's default payload limit (100 MB),
 * since a batch of long articles can exceed it (5,000 articles of 1 million characters).
 */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

/** Page size of `listIds`. */
const ID_PAGE = 1_000;
/** Titles read per request when the title vocabulary is built. */
const TITLE_PAGE = 5_000;
/** Vocabulary documents per batch (each about 70 bytes). */
const TERMS_BATCH = 20_000;
/**
 * Most changed words a finish applies as an update; beyond it, rebuilding the vocabulary from
 * every title costs about the same and cannot drift.
 */
export const MAX_INCREMENTAL_TERMS = 20_000;

/** The index was written by an older version whose documents lack the fields filters compare. */
export function indexOutdated(): AppError {
  return new AppError(ErrorCode.indexOutdated, 409, 'Index built by an older version', {
    detail: 'Its documents lack the filter keys this version compares: rebuild it once (indexer --rebuild).',
  });
}

/** Name of the index a rebuild fills before it is swapped in. */
export function rebuildIndexUid(indexUid: string, now: number = Date.now()): string {
  return `${indexUid}_rebuild_${now}`;
}

/**
 * The `ArticleIndex` port on Meilisearch. Every write is a task that is awaited and checked:
 * `waitTask` resolves on failure, so a batch only counts once its task `succeeded`.
 *
 * @remarks With `rebuild`, documents go into `<uid>_rebuild_<timestamp>` (same settings) and
 * `finish()` swaps it with the live index in one atomic task, then deletes the old copy, so
 * search never sees a half-built index.
 *
 * `finish()` also brings up to date the title vocabulary that autocomplete reads, `<uid>_terms`
 * (one document per title word: `{ id, term, docs }`, `docs` = titles holding it). Writes note
 * how they change the titles (the stored title is read before it is replaced or deleted), and
 * `finish()` applies those count changes to the words concerned, so its cost follows the
 * write, not the index (docs/meilisearch.md has the figures). A rebuild, a first run, a failed
 * update or more than `MAX_INCREMENTAL_TERMS` changed words build the vocabulary whole from
 * every title into a fresh index that is swapped in: with `rebuild`, in the same swap task as
 * the articles, so articles and vocabulary change together. A run that changed nothing keeps
 * the vocabulary it has.
 */
export function createMeilisearchIndex(options: MeilisearchIndexOptions): ArticleIndex {
  const client = new Meilisearch({
    host: options.url,
    apiKey: options.apiKey,
    timeout: options.requestTimeoutMs ?? 60_000,
    // The client's default wait (5 s) is far too short for a batch of long articles.
    defaultWaitOptions: { timeout: options.batchTimeoutMs ?? 600_000, interval: 100 },
  });
  const { logger, indexUid } = options;
  const articleSettings = articleIndexSettings(options.synonyms);
  const guard = createGuard(logger);
  let target = indexUid;
  let rebuilding: string | undefined;
  /** Whether this run wrote or deleted anything, so the vocabulary must follow. */
  let changed = false;
  /**
   * What the writes since the last finish did to the title vocabulary's counts, applied by
   * `finish()` instead of a rebuild; `undefined` once that is no longer known (a rebuild, a
   * failed update, more changed words than an update is worth), and the next finish rebuilds.
   */
  let termDelta: Map<string, number> | undefined = new Map();

  /** Enqueues a task, waits for it and throws our error unless it succeeded (or failed with a tolerated code). */
  async function runTask(
    op: string,
    start: () => EnqueuedTaskPromise,
    tolerated: readonly string[] = [],
  ): Promise<Task> {
    const task = await guard(op, () => start().waitTask());
    if (task.status === 'succeeded' || tolerated.includes(task.error?.code ?? '')) return task;
    const error = taskFailure(op, task);
    logger.warn({ op, code: error.code, status: error.status, taskUid: task.uid }, 'meilisearch task failed');
    throw error;
  }

  async function indexExists(uid: string): Promise<boolean> {
    return guard(
      'getIndex',
      async () => Boolean(await client.getRawIndex(uid)),
      () => false,
    );
  }

  /** Creates the index with our primary key unless it exists; returns whether it is new. */
  async function ensureIndex(uid: string): Promise<boolean> {
    // Looking first keeps the task list free of a failed creation at every run.
    if (await indexExists(uid)) return false;
    // Another indexer may create it in between: "already exists" is success too.
    const task = await runTask('createIndex', () => client.createIndex(uid, { primaryKey: 'id' }), [
      'index_already_exists',
    ]);
    return task.status === 'succeeded';
  }

  /** PATCHes only the settings that differ, so an unchanged index gets no task at all. */
  async function applySettings(uid: string, wanted: Settings = articleSettings): Promise<void> {
    const current = await guard('getSettings', () => client.index(uid).getSettings());
    const patch = settingsPatch(current, wanted);
    if (patch) await runTask('updateSettings', () => client.index(uid).updateSettings(patch));
  }

  /** Every title of `uid`, page by page. */
  async function* readTitles(uid: string): AsyncIterable<string[]> {
    for (let offset = 0; ; offset += TITLE_PAGE) {
      const page = await guard('readTitles', () =>
        client.index(uid).getDocuments({ fields: ['title'], limit: TITLE_PAGE, offset }),
      );
      yield page.results.flatMap((doc) => (typeof doc['title'] === 'string' ? [doc['title']] : []));
      if (page.results.length < TITLE_PAGE) return;
    }
  }

  /** Fills the new index `termsUid` with the title vocabulary of `sourceUid`, settings first. */
  async function buildTerms(sourceUid: string, termsUid: string): Promise<void> {
    const counts = new Map<string, number>();
    for await (const titles of readTitles(sourceUid)) countTitleTerms(titles, counts);
    // A leftover of a failed attempt could keep words that are gone.
    if (await indexExists(termsUid)) await runTask('deleteIndex', () => client.deleteIndex(termsUid));
    await runTask('createIndex', () => client.createIndex(termsUid, { primaryKey: 'id' }));
    await applySettings(termsUid, TERMS_INDEX_SETTINGS);
    const documents = toTermDocuments(counts);
    for (let i = 0; i < documents.length; i += TERMS_BATCH) {
      const batch = documents.slice(i, i + TERMS_BATCH);
      await runTask('addTerms', () => client.index(termsUid).addDocuments(batch, { primaryKey: 'id' }));
    }
  }

  /**
   * Adds documents in one task; when Meilisearch answers 413 (over its payload limit, set by
   * the operator with `--http-payload-size-limit`), halves the request until each part fits,
   * and rejects a single document that alone is too large, so the rest is still stored.
   */
  async function addDocuments(documents: readonly MeiliDocument[], rejected: RejectedArticle[]): Promise<void> {
    try {
      await runTask('addDocuments', () => client.index(target).addDocuments([...documents], { primaryKey: 'id' }));
    } catch (error) {
      if (!isPayloadTooLarge(error)) throw error;
      if (documents.length === 1) {
        const bytes = jsonBytes(documents[0]);
        rejected.push({ id: documents[0]!.id, message: `too large for the search engine (${bytes} bytes of JSON)` });
        return;
      }
      const half = Math.ceil(documents.length / 2);
      await addDocuments(documents.slice(0, half), rejected);
      await addDocuments(documents.slice(half), rejected);
    }
  }

  /** Whether the index holds documents written before filter keys existed (it is checked on one document). */
  async function lacksFilterKeys(uid: string): Promise<boolean> {
    const page = await guard(
      'checkDocuments',
      () => client.index(uid).getDocuments({ fields: ['id', 'sectionKey'], limit: 1 }),
      () => undefined,
    );
    const first = page?.results[0];
    return first !== undefined && !('sectionKey' in first);
  }

  /** The stored titles of `ids` (those that exist), in requests of `ID_PAGE` ids. */
  async function titlesOf(uid: string, ids: readonly string[]): Promise<Map<string, string>> {
    const titles = new Map<string, string>();
    for (let i = 0; i < ids.length; i += ID_PAGE) {
      const chunk = ids.slice(i, i + ID_PAGE);
      const page = await guard(
        'readTitles',
        // A filter (empty) makes the client POST the ids instead of putting them in the URL.
        () => client.index(uid).getDocuments({ ids: chunk, fields: ['id', 'title'], filter: [], limit: chunk.length }),
        () => undefined,
      );
      for (const doc of page?.results ?? []) {
        if (typeof doc['id'] === 'string' && typeof doc['title'] === 'string') titles.set(doc['id'], doc['title']);
      }
    }
    return titles;
  }

  /**
   * Applies count changes to the live vocabulary: reads the changed terms' documents, writes the
   * new counts and deletes the terms no title holds. Cost follows the words changed, not the
   * index. On failure the delta is forgotten, so the next finish rebuilds the vocabulary whole.
   */
  async function updateTerms(termsUid: string, delta: ReadonlyMap<string, number>): Promise<void> {
    try {
      const current = new Map<string, number>();
      const terms = [...delta.keys()];
      for (let i = 0; i < terms.length; i += ID_PAGE) {
        const ids = terms.slice(i, i + ID_PAGE).map(termDocumentId);
        const page = await guard(
          'readTerms',
          () => client.index(termsUid).getDocuments({ ids, fields: ['term', 'docs'], filter: [], limit: ids.length }),
          () => undefined,
        );
        for (const doc of page?.results ?? []) {
          if (typeof doc['term'] === 'string' && typeof doc['docs'] === 'number') current.set(doc['term'], doc['docs']);
        }
      }
      const { upserts, deletes } = applyTermDelta(current, delta);
      for (let i = 0; i < upserts.length; i += TERMS_BATCH) {
        const batch = upserts.slice(i, i + TERMS_BATCH);
        await runTask('addTerms', () => client.index(termsUid).addDocuments(batch, { primaryKey: 'id' }));
      }
      if (deletes.length > 0) await runTask('deleteTerms', () => client.index(termsUid).deleteDocuments(deletes));
    } catch (error) {
      termDelta = undefined;
      throw error;
    }
  }

  /**
   * Builds the vocabulary whole from every title of the index just written (`rebuilt` when a
   * rebuild swaps it in, else the live one) into a fresh index, and swaps it in: with a rebuild,
   * in the same swap task as the articles, so articles and vocabulary change together.
   */
  async function rebuildTerms(rebuilt: string | undefined, liveTerms: string, liveTermsExist: boolean): Promise<void> {
    const nextTerms = rebuilt === undefined ? rebuildIndexUid(liveTerms) : termsIndexUid(rebuilt);
    const swaps: IndexSwap[] = [{ indexes: [liveTerms, nextTerms], rename: false }];
    if (rebuilt !== undefined) swaps.unshift({ indexes: [indexUid, rebuilt], rename: false });
    try {
      await buildTerms(rebuilt ?? indexUid, nextTerms);
      // A swap needs both sides: a first run has no vocabulary yet.
      if (!liveTermsExist) {
        await runTask('createIndex', () => client.createIndex(liveTerms, { primaryKey: 'id' }), [
          'index_already_exists',
        ]);
      }
      await runTask('swapIndexes', () => client.swapIndexes(swaps));
    } catch (error) {
      // No half-built vocabulary is left behind; rebuilt articles stay for another attempt.
      await dropQuietly(nextTerms);
      throw error;
    }
    // After the swap the temporary names hold the previous documents.
    if (rebuilt !== undefined) await dropQuietly(rebuilt);
    await dropQuietly(nextTerms);
  }

  /** Deletes an index that is no longer needed; a failure is only wasted disk, so it is reported, not thrown. */
  async function dropQuietly(uid: string): Promise<void> {
    try {
      await runTask('deleteIndex', () => client.deleteIndex(uid), ['index_not_found']);
    } catch (error) {
      logger.warn(
        { op: 'deleteIndex', code: toAppError('deleteIndex', error).code, indexUid: uid },
        'old index left behind',
      );
    }
  }

  /**
   * Writes run one at a time, in call order: a write reads the titles it replaces before it
   * stores its documents, and two overlapping writes of one article (two admin requests) would
   * both subtract the same old title from the vocabulary's counts.
   */
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    begin: (run?: IndexRunOptions) => inTurn(() => begin(run)),
    upsert: (batch: readonly Article[]) => inTurn(() => upsert(batch)),
    delete: (ids: readonly string[]) => inTurn(() => remove(ids)),
    finish: () => inTurn(() => finish()),
    listIds,
    count,
    close,
  };

  async function begin(run: IndexRunOptions = {}): Promise<void> {
    const liveIsNew = await ensureIndex(indexUid);
    // A first run builds the vocabulary whole: no stored title to read before each write.
    if (liveIsNew) termDelta = undefined;
    // Documents without filter keys would never match a filter again: only a rebuild fixes them.
    if (!liveIsNew && !run.rebuild && (await lacksFilterKeys(indexUid))) throw indexOutdated();
    // A new live index gets the settings at once: searches may reach it before the swap.
    if (liveIsNew || !run.rebuild) await applySettings(indexUid);
    if (!run.rebuild) return;
    rebuilding ??= rebuildIndexUid(indexUid);
    await ensureIndex(rebuilding);
    await applySettings(rebuilding);
    target = rebuilding;
  }

  async function upsert(batch: readonly Article[]): Promise<void> {
    if (batch.length === 0) return;
    if (rebuilding === undefined && termDelta !== undefined) {
      const before = await titlesOf(
        target,
        batch.map((article) => article.id),
      );
      titleTermDelta(
        batch.map((article) => ({ before: before.get(article.id), after: article.title })),
        termDelta,
      );
    }
    const rejected: RejectedArticle[] = [];
    for (const chunk of toRequestChunks(batch.map(toMeiliDocument), MAX_REQUEST_BYTES)) {
      await addDocuments(chunk, rejected);
    }
    changed = true;
    if (rejected.length > 0) {
      // A rejected article keeps its old title, which the delta already took out: rebuild instead.
      termDelta = undefined;
      throw new ArticlesRejectedError(rejected);
    }
  }

  async function remove(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const before = rebuilding === undefined && termDelta !== undefined ? await titlesOf(target, ids) : undefined;
    // Nothing to delete from an index that does not exist yet.
    const task = await runTask('deleteDocuments', () => client.index(target).deleteDocuments([...ids]), [
      'index_not_found',
    ]);
    const deleted = task.details?.deletedDocuments ?? 0;
    if (deleted > 0) changed = true;
    if (before && termDelta)
      titleTermDelta(
        [...before.values()].map((title) => ({ before: title })),
        termDelta,
      );
    return deleted;
  }

  async function* listIds(): AsyncIterable<string> {
    for (let offset = 0; ; offset += ID_PAGE) {
      const page = await guard(
        'listIds',
        () => client.index(target).getDocuments({ fields: ['id'], limit: ID_PAGE, offset }),
        () => ({ results: [], total: 0 }),
      );
      for (const doc of page.results) {
        if (typeof doc['id'] === 'string') yield doc['id'];
      }
      if (page.results.length < ID_PAGE) return;
    }
  }

  async function finish(): Promise<void> {
    const old = rebuilding;
    const liveTerms = termsIndexUid(indexUid);
    const liveTermsExist = await indexExists(liveTerms);
    if (old === undefined && !changed && liveTermsExist) return;
    if (old === undefined && liveTermsExist && termDelta !== undefined && termDelta.size <= MAX_INCREMENTAL_TERMS) {
      await updateTerms(liveTerms, termDelta);
    } else {
      await rebuildTerms(old, liveTerms, liveTermsExist);
    }
    target = indexUid;
    rebuilding = undefined;
    changed = false;
    termDelta = new Map();
  }

  async function count(): Promise<number> {
    const stats = await guard(
      'count',
      () => client.index(target).getStats(),
      () => ({ numberOfDocuments: 0 }),
    );
    return stats.numberOfDocuments;
  }

  async function close(): Promise<void> {
    // Nothing to release: the client holds no connection of its own.
  }
}
