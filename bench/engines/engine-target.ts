import { CONFIG_VARIABLES } from '../../src/config.js';

/** The engines the service can run on, in the order the side-by-side tables list them. */
export const ENGINES = ['sqlite', 'meilisearch'] as const;
export type EngineName = (typeof ENGINES)[number];

/** Where a benchmark child (the indexer CLI, the API server) finds the index it works on. */
export type EngineTarget =
  | { engine: 'sqlite'; dbPath: string }
  | { engine: 'meilisearch'; url: string; apiKey: string | undefined; indexUid: string };

/** Variables a child must not inherit: every one the service reads, and the test harness's binary path. */
const INHERITED_CONFIG = new Set<string>([...CONFIG_VARIABLES, 'MEILI_BIN']);

/**
 * The environment of a benchmark child: the caller's, minus every variable the service reads,
 * plus the engine's own and `extra`. The engine is always named (`SEARCH_ENGINE`), and the
 * Meilisearch variables are set only for Meilisearch: a `MEILI_URL` left in the caller's
 * environment (the test setup sets one) must not turn a SQLite run into a Meilisearch one.
 * @example childEnv({ engine: 'sqlite', dbPath: 'a.db' }, {}, { MEILI_URL: 'http://x', PATH: '/bin' })
 *   -> { PATH: '/bin', SEARCH_ENGINE: 'sqlite', SQLITE_PATH: 'a.db' }
 */
export function childEnv(
  target: EngineTarget,
  extra: Readonly<Record<string, string>>,
  parent: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(parent).filter(([key]) => !INHERITED_CONFIG.has(key)),
  );
  Object.assign(env, extra, engineVariables(target));
  return env;
}

function engineVariables(target: EngineTarget): Record<string, string> {
  if (target.engine === 'sqlite') return { SEARCH_ENGINE: 'sqlite', SQLITE_PATH: target.dbPath };
  return {
    SEARCH_ENGINE: 'meilisearch',
    MEILI_URL: target.url,
    MEILI_INDEX: target.indexUid,
    ...(target.apiKey ? { MEILI_API_KEY: target.apiKey } : {}),
  };
}

/**
 * The Meilisearch index the benchmark fills for a corpus: its own name, never the service's
 * `articles`, since every indexing run deletes it first (on a server the user may share).
 * @example benchIndexUid('synthetic-3000-s42-b350') -> 'bench_synthetic-3000-s42-b350'
 */
export function benchIndexUid(corpusName: string): string {
  return `bench_${corpusName.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 150);
}

/**
 * Parses an `--engine` list: known names, no repeats, in table order, SQLite included (every
 * side-by-side figure is a ratio to it, and the in-process, floor and peer parts are its own).
 * @example parseEngineList('meilisearch,sqlite') -> ['sqlite', 'meilisearch']
 */
export function parseEngineList(text: string): EngineName[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const name of names) {
    if (!(ENGINES as readonly string[]).includes(name)) {
      throw new Error(`--engine: unknown engine "${name}"; known: ${ENGINES.join(', ')}`);
    }
  }
  if (!names.includes('sqlite')) {
    throw new Error(
      '--engine: list sqlite too (e.g. --engine sqlite,meilisearch): each figure is compared with the embedded engine',
    );
  }
  return ENGINES.filter((e) => names.includes(e));
}
