import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article.schema.js';
import { parseQuery } from '../../src/search/query/parse-query.js';
import { loadColumnStore } from '../../src/search/engines/sqlite/column-loader.js';
import { openDatabase } from '../../src/search/engines/sqlite/database.js';
import { compileFilters } from '../../src/search/engines/sqlite/filters.js';
import { FtsReader } from '../../src/search/engines/sqlite/fts-reader.js';
import { resolveMatches } from '../../src/search/engines/sqlite/matcher.js';
import { BM25_LIMITS, Ranker } from '../../src/search/engines/sqlite/ranker.js';
import { SqliteWriter } from '../../src/search/engines/sqlite/sqlite-writer.js';
import { Vocabulary } from '../../src/search/engines/sqlite/vocabulary.js';

/**
 * The embedded engine's ranking rules (docs/ranking.md) on hand-made articles: an in-memory
 * database, no file, so each case reads as the order a reader would see.
 */
let next = 0;
const article = (title: string, body: string, day = 1, summary?: string): Article => ({
  id: `a${++next}`,
  title,
  body,
  ...(summary === undefined ? {} : { summary }),
  section: 'World',
  tags: [],
  authors: [],
  publishedAt: new Date(Date.UTC(2024, 0, day)).toISOString(),
  language: 'en',
});

/** Indexes the articles and returns a function: query -> ids in ranked order. */
function rankerOver(articles: Article[]): (q: string) => string[] {
  const db = openDatabase({ path: ':memory:' });
  const writer = new SqliteWriter(db);
  writer.upsert(articles);
  writer.finish();
  const store = loadColumnStore(db);
  const fts = new FtsReader(db);
  const vocab = new Vocabulary(db.prepare('SELECT term, docs FROM vocab').all() as { term: string; docs: number }[]);
  const idOf = new Map(
    (db.prepare('SELECT doc, id FROM articles').all() as { doc: number; id: string }[]).map((r) => [r.doc, r.id]),
  );
  return (q) => {
    const filters = compileFilters({ sections: [], tags: [], authors: [] }, store);
    const matches = resolveMatches(parseQuery(q), filters, { fts, store, vocab });
    const ranked = new Ranker(fts, store).rank({
      plan: matches.plan!,
      docs: matches.docs!,
      unfilteredMatches: matches.unfilteredMatches,
      unfilteredFullMatches: matches.unfilteredFullMatches,
      windowEnd: 20,
      ...(matches.levels ? { levels: matches.levels } : {}),
    });
    return Array.from(ranked, (doc) => idOf.get(doc)!);
  };
}

describe('Ranker', () => {
  it('when a word is in one title and only in the body of a newer article, then the title match comes first', () => {
    const inBody = article('Markets close higher', 'The harbour authority met.', 9);
    const inTitle = article('Harbour reopens', 'Ships returned.', 1);
    expect(rankerOver([inBody, inTitle])('harbour ')).toEqual([inTitle.id, inBody.id]);
  });

  it('when the word is in no title, then a summary match comes before a body-only match', () => {
    const inBody = article('Markets', 'Talk of the harbour.', 9);
    const inSummary = article('Shipping', 'Ships.', 1, 'The harbour is busy.');
    expect(rankerOver([inBody, inSummary])('harbour ')).toEqual([inSummary.id, inBody.id]);
  });

  it('when one article holds the word as typed and another only a typo of it, then the exact one comes first', () => {
    const typo = article('Goverment budget', 'Text.', 9);
    const exact = article('Government budget', 'Text.', 1);
    expect(rankerOver([typo, exact])('government ')).toEqual([exact.id, typo.id]);
  });

  it('when two titles hold the word, then the shorter title comes first; equal ones by date, newest first', () => {
    const long = article('Harbour news from the old town and the new docks', 'Text.', 9);
    const short = article('Harbour news', 'Text.', 1);
    const shortNewer = article('Harbour diary', 'Text.', 5);
    expect(rankerOver([long, short, shortNewer])('harbour ')).toEqual([shortNewer.id, short.id, long.id]);
  });

  it('when few articles hold every word, then they come first and articles holding some of the words follow', () => {
    const both = article('Harbour cranes', 'Text.', 1);
    const one = article('Harbour closed', 'Text.', 9);
    const other = article('Cranes arrive', 'Text.', 8);
    const neither = article('Markets', 'Text.', 7);
    const ranked = rankerOver([both, one, other, neither])('harbour cranes ');
    expect(ranked[0]).toBe(both.id);
    expect(ranked.slice(1).sort()).toEqual([one.id, other.id].sort());
    expect(ranked).not.toContain(neither.id);
  });

  it('when a partial match holds a rarer word, then it ranks above one holding a common word', () => {
    const common = Array.from({ length: 6 }, (_, i) => article(`Weather report ${i}`, 'Rain.', 9));
    const rare = article('Typhoon warning', 'Wind.', 1);
    const ranked = rankerOver([...common, rare])('weather typhoon ');
    expect(ranked[0]).toBe(rare.id);
    expect(ranked).toHaveLength(7);
  });

  it('when a few articles hold every word among thousands holding one of them, then those few are still ranked by BM25, not by date', () => {
    // More articles than BM25_LIMITS.allWords hold "harbour" alone, so the widened match set is
    // large; only two hold both words, and their order must still follow how well they match.
    const filler = 'council budget weather report ferry schedule '.repeat(30);
    const many = Array.from({ length: BM25_LIMITS.allWords + 100 }, (_, i) =>
      article('Port news', `The harbour opened ${i}.`, 2, 'Port news.'),
    );
    const strong = article('Shipping', 'Harbour strike: the harbour strike goes on.', 1, 'Port news.');
    const weak = article('Shipping', `${filler} harbour ${filler} strike ${filler}`, 9, 'Port news.');
    expect(rankerOver([...many, strong, weak])('harbour strike ').slice(0, 2)).toEqual([strong.id, weak.id]);
  });
});
