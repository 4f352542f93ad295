/**
 * `npm run eval [-- --label <name>] [--collections cran,med] [--data <dir>] [--details <file>]
 *   [--engine sqlite,meilisearch] [--skip-related | --related-only] [--related-sample 1000] [--related-seed 17]
 *   [--skip-known-item | --known-item-only] [--known-item-finished] [--params matchingStrategy=last]`
 *
 * Measures ranking quality on the judged collections in ../shared/data/ir: ours (through the
 * indexer and the public HTTP API) against a plain FTS5 BM25 baseline. Prints the table and
 * writes bench/results/relevance.json; `--label` also appends it to history.json. With
 * `--engine sqlite,meilisearch` the same queries also go to the API on Meilisearch (MEILI_URL,
 * or a throwaway server from MEILI_BIN), printed side by side; "ours" stays SQLite.
 * Then related articles on Reuters-21578 (precision@5 against two references, see
 * related/related-eval.ts), written to bench/results/related.json.
 * Then the known-item part (known-item/): queries typed the way readers type them, for one
 * article each, on the seed and Reuters, on every engine; written to bench/results/known-item.json.
 * `--params` adds query parameters to every search of the IR and known-item parts.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { REUTERS_DIR } from '../corpus/reuters-corpus.js';
import { parseEngineList } from '../engines/engine-target.js';
import { sqliteVersion } from '../engines/bench-engine.js';
import { connectMeili, meiliSourceFrom, NO_MEILI_SERVER, type MeiliSource } from '../engines/meili-source.js';
import type { RankerEngine } from './api-ranker.js';
import { COLLECTION_NAMES, DEFAULT_COLLECTIONS, DEFAULT_DATA_DIR, type CollectionName } from './collections.js';
import {
  appendHistory,
  formatEngineTable,
  formatTable,
  METHOD,
  toTable,
  writeTable,
  type EngineVersion,
} from './report.js';
import { RELATED_SAMPLE, evaluateRelated } from './related/related-eval.js';
import { formatRelatedTable, toRelatedTable, writeRelatedTable } from './related/related-report.js';
import { evaluateCollections } from './run-eval.js';
import { REPO_ROOT } from '../lib/proc.js';
import { evaluateKnownItems, formatKnownItemTable, KNOWN_ITEM_SAMPLE } from './known-item/known-item-eval.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The table goes next to the speed results; the history of labelled runs stays with the evaluation. */
const TABLE_PATH = resolve(HERE, '..', 'results', 'relevance.json');
const RELATED_PATH = resolve(HERE, '..', 'results', 'related.json');
const KNOWN_ITEM_PATH = resolve(HERE, '..', 'results', 'known-item.json');
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
      engine: { type: 'string', default: 'sqlite' },
      'skip-related': { type: 'boolean' },
      'related-only': { type: 'boolean' },
      'related-sample': { type: 'string' },
      'related-seed': { type: 'string' },
      'skip-known-item': { type: 'boolean' },
      'known-item-only': { type: 'boolean' },
      params: { type: 'string' },
      'known-item-finished': { type: 'boolean' },
    },
  });
  const params = parseParams(values.params);
  const engineNames = parseEngineList(values.engine);
  const meiliSource = engineNames.includes('meilisearch') ? meiliSourceFrom(process.env) : undefined;
  if (engineNames.includes('meilisearch') && !meiliSource) {
    console.error(`--engine meilisearch: ${NO_MEILI_SERVER}`);
    return 2;
  }
  const sample = {
    size: positiveInt('--related-sample', values['related-sample'], RELATED_SAMPLE.size),
    seed: positiveInt('--related-seed', values['related-seed'], RELATED_SAMPLE.seed),
  };
  const finished = values['known-item-finished'] === true;
  if (values['known-item-only']) return evaluateKnownItemPart(meiliSource, params, finished);
  if (!values['related-only']) {
    const code = await evaluateIr(values, meiliSource, params);
    if (code !== 0) return code;
    if (!values['skip-known-item']) await evaluateKnownItemPart(meiliSource, params, finished);
  }
  if (values['skip-related']) return 0;
  if (!existsSync(REUTERS_DIR)) {
    console.log(`\nRelated articles: skipped, no Reuters-21578 at ${REUTERS_DIR}.`);
    return 0;
  }
  console.log(`\nRelated articles on Reuters-21578 (${sample.size} sources, seed ${sample.seed}, embedded engine)...`);
  const related = toRelatedTable(await evaluateRelated(REUTERS_DIR, sample));
  console.log(`\n${formatRelatedTable(related)}\n`);
  for (const [key, text] of Object.entries(related.method)) console.log(`${key}: ${text}`);
  await writeRelatedTable(RELATED_PATH, related);
  console.log(`\nWrote ${RELATED_PATH}`);
  return 0;
}

/** `matchingStrategy=last&x=y` -> { matchingStrategy: 'last', x: 'y' }; the API validates the values. */
function parseParams(text: string | undefined): Record<string, string> {
  if (text === undefined) return {};
  const params = Object.fromEntries(new URLSearchParams(text));
  for (const key of ['q', 'pageSize']) if (key in params) throw new Error(`--params: ${key} is set by the evaluation`);
  return params;
}

/** The known-item part on the seed and (when present) Reuters, on SQLite and Meilisearch when asked. */
async function evaluateKnownItemPart(
  meiliSource: MeiliSource | undefined,
  params: Record<string, string>,
  finished = false,
): Promise<number> {
  const meili = meiliSource ? await connectMeili(meiliSource) : undefined;
  try {
    const engines: RankerEngine[] = [{ engine: 'sqlite' }];
    if (meili) engines.push({ engine: 'meilisearch', server: meili });
    const withParams = Object.keys(params).length > 0 ? ` with ${new URLSearchParams(params).toString()}` : '';
    console.log(
      `\nKnown items (seed and Reuters, ${KNOWN_ITEM_SAMPLE.targets} targets each, seed ${KNOWN_ITEM_SAMPLE.seed})${withParams}...`,
    );
    const reports = await evaluateKnownItems(
      { seedDir: resolve(REPO_ROOT, 'seed'), reutersDir: existsSync(REUTERS_DIR) ? REUTERS_DIR : undefined },
      engines,
      params,
      KNOWN_ITEM_SAMPLE,
      (r) => console.log(`  ${r.corpus} on ${r.engine}: ${r.all.queries} queries over ${r.documents} docs`),
      finished,
    );
    console.log(`\n${formatKnownItemTable(reports)}\n`);
    await writeFile(
      KNOWN_ITEM_PATH,
      `${JSON.stringify({ generatedAt: new Date().toISOString(), params, sample: KNOWN_ITEM_SAMPLE, reports }, null, 2)}\n`,
    );
    console.log(`Wrote ${KNOWN_ITEM_PATH}`);
    return 0;
  } finally {
    await meili?.close();
  }
}

function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,7}$/.test(text) || Number(text) < 1) throw new Error(`${name}: a whole number from 1`);
  return Number(text);
}

/** The judged IR collections: ours (and Meilisearch, when asked) against the BM25 baseline. */
async function evaluateIr(
  values: {
    label?: string | undefined;
    collections?: string | undefined;
    data?: string | undefined;
    details?: string | undefined;
  },
  meiliSource: MeiliSource | undefined,
  params: Record<string, string>,
): Promise<number> {
  if (values.label !== undefined && !/^[\w.:@+-]{1,80}$/.test(values.label)) {
    throw new Error('--label: 1-80 letters, digits or _ . : @ + -');
  }
  const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
  if (!existsSync(dataDir)) {
    console.error(`No collections at ${dataDir} (pass --data <dir>).`);
    return 2;
  }
  const names = parseCollections(values.collections);
  const meili = meiliSource ? await connectMeili(meiliSource) : undefined;
  try {
    const versions: EngineVersion[] = [{ engine: 'sqlite', version: sqliteVersion() }];
    const engines: RankerEngine[] = [{ engine: 'sqlite' }];
    if (meili) {
      versions.push({ engine: 'meilisearch', version: meili.version });
      engines.push({ engine: 'meilisearch', server: meili });
    }
    const on = versions.map((v) => `${v.engine} ${v.version}`).join(', ');
    console.log(
      `Relevance eval on ${names.join(', ')} from ${dataDir}; engines: ${on}${meili ? ` (${meili.origin})` : ''}`,
    );
    return await evaluate(values, dataDir, names, engines, versions, params);
  } finally {
    await meili?.close();
  }
}

async function evaluate(
  values: { label?: string | undefined; details?: string | undefined },
  dataDir: string,
  names: CollectionName[],
  engines: RankerEngine[],
  versions: EngineVersion[],
  params: Record<string, string>,
): Promise<number> {
  const { reports, details } = await evaluateCollections(
    dataDir,
    names,
    (r, seconds) => {
      console.log(`  ${r.collection}: ${r.queries} queries over ${r.documents} docs in ${seconds.toFixed(1)} s`);
    },
    engines,
    params,
  );
  const table = toTable(reports, values.label, versions);
  console.log(`\nOurs = ${versions[0]!.engine} ${versions[0]!.version} (embedded)\n${formatTable(table)}\n`);
  if (versions.length > 1)
    console.log(`Side by side, same queries through the same API\n${formatEngineTable(table)}\n`);
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
