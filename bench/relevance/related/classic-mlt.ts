import Database from 'better-sqlite3';
import { tokenize } from '../../../src/text/normalize.js';
import { BASELINE_TOKENIZER } from '../baseline-bm25.js';
import { ENGLISH_STOP_WORDS } from '../stop-words.js';

/**
 * The reference "classic more-like-this": Lucene's MoreLikeThis with its defaults, over a plain
 * FTS5 index of the same stories. Words of the source's title and body seen at least twice
 * (minTermFreq 2), in at least 5 stories (minDocFreq 5), not stop words, best 25 by
 * tf x idf (maxQueryTerms 25, ClassicSimilarity idf = 1 + ln(N / (df + 1))); the query is
 * their OR, without boosts, ranked by bm25() over title and body; the source is skipped.
 */
export const CLASSIC_MLT = { minTermFreq: 2, minDocFreq: 5, maxQueryTerms: 25 } as const;

/** A more-like-this ranker over a fixed set of stories. */
export interface ClassicMlt {
  /** Ids of the `k` stories most like `id`, best first. */
  related(id: string, k: number): string[];
  close(): void;
}

/** Indexes the stories into an in-memory `fts5(title, body)` and reads its document frequencies. */
export function openClassicMlt(stories: readonly { id: string; title: string; body: string }[]): ClassicMlt {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='${BASELINE_TOKENIZER}');
    CREATE VIRTUAL TABLE docs_vocab USING fts5vocab(docs, 'row');`);
  const rowOf = new Map<string, number>();
  const insert = db.prepare('INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)');
  db.transaction(() => {
    stories.forEach((s, i) => {
      rowOf.set(s.id, i + 1);
      insert.run(i + 1, s.title, s.body);
    });
  })();
  const df = new Map(
    (db.prepare('SELECT term, doc FROM docs_vocab').raw().all() as [string, number][]).map(([t, n]) => [t, n]),
  );
  const n = stories.length;
  const query = db.prepare(
    'SELECT rowid FROM docs WHERE docs MATCH ? AND rowid != ? ORDER BY bm25(docs), rowid LIMIT ?',
  );
  return {
    related(id, k) {
      const row = rowOf.get(id);
      const story = row === undefined ? undefined : stories[row - 1];
      if (row === undefined || !story) return [];
      const terms = mltTerms(`${story.title}\n${story.body}`, df, n);
      if (terms.length === 0) return [];
      const match = terms.map((t) => `"${t}"`).join(' OR ');
      return (query.raw().all(match, row, k) as [number][]).map(([r]) => stories[r - 1]?.id ?? '');
    },
    close: () => db.close(),
  };
}

/** The query words, best first. */
export function mltTerms(text: string, df: ReadonlyMap<string, number>, n: number): string[] {
  const tf = new Map<string, number>();
  for (const word of tokenize(text)) if (!ENGLISH_STOP_WORDS.has(word)) tf.set(word, (tf.get(word) ?? 0) + 1);
  const scored: [string, number][] = [];
  for (const [word, count] of tf) {
    const docs = df.get(word) ?? 0;
    if (count < CLASSIC_MLT.minTermFreq || docs < CLASSIC_MLT.minDocFreq) continue;
    scored.push([word, count * (1 + Math.log(n / (docs + 1)))]);
  }
  return scored
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, CLASSIC_MLT.maxQueryTerms)
    .map(([word]) => word);
}
