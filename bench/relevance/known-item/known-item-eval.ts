import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArticleInputSchema } from '../../../src/articles/article.schema.js';
import type { EngineName } from '../../engines/engine-target.js';
import { fetchSearch, serveArticleLines, type RankerEngine } from '../api-ranker.js';
import { loadTopicStories } from '../related/reuters-topics.js';
import {
  buildKnownItemQueries,
  KNOWN_ITEM_KINDS,
  type KnownItemDoc,
  type KnownItemKind,
  type KnownItemQuery,
} from './known-item-queries.js';

/** The corpora the known-item part reads: the seed (every article) and Reuters-21578 (a sample). */
export const KNOWN_ITEM_CORPORA = ['seed', 'reuters'] as const;
export type KnownItemCorpus = (typeof KNOWN_ITEM_CORPORA)[number];
/** Targets drawn per corpus (the seed has fewer, so all of it) and the generator's seed. */
export const KNOWN_ITEM_SAMPLE = { targets: 400, seed: 13 } as const;

/** success@1, success@10 and MRR (over the first 100 hits) of some queries. */
export interface KnownItemScores {
  queries: number;
  success1: number;
  success10: number;
  mrr: number;
}

/** One engine's scores on one corpus: overall and per kind of query. */
export interface KnownItemReport {
  corpus: KnownItemCorpus;
  engine: EngineName;
  documents: number;
  all: KnownItemScores;
  byKind: Partial<Record<KnownItemKind, KnownItemScores>>;
}

/** The 1-based rank of `target` in `ids`, 0 when absent. */
export function rankOf(ids: readonly string[], target: string): number {
  return ids.indexOf(target) + 1;
}

/** Mean success@1, success@10 and reciprocal rank over the ranks of the targets (0 = not found). */
export function knownItemScores(ranks: readonly number[]): KnownItemScores {
  const n = ranks.length;
  const mean = (f: (r: number) => number) => (n === 0 ? 0 : ranks.reduce((s, r) => s + f(r), 0) / n);
  return {
    queries: n,
    success1: mean((r) => (r === 1 ? 1 : 0)),
    success10: mean((r) => (r >= 1 && r <= 10 ? 1 : 0)),
    mrr: mean((r) => (r >= 1 ? 1 / r : 0)),
  };
}

/** A corpus as NDJSON article lines and what the query generator reads of each article. */
interface LoadedCorpus {
  lines: string[];
  docs: KnownItemDoc[];
}

async function loadSeed(seedDir: string): Promise<LoadedCorpus> {
  const files = (await readdir(seedDir)).filter((f) => f.endsWith('.ndjson')).sort();
  const articles = [];
  for (const file of files)
    for (const line of (await readFile(join(seedDir, file), 'utf8')).split('\n'))
      if (line.trim() !== '') articles.push(ArticleInputSchema.parse(JSON.parse(line)));
  return {
    lines: articles.map((a) => JSON.stringify(a)),
    docs: articles.map((a) => ({
      id: a.id,
      title: a.title,
      body: `${a.summary ?? ''}\n${a.body}`,
      authors: a.authors,
    })),
  };
}

async function loadReuters(reutersDir: string): Promise<LoadedCorpus> {
  const stories = await loadTopicStories(reutersDir);
  return {
    lines: stories.map((s) => s.line),
    docs: stories.map((s) => {
      const { body, authors } = JSON.parse(s.line) as { body: string; authors?: string[] };
      return { id: s.id, title: s.title, body, authors: authors ?? [] };
    }),
  };
}

/** Where each corpus comes from. */
export interface KnownItemSources {
  seedDir: string;
  reutersDir?: string | undefined;
}

/**
 * Builds the known-item queries of each corpus, serves the corpus on each engine (through the
 * indexer and createApp, as the judged collections) and scores where the target lands.
 */
export async function evaluateKnownItems(
  sources: KnownItemSources,
  engines: readonly RankerEngine[],
  params: Readonly<Record<string, string>> = {},
  sample: { targets: number; seed: number } = KNOWN_ITEM_SAMPLE,
  onDone: (report: KnownItemReport) => void = () => {},
  finished = false,
): Promise<KnownItemReport[]> {
  const reports: KnownItemReport[] = [];
  for (const corpus of KNOWN_ITEM_CORPORA) {
    if (corpus === 'reuters' && sources.reutersDir === undefined) continue;
    const loaded = corpus === 'seed' ? await loadSeed(sources.seedDir) : await loadReuters(sources.reutersDir!);
    // `finished`: as if Enter ended the last word (a trailing space: no prefix), to compare.
    const queries = buildKnownItemQueries(loaded.docs, sample.targets, sample.seed).map((q) =>
      finished ? { ...q, q: `${q.q} ` } : q,
    );
    for (const engine of engines) {
      const report = await scoreOn(corpus, loaded, queries, engine, params);
      reports.push(report);
      onDone(report);
    }
  }
  return reports;
}

async function scoreOn(
  corpus: KnownItemCorpus,
  loaded: LoadedCorpus,
  queries: readonly KnownItemQuery[],
  engine: RankerEngine,
  params: Readonly<Record<string, string>>,
): Promise<KnownItemReport> {
  const api = await serveArticleLines(loaded.lines, engine);
  const ranks = new Map<KnownItemKind, number[]>();
  try {
    for (const query of queries) {
      const answer = await fetchSearch(api.base, query.q, params);
      const list = ranks.get(query.kind) ?? [];
      list.push(rankOf(answer.ids, query.target));
      ranks.set(query.kind, list);
    }
  } finally {
    await api.close();
  }
  const byKind: Partial<Record<KnownItemKind, KnownItemScores>> = {};
  for (const kind of KNOWN_ITEM_KINDS) {
    const list = ranks.get(kind);
    if (list) byKind[kind] = knownItemScores(list);
  }
  return {
    corpus,
    engine: engine.engine,
    documents: loaded.lines.length,
    all: knownItemScores([...ranks.values()].flat()),
    byKind,
  };
}

const f3 = (x: number) => x.toFixed(3);

/** The known-item table: one row per corpus and engine, success@1 / success@10 / MRR overall and per kind. */
export function formatKnownItemTable(reports: readonly KnownItemReport[]): string {
  const header = [
    'corpus',
    'engine',
    'queries',
    'all s@1/s@10/MRR',
    ...KNOWN_ITEM_KINDS.map((k) => `${k} s@1/s@10/MRR`),
  ];
  const cell = (s: KnownItemScores | undefined) =>
    s ? `${f3(s.success1)}/${f3(s.success10)}/${f3(s.mrr)} (${s.queries})` : '-';
  const rows = reports.map((r) => [
    r.corpus,
    r.engine,
    String(r.all.queries),
    cell(r.all),
    ...KNOWN_ITEM_KINDS.map((k) => cell(r.byKind[k])),
  ]);
  return [header, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}
