/**
 * `npm run eval [-- --label <name>] [--collections cran,med] [--data <dir>] [--details <file>]
 *   [--skip-related | --related-only] [--related-sample 1000] [--related-seed 17]`
 *
 * Measures ranking quality on the judged collections in <shared>/data/ir (`SHARED_DATA_DIR`, else
 * ../shared; `--data` names another folder): ours (through the
 * indexer and the public HTTP API) against a plain FTS5 BM25 baseline. Prints the table and
 * writes bench/results/relevance.json; `--label` also appends it to history.json.
 * Then related articles on Reuters-21578 (precision@5 against two references, see
 * related/related-eval.ts), written to bench/results/related.json.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { REUTERS_DIR } from '../corpus/reuters-corpus.js';
import { COLLECTION_NAMES, DEFAULT_COLLECTIONS, DEFAULT_DATA_DIR, type CollectionName } from './collections.js';
import { appendHistory, formatTable, METHOD, toTable, writeTable } from './report.js';
import { RELATED_SAMPLE, evaluateRelated } from './related/related-eval.js';
import { formatRelatedTable, toRelatedTable, writeRelatedTable } from './related/related-report.js';
import { evaluateCollections } from './run-eval.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The table goes next to the speed results; the history of labelled runs stays with the evaluation. */
const TABLE_PATH = resolve(HERE, '..', 'results', 'relevance.json');
const RELATED_PATH = resolve(HERE, '..', 'results', 'related.json');
const RESULTS_DIR = resolve(HERE, 'results');

function parseCollections(list: string | undefined): CollectionName[] {
  if (list === undefined) return [...DEFAULT_COLLECTIONS];
  return list.split(',').map((name) => {
    const known = COLLECTION_NAMES.find((n) => n === name.trim());
    if (!known) throw new Error(`--collections: unknown "${name}"; known: ${COLLECTION_NAMES.join(', ')}`);
    return known;
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      label: { type: 'string' },
      collections: { type: 'string' },
      data: { type: 'string' },
      details: { type: 'string' },
      'skip-related': { type: 'boolean' },
      'related-only': { type: 'boolean' },
      'related-sample': { type: 'string' },
      'related-seed': { type: 'string' },
    },
  });
  const sample = {
    size: positiveInt('--related-sample', values['related-sample'], RELATED_SAMPLE.size),
    seed: positiveInt('--related-seed', values['related-seed'], RELATED_SAMPLE.seed),
  };
  if (!values['related-only']) {
    const code = await evaluateIr(values);
    if (code !== 0) return code;
  }
  if (values['skip-related']) return 0;
  if (!existsSync(REUTERS_DIR)) {
    console.log(`\nRelated articles: skipped, no Reuters-21578 at ${REUTERS_DIR}.`);
    return 0;
  }
  console.log(`\nRelated articles on Reuters-21578 (${sample.size} sources, seed ${sample.seed})...`);
  const related = toRelatedTable(await evaluateRelated(REUTERS_DIR, sample));
  console.log(`\n${formatRelatedTable(related)}\n`);
  for (const [key, text] of Object.entries(related.method)) console.log(`${key}: ${text}`);
  await writeRelatedTable(RELATED_PATH, related);
  console.log(`\nWrote ${RELATED_PATH}`);
  return 0;
}

function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,7}$/.test(text) || Number(text) < 1) throw new Error(`${name}: a whole number from 1`);
  return Number(text);
}

/** The judged IR collections: ours against the BM25 baseline. */
async function evaluateIr(values: {
  label?: string | undefined;
  collections?: string | undefined;
  data?: string | undefined;
  details?: string | undefined;
}): Promise<number> {
  if (values.label !== undefined && !/^[\w.:@+-]{1,80}$/.test(values.label)) {
    throw new Error('--label: 1-80 letters, digits or _ . : @ + -');
  }
  const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
  if (!existsSync(dataDir)) {
    console.error(`No collections at ${dataDir} (set SHARED_DATA_DIR or pass --data <dir>).`);
    return 2;
  }
  const names = parseCollections(values.collections);
  console.log(`Relevance eval on ${names.join(', ')} from ${dataDir}`);
  const { reports, details } = await evaluateCollections(dataDir, names, (r, seconds) => {
    console.log(`  ${r.collection}: ${r.queries} queries over ${r.documents} docs in ${seconds.toFixed(1)} s`);
  });
  const table = toTable(reports, values.label);
  console.log(`\n${formatTable(table)}\n`);
  for (const [key, text] of Object.entries(METHOD)) console.log(`${key}: ${text}`);

  await writeTable(TABLE_PATH, table);
  console.log(`\nWrote ${TABLE_PATH}`);
  if (values.label !== undefined) {
    await appendHistory(resolve(RESULTS_DIR, 'history.json'), table);
    console.log(`Appended "${values.label}" to ${resolve(RESULTS_DIR, 'history.json')}`);
  }
  if (values.details !== undefined) {
    await writeFile(resolve(values.details), `${JSON.stringify(Object.fromEntries(details), null, 2)}\n`);
    console.log(`Wrote per-query details to ${resolve(values.details)}`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
