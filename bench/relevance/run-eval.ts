import { openApiRanker } from './api-ranker.js';
import { openBm25Ranker } from './baseline-bm25.js';
import { loadCollection, type Collection, type CollectionName } from './collections.js';
import { meanScores, ratioOf, scoreQuery, type Scores } from './metrics.js';
import { exceedsTermLimit, toApiQuery } from './query-text.js';

/** How the queries had to be adapted to the API, and how many found nothing. */
export interface QueryNotes {
  /** Longer than the API's 512-character `q` limit: cut at a word boundary. */
  truncated: number;
  /** Held `"` or a word-initial `-`, removed so the text stays plain words. */
  syntaxRemoved: number;
  /** More distinct words than the engine considers (MAX_QUERY_TERMS = 10). */
  overTermLimit: number;
  /** Queries for which the API returned no hit. */
  zeroResults: number;
  /** Queries for which the baseline returned no hit. */
  baselineZeroResults: number;
}

/** One row of the table. */
export interface CollectionReport {
  collection: CollectionName;
  documents: number;
  /** Judged queries evaluated (those with >= 1 relevant doc). */
  queries: number;
  gains: string;
  ours: Scores;
  baseline: Scores;
  /** ours / baseline for each figure. */
  ratio: Scores;
  notes: QueryNotes;
}

/** One query's outcome, for the loss analysis. */
export interface QueryDetail {
  id: string;
  q: string;
  distinctWords: number;
  truncated: boolean;
  totalHits: number;
  relevant: number;
  ours: Scores;
  baseline: Scores;
  ourTop: string[];
  baselineTop: string[];
}

/**
 * Runs every judged query of a collection through the public API (loaded by the indexer)
 * and through the BM25 baseline, and scores both. The baseline gets the full query text;
 * the API gets `toApiQuery`'s version of it.
 */
export async function evaluateCollection(
  collection: Collection,
): Promise<{ report: CollectionReport; details: QueryDetail[] }> {
  const baseline = openBm25Ranker(collection.docs);
  const api = await openApiRanker(collection.docs);
  const ours = new Map<string, string[]>();
  const theirs = new Map<string, string[]>();
  const details: QueryDetail[] = [];
  const notes: QueryNotes = {
    truncated: 0,
    syntaxRemoved: 0,
    overTermLimit: 0,
    zeroResults: 0,
    baselineZeroResults: 0,
  };
  try {
    for (const query of collection.queries) {
      const apiQuery = toApiQuery(query.text);
      const answer = await api.search(apiQuery.q);
      const base = baseline.search(query.text, 100);
      ours.set(query.id, answer.ids);
      theirs.set(query.id, base);
      notes.truncated += Number(apiQuery.truncated);
      notes.syntaxRemoved += Number(apiQuery.syntaxRemoved);
      notes.overTermLimit += Number(exceedsTermLimit(apiQuery));
      notes.zeroResults += Number(answer.ids.length === 0);
      notes.baselineZeroResults += Number(base.length === 0);
      const judgments = collection.qrels.get(query.id) ?? new Map<string, number>();
      details.push({
        id: query.id,
        q: apiQuery.q,
        distinctWords: apiQuery.distinctWords,
        truncated: apiQuery.truncated,
        totalHits: answer.totalHits,
        relevant: judgments.size,
        ours: scoreQuery(answer.ids, judgments),
        baseline: scoreQuery(base, judgments),
        ourTop: answer.ids.slice(0, 10),
        baselineTop: base.slice(0, 10),
      });
    }
  } finally {
    baseline.close();
    await api.close();
  }
  const oursMean = meanScores(ours, collection.qrels);
  const baseMean = meanScores(theirs, collection.qrels);
  return {
    report: {
      collection: collection.name,
      documents: collection.docs.length,
      queries: collection.queries.length,
      gains: collection.gains,
      ours: oursMean,
      baseline: baseMean,
      ratio: ratioOf(oursMean, baseMean),
      notes,
    },
    details,
  };
}

/** Loads and evaluates each named collection in turn. */
export async function evaluateCollections(
  root: string,
  names: readonly CollectionName[],
  onDone: (report: CollectionReport, seconds: number) => void = () => {},
): Promise<{ reports: CollectionReport[]; details: Map<CollectionName, QueryDetail[]> }> {
  const reports: CollectionReport[] = [];
  const details = new Map<CollectionName, QueryDetail[]>();
  for (const name of names) {
    const started = performance.now();
    const result = await evaluateCollection(await loadCollection(root, name));
    reports.push(result.report);
    details.set(name, result.details);
    onDone(result.report, (performance.now() - started) / 1000);
  }
  return { reports, details };
}
