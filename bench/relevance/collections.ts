import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sharedPath } from '../lib/shared-data.js';
import { parseDotFields, parseQrelLines, parseSlashBlocks, parseSlashQrels, type Qrel } from './collection-formats.js';

/** Where the collections live: `data/ir` in the shared data folder (`SHARED_DATA_DIR`, else `../shared`). */
export const DEFAULT_DATA_DIR = sharedPath('data', 'ir');

/** The collections the eval knows, in report order (ADI is optional and tiny). */
export const COLLECTION_NAMES = ['cran', 'cisi', 'med', 'cacm', 'npl', 'adi'] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];
/** The collections `npm run eval` runs by default (the five). */
export const DEFAULT_COLLECTIONS: readonly CollectionName[] = ['cran', 'cisi', 'med', 'cacm', 'npl'];

/** One document: `title` feeds the article title, `text` the body ('' when the collection has none). */
export interface EvalDoc {
  id: string;
  title: string;
  text: string;
}

/** A loaded collection: documents, judged queries only, and graded judgments (gain > 0 = relevant). */
export interface Collection {
  name: CollectionName;
  docs: EvalDoc[];
  queries: { id: string; text: string }[];
  /** query id -> doc id -> gain. */
  qrels: Map<string, Map<string, number>>;
  /** How gains were derived, for the report. */
  gains: string;
}

interface RawCollection {
  docs: EvalDoc[];
  queries: { id: string; text: string }[];
  qrels: Qrel[];
  gains: string;
  /** Grade -> gain; 0 means not relevant. */
  toGain: (grade: number) => number;
}

const read = (dir: string, file: string) => readFile(join(dir, file), 'utf8');
const binary = (grade: number) => (grade > 0 ? 1 : 0);

async function loadSmart(dir: string, files: { docs: string; queries: string; qrels: string }): Promise<RawCollection> {
  const [docs, queries, qrels] = await Promise.all([
    read(dir, files.docs),
    read(dir, files.queries),
    read(dir, files.qrels),
  ]);
  return {
    docs: parseDotFields(docs).map((r) => ({ id: r.id, title: r.fields.T ?? '', text: r.fields.W ?? '' })),
    queries: parseDotFields(queries).map((r) => ({ id: r.id, text: r.fields.W ?? '' })),
    qrels: parseQrelLines(qrels, { gradeColumn: false }),
    gains: 'binary (every listed pair is relevant)',
    toGain: binary,
  };
}

const LOADERS: Record<CollectionName, (dir: string) => Promise<RawCollection>> = {
  cran: async (dir) => {
    const [docs, queries, qrels] = await Promise.all([
      read(dir, 'cran.all'),
      read(dir, 'cran.qry'),
      read(dir, 'cran.rel'),
    ]);
    return {
      docs: parseDotFields(docs).map((r) => ({ id: r.id, title: r.fields.T ?? '', text: r.fields.W ?? '' })),
      // The qrels number queries by their 1-based position in cran.qry, not by `.I`.
      queries: parseDotFields(queries).map((r, i) => ({ id: String(i + 1), text: r.fields.W ?? '' })),
      qrels: parseQrelLines(qrels, { gradeColumn: true }),
      gains: 'binary (grades 1-4 relevant, -1 not: the 1-4 scale is read both ways, see README)',
      toGain: binary,
    };
  },
  cisi: (dir) => loadSmart(dir, { docs: 'CISI.ALL', queries: 'CISI.QRY', qrels: 'CISI.REL' }),
  med: (dir) => loadSmart(dir, { docs: 'med.all', queries: 'med.qry', qrels: 'med.rel' }),
  cacm: (dir) => loadSmart(dir, { docs: 'cacm.all', queries: 'cacm.qry', qrels: 'cacm.rel' }),
  adi: (dir) => loadSmart(dir, { docs: 'adi.all', queries: 'adi.qry', qrels: 'adi.rel' }),
  npl: async (dir) => {
    const [docs, queries, qrels] = await Promise.all([
      read(dir, 'npl.all'),
      read(dir, 'npl.qry'),
      read(dir, 'npl.rel'),
    ]);
    return {
      docs: parseSlashBlocks(docs).map((b) => ({ id: b.id, title: '', text: b.text })),
      queries: parseSlashBlocks(queries),
      qrels: parseSlashQrels(qrels),
      gains: 'binary (every listed pair is relevant)',
      toGain: binary,
    };
  },
};

/**
 * Reads one collection from `<root>/<name>/`. Only queries with at least one relevant
 * document are kept (CISI judges 76 of 112, CACM 52 of 64); judgments naming an unknown
 * document or query are an error, not a silent zero.
 */
export async function loadCollection(root: string, name: CollectionName): Promise<Collection> {
  const raw = await LOADERS[name](join(root, name));
  const docIds = new Set(raw.docs.map((d) => d.id));
  const queryIds = new Set(raw.queries.map((q) => q.id));
  const qrels = new Map<string, Map<string, number>>();
  for (const { query, doc, grade } of raw.qrels) {
    if (!docIds.has(doc) || !queryIds.has(query))
      throw new Error(`${name}: judgment names unknown query ${query} or doc ${doc}`);
    const gain = raw.toGain(grade);
    if (gain <= 0) continue;
    const judged = qrels.get(query) ?? new Map<string, number>();
    judged.set(doc, Math.max(gain, judged.get(doc) ?? 0));
    qrels.set(query, judged);
  }
  return {
    name,
    docs: raw.docs,
    queries: raw.queries.filter((q) => qrels.has(q.id)),
    qrels,
    gains: raw.gains,
  };
}
