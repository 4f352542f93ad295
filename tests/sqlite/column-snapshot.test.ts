import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { decodeEveryRow, loadColumnStore, readCacheState } from '../../src/search/engines/sqlite/column-loader.js';
import { readColumnSnapshot } from '../../src/search/engines/sqlite/column-snapshot.js';
import type { ColumnStore } from '../../src/search/engines/sqlite/column-store.js';
import { openSqliteEngine, openSqliteIndex } from '../../src/search/engines/sqlite/index.js';
import { SearchParamsSchema } from '../../src/search/search.schema.js';
import { loadSeedArticles } from '../support/seed-articles.js';
import { createSqliteEngine } from '../support/sqlite-engine.js';

/** What a reader sees of a store: every live doc's columns, in doc order, and the date order. */
function contentOf(store: ColumnStore) {
  const docs: unknown[] = [];
  for (let d = 0; d < store.capacity; d++) {
    if (store.alive[d] !== 1) continue;
    docs.push({
      d,
      section: store.sections.name(store.section[d]!),
      published: store.published[d],
      day: store.day[d],
      titleWords: store.titleWords[d],
      tags: Array.from(store.tagsOf(d), (t) => store.tags.name(t)),
      authors: Array.from(store.authorsOf(d), (a) => store.authors.name(a)),
    });
  }
  return { count: store.count, docs, byDate: Array.from(store.byDateDesc()), days: store.dayRange };
}

describe('column store snapshot', () => {
  it('when an indexing run finishes, then a snapshot of that run is saved and a reader starts from it with the same content as decoding every row', async () => {
    const { path, cleanup } = await createSqliteEngine(loadSeedArticles());
    const db = new Database(path, { readonly: true });
    try {
      const saved = readColumnSnapshot(db);
      expect(saved?.mark).toEqual({ epoch: readCacheState(db).epoch, seq: readCacheState(db).seq });
      expect(contentOf(loadColumnStore(db))).toEqual(contentOf(decodeEveryRow(db)));
    } finally {
      db.close();
      await cleanup();
    }
  });

  it('when articles change after the snapshot and no run finished since, then a new reader adds the changes to it and answers like the rows say', async () => {
    const seed = loadSeedArticles();
    const { path, cleanup } = await createSqliteEngine(seed);
    const index = await openSqliteIndex({ path, logger: silentLogger() });
    const moved = { ...seed[0]!, section: 'Moved section', tags: ['fresh tag'] };
    await index.upsert([moved, { ...seed[1]!, id: 'snapshot-new', title: 'Snapshot newcomer' }]);
    await index.delete([seed[2]!.id]);
    await index.close();
    const db = new Database(path, { readonly: true });
    const engine = await openSqliteEngine({ path, logger: silentLogger() });
    try {
      expect(readColumnSnapshot(db)!.mark.seq).toBeLessThan(readCacheState(db).seq);
      expect(contentOf(loadColumnStore(db))).toEqual(contentOf(decodeEveryRow(db)));
      const browse = await engine.search(SearchParamsSchema.parse({ facets: 'section,tags', facetLimit: '100' }));
      expect(browse.totalHits).toBe(seed.length);
      expect(browse.facets.section).toContainEqual({ value: 'Moved section', count: 1 });
      const tagged = await engine.search(SearchParamsSchema.parse({ tag: 'fresh tag' }));
      expect(tagged.hits.map((h) => h.id)).toEqual([moved.id]);
      // The next finish saves a snapshot built from the old one and those changes (overrides folded in).
      const writer = await openSqliteIndex({ path, logger: silentLogger() });
      await writer.finish();
      await writer.close();
      expect(readColumnSnapshot(db)!.mark.seq).toBe(readCacheState(db).seq);
      expect(contentOf(readColumnSnapshot(db)!.store)).toEqual(contentOf(decodeEveryRow(db)));
    } finally {
      db.close();
      await engine.close();
      await cleanup();
    }
  });
});
