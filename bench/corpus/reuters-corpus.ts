import { createReadStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { parseIsoDate } from '../../src/articles/dates.js';
import { tokenize } from '../../src/text/normalize.js';
import { REPO_ROOT, runChild, TSX_NODE_ARGS } from '../lib/proc.js';
import { sharedPath } from '../lib/shared-data.js';
import {
  evenSample,
  readCorpusStats,
  toCounted,
  writeCorpusStats,
  type Corpus,
  type CorpusStats,
} from './corpus-stats.js';

/** Where the shared Reuters-21578 files live (read-only, never committed; `SHARED_DATA_DIR`, else ../shared). */
export const REUTERS_DIR = sharedPath('data', 'reuters21578');

/**
 * Where the Reuters cache goes: the project's converter refuses to write Reuters text inside
 * the repository (outside data/), so a corpus folder inside it is swapped for the OS temp dir.
 */
export function reutersCacheDir(corpusDir: string): string {
  const path = relative(REPO_ROOT, resolve(corpusDir));
  const inside = path === '' || !(path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path));
  return inside ? join(tmpdir(), 'article-search-bench') : corpusDir;
}

/**
 * Converts Reuters-21578 with the project's own converter (`indexer/convert-reuters.ts`)
 * into `<dir>/reuters.ndjson` once, then derives the same statistics the synthetic
 * generator records (document frequency by rank, facet values, dates, titles).
 */
export async function ensureReutersCorpus(corpusDir: string, log: (line: string) => void): Promise<Corpus> {
  const dir = reutersCacheDir(corpusDir);
  const name = 'reuters';
  const ndjsonPath = join(dir, `${name}.ndjson`);
  const statsPath = join(dir, `${name}.stats.json`);
  if (existsSync(ndjsonPath) && existsSync(statsPath)) return { name, ndjsonPath, stats: readCorpusStats(statsPath) };
  if (!existsSync(REUTERS_DIR)) {
    throw new Error(`--corpus reuters needs ${REUTERS_DIR} (set SHARED_DATA_DIR to the shared data folder)`);
  }
  mkdirSync(dir, { recursive: true });

  const converted = await runChild(
    process.execPath,
    [...TSX_NODE_ARGS, 'indexer/convert-reuters.ts', REUTERS_DIR, `${ndjsonPath}.tmp`],
    { timeoutMs: 10 * 60_000 },
  );
  if (converted.code !== 0)
    throw new Error(`convert-reuters failed (exit ${converted.code}): ${converted.stderr.slice(-2_000)}`);
  renameSync(`${ndjsonPath}.tmp`, ndjsonPath);
  const stats = await statsOfNdjson(ndjsonPath);
  writeCorpusStats(statsPath, stats);
  log(`converted Reuters-21578: ${stats.n} articles`);
  return { name, ndjsonPath, stats };
}

/** Reads an NDJSON corpus in our article shape and counts what the query picker needs. */
export async function statsOfNdjson(path: string): Promise<CorpusStats> {
  const df = new Map<string, number>();
  const sections = new Map<string, number>();
  const tags = new Map<string, number>();
  const authors = new Map<string, number>();
  const titles: string[] = [];
  let minDate = '\uffff';
  let maxDate = '';
  let n = 0;
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    const a = JSON.parse(line) as {
      title?: string;
      summary?: string;
      body?: string;
      section?: string;
      tags?: string[];
      authors?: string[];
      publishedAt?: string;
    };
    n++;
    for (const word of new Set(tokenize(`${a.title ?? ''} ${a.summary ?? ''} ${a.body ?? ''}`))) bump(df, word);
    if (a.section) bump(sections, a.section);
    (a.tags ?? []).forEach((t) => bump(tags, t.toLowerCase()));
    (a.authors ?? []).forEach((x) => bump(authors, x));
    if (a.title) titles.push(a.title);
    const ms = a.publishedAt ? parseIsoDate(a.publishedAt) : undefined;
    const date = ms === undefined ? undefined : new Date(ms).toISOString();
    if (date && date < minDate) minDate = date;
    if (date && date > maxDate) maxDate = date;
  }
  if (n === 0) throw new Error(`${path} holds no articles`);
  return {
    corpus: 'reuters',
    n,
    seed: 0,
    bodyWords: null,
    words: toCounted(df).map(({ value, count }) => [value, count] as [string, number]),
    sections: toCounted(sections),
    tags: toCounted(tags),
    authors: toCounted(authors),
    minDate,
    maxDate,
    titles: evenSample(titles, 400),
  };
}
