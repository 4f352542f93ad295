import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { isValidTimeZone } from './ingest/sources/zoned-time.js';
import { DEFAULT_SYNONYMS, SynonymGroupsSchema, type SynonymGroups } from './search/query/synonyms.js';

/**
 * Environment -> typed configuration. The only module that reads `process.env`.
 *
 * @remarks Every variable is documented by its `.describe()` text; the README's
 * configuration table is checked against this schema by a test.
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const listFromEnv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

/**
 * `SYNONYMS` -> synonym groups: `default` the shipped news list, `none` nothing, else a JSON
 * file of groups, read once at start-up; a missing or malformed file stops the process
 * naming the variable. The embedded engine applies them at query time; the Meilisearch
 * indexer writes them to the index's `synonyms` setting (a change needs an indexing run).
 */
export function loadSynonyms(spec: string): SynonymGroups {
  if (spec === 'default') return DEFAULT_SYNONYMS;
  if (spec === 'none') return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(spec, 'utf8'));
  } catch (error) {
    throw new Error(`${spec} ${error instanceof SyntaxError ? 'is not JSON' : 'cannot be read'}`);
  }
  const parsed = SynonymGroupsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at [${issue.path.join('][')}]` : '';
    throw new Error(`${spec}: ${issue?.message ?? 'invalid'}${where} (an array of groups of 2+ terms)`);
  }
  return parsed.data;
}

export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port the API listens on'),
    HOST: z.string().min(1).default('0.0.0.0').describe('Interface the API binds to'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('pino log level'),
    SEARCH_ENGINE: z
      .enum(['sqlite', 'meilisearch'])
      .optional()
      .describe('Engine: `sqlite` (embedded, default) or `meilisearch` (default when MEILI_URL is set)'),
    SQLITE_PATH: z.string().min(1).default('data/articles.db').describe('SQLite database file of the embedded engine'),
    MEILI_URL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('Meilisearch base URL, e.g. http://localhost:7700'),
    MEILI_API_KEY: z
      .string()
      .min(1)
      .optional()
      .describe('Meilisearch API key (server side only, never sent to clients or logs)'),
    MEILI_INDEX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, 'letters, digits, - and _ only')
      .default('articles')
      .describe('Meilisearch index uid'),
    SYNONYMS: z
      .string()
      .min(1)
      .default('default')
      .transform((spec, ctx) => {
        try {
          return loadSynonyms(spec);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
          return z.NEVER;
        }
      })
      .describe(
        '`default` (the shipped news synonyms), `none`, or the path of a JSON file of synonym groups (docs/ranking.md#synonyms)',
      ),
    SEED_ON_EMPTY: booleanFromEnv.default(true).describe('Index `seed/` at start-up when the index is empty'),
    SEED_PATH: z.string().min(1).default('seed').describe('Folder indexed by SEED_ON_EMPTY'),
    ADMIN_API_KEY: z
      .string()
      .min(16, 'must be at least 16 characters')
      .optional()
      .describe('Enables POST/DELETE /api/articles with `Authorization: Bearer <key>`'),
    CORS_ORIGINS: listFromEnv.default([]).describe('Comma-separated origins allowed by CORS (empty: same-origin only)'),
    RATE_LIMIT_PER_MINUTE: z.coerce
      .number()
      .int()
      .min(0)
      .default(600)
      .describe('Requests per client IP per minute on /api (0 disables)'),
    REQUEST_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(120_000)
      .default(5000)
      .describe('Time budget for one request, engine call included'),
    WORKERS: z.coerce
      .number()
      .int()
      .min(1)
      .max(64)
      .optional()
      .describe('HTTP worker processes sharing the port (node:cluster); default: the number of cores; 1 = one process'),
    TRUST_PROXY: z
      .string()
      .default('loopback')
      .describe("Express 'trust proxy' setting, for client IPs behind a proxy"),
    RAW_PAGE_TIMEZONE: z
      .string()
      .refine(isValidTimeZone, 'must be an IANA time zone name, e.g. Europe/Berlin')
      .default('UTC')
      .describe('Timezone of the "Section HH:MM Month DD, YYYY" line of raw .txt pages (IANA name)'),
  })
  // Checks across variables, reported on the variable to fix.
  .transform((env, ctx) => {
    const engine = env.SEARCH_ENGINE ?? (env.MEILI_URL ? 'meilisearch' : 'sqlite');
    if (engine === 'meilisearch' && env.MEILI_URL === undefined) {
      ctx.addIssue({ code: 'custom', path: ['MEILI_URL'], message: 'must be set when SEARCH_ENGINE=meilisearch' });
      return z.NEVER;
    }
    return { ...env, SEARCH_ENGINE: engine, WORKERS: env.WORKERS ?? availableParallelism() };
  });

/** The parsed configuration. */
export type Config = z.output<typeof ConfigSchema>;

/** Thrown when the environment holds a bad value; the message names each variable. */
export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(`Invalid configuration: ${issues.map((i) => `${i.variable}: ${i.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Loads `.env` from the working directory into the environment, when there is one, with
 * Node's own parser. A variable already set in the environment wins, even set to empty (which
 * `loadConfig` then reads as unset). The entry points call it once, before `loadConfig`.
 * @returns whether a file was loaded.
 */
export function loadDotEnv(file = '.env'): boolean {
  if (!existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}

/** Parses the configuration once, at boot. Empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(defined);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? 'env'), message: issue.message })),
    );
  }
  return parsed.data;
}

/** Names of the variables the service reads, for the README check and `.env.example`. */
export const CONFIG_VARIABLES = Object.keys(ConfigSchema.in.shape) as (keyof typeof ConfigSchema.in.shape)[];
