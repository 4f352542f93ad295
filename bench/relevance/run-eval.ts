import type { EngineName } from '../engines/engine-target.js';
import { openApiRanker, type ApiAnswer, type RankerEngine } from './api-ranker.js';
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

/** One engine's scores on a collection, in a run with more than one engine. */
export interface EngineScores {
  engine: EngineName;
  scores: Scores;
  /** This engine / the BM25 baseline. */
  vsBaseline: Scores;
  /** This engine / SQLite (1 for SQLite itself). */
  vsSqlite: Scores;
  /** Queries this engine answered with no hit. */
  zeroResults: number;
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
  /** Every engine of the run side by side, SQLite first; only when the run had more than SQLite. */
  engines?: EngineScores[];
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

/** SQLite alone: what the table, the gate and the history measure. */
const SQLITE_ONLY: readonly RankerEngine[] = [{ engine: 'sqlite' }];

/** Every judged query of `collection` through the public API on `engine`, by query id. */
async function askApi(
  collection: Collection,
  engine: RankerEngine,
  params: Readonly<Record<string, string>>,
): Promise<Map<string, ApiAnswer>> {
  const api = await openApiRanker(collection.docs, engine, params);
  const answers = new Map<string, ApiAnswer>();
  try {
    for (const query of collection.queries) answers.set(query.id, await api.search(toApiQuery(query.text).q));
  } finally {
    await api.close();
  }
  return answers;
}

/**
 * Runs every judged query of a collection through the public API (loaded by the indexer)
 * on each engine and through the BM25 baseline, and scores them. The baseline gets the full
 * query text; the API gets `toApiQuery`'s version of it. `ours`, the notes and the details are
 * SQLite's (the first engine); other engines add `engines`, side by side. `params` go with
 * every request (`--params`).
 */
export async function evaluateCollection(
  collection: Collection,
  engines: readonly RankerEngine[] = SQLITE_ONLY,
  params: Readonly<Record<string, string>> = {},
): Promise<{ report: CollectionReport; details: QueryDetail[] }> {
  if (engines[0]?.engine !== 'sqlite') throw new Error('the evaluation needs SQLite as its first engine');
  const answersByEngine: Map<string, ApiAnswer>[] = [];
  for (const engine of engines) answersByEngine.push(await askApi(collection, engine, params));
  const sqliteAnswers = answersByEngine[0]!;
  const baseline = openBm25Ranker(collection.docs);
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
      const answer = sqliteAnswers.get(query.id)!;
      const base = baseline.search(query.text, 100);
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
  }
  const rankings = answersByEngine.map(
    (answers) => new Map([...answers].map(([id, answer]) => [id, answer.ids] as const)),
  );
  const scores = rankings.map((ranking) => meanScores(ranking, collection.qrels));
  const oursMean = scores[0]!;
  const baseMean = meanScores(theirs, collection.qrels);
  const report: CollectionReport = {
    collection: collection.name,
    documents: collection.docs.length,
    queries: collection.queries.length,
    gains: collection.gains,
    ours: oursMean,
    baseline: baseMean,
    ratio: ratioOf(oursMean, baseMean),
    notes,
  };
  if (engines.length > 1) {
    report.engines = engines.map((engine, i) => ({
      engine: engine.engine,
      scores: scores[i]!,
      vsBaseline: ratioOf(scores[i]!, baseMean),
      vsSqlite: ratioOf(scores[i]!, oursMean),
      zeroResults: [...rankings[i]!.values()].filter((ids) => ids.length === 0).length,
    }));
  }
  return { report, details };
}

/** Loads and evaluates each named collection in turn. */
export async function evaluateCollections(
  root: string,
  names: readonly CollectionName[],
  onDone: (report: CollectionReport, seconds: number) => void = () => {},
  engines: readonly RankerEngine[] = SQLITE_ONLY,
  params: Readonly<Record<string, string>> = {},
): Promise<{ reports: CollectionReport[]; details: Map<CollectionName, QueryDetail[]> }> {
  const reports: CollectionReport[] = [];
  const details = new Map<CollectionName, QueryDetail[]>();
  for (const name of names) {
    const started = performance.now();
    const result = await evaluateCollection(await loadCollection(root, name), engines, params);
    reports.push(result.report);
    details.set(name, result.details);
    onDone(result.report, (performance.now() - started) / 1000);
  }
  return { reports, details };
}
