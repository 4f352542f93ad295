import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseEngineList, type EngineName } from './engines/engine-target.js';
import { meiliSourceFrom, NO_MEILI_SERVER, type MeiliSource } from './engines/meili-source.js';
import { REPO_ROOT } from './lib/proc.js';

/** Parts of the benchmark `--only` can select. */
export const BENCH_PARTS = ['index', 'http', 'inprocess', 'floor', 'throughput', 'peers'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

const count = (min: number) => z.coerce.number().int().min(min);

const ArgsSchema = z
  .object({
    n: count(100).optional(),
    seed: z.coerce.number().int().default(42),
    runs: count(1).optional(),
    quick: z.boolean().default(false),
    corpus: z.enum(['synthetic', 'reuters']).default('synthetic'),
    'skip-peers': z.boolean().default(false),
    only: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      )
      .pipe(z.array(z.enum(BENCH_PARTS, { message: `each must be one of ${BENCH_PARTS.join(', ')}` })))
      .optional(),
    out: z.string().optional(),
    'body-words': count(10).optional(),
    'per-type': count(1).optional(),
    duration: count(1).optional(),
    'corpus-dir': z.string().optional(),
    engine: z.string().default('sqlite'),
  })
  .strict();

/** Everything a benchmark run needs to know, defaults applied. */
export interface BenchOptions {
  n: number;
  seed: number;
  runs: number;
  quick: boolean;
  corpus: 'synthetic' | 'reuters';
  parts: ReadonlySet<BenchPart>;
  out: string | undefined;
  bodyWords: number;
  /** Measured queries per type (plus 3 warm-up queries per type). */
  perType: number;
  /** Throughput run length in seconds. */
  durationSeconds: number;
  corpusDir: string;
  /** Engines whose API answers the mix side by side; SQLite always, first. */
  engines: EngineName[];
  /** Where Meilisearch comes from, when it is one of `engines`. */
  meili: MeiliSource | undefined;
}

/** The help text, printed for `--help` and with an argument error. */
export const USAGE = `npm run bench -- [--n 100000] [--seed 42] [--runs 3] [--quick] [--corpus synthetic|reuters]
  [--skip-peers] [--only ${BENCH_PARTS.join(',')}] [--out file.json] [--body-words 350]
  [--per-type 100] [--duration 10] [--corpus-dir bench/.corpus] [--engine sqlite|sqlite,meilisearch]
  --engine sqlite,meilisearch needs MEILI_BIN (a throwaway server) or MEILI_URL (+ MEILI_API_KEY).`;

/**
 * Command-line arguments -> options. `--quick` shrinks every default (a few thousand
 * articles, one run, tiny peers) so the whole benchmark takes well under two minutes.
 * `env` names the Meilisearch server (`MEILI_URL`, else `MEILI_BIN`) when `--engine` lists it.
 */
export function parseBenchArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      n: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      quick: { type: 'boolean' },
      corpus: { type: 'string' },
      'skip-peers': { type: 'boolean' },
      only: { type: 'string' },
      out: { type: 'string' },
      'body-words': { type: 'string' },
      'per-type': { type: 'string' },
      duration: { type: 'string' },
      'corpus-dir': { type: 'string' },
      engine: { type: 'string' },
    },
  });
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) throw new Error(`${z.prettifyError(parsed.error)}\n${USAGE}`);
  const a = parsed.data;
  const parts = new Set<BenchPart>(a.only ?? BENCH_PARTS);
  if (a['skip-peers']) parts.delete('peers');
  const engines = parseEngineList(a.engine);
  const meili = engines.includes('meilisearch') ? meiliSourceFrom(env) : undefined;
  if (engines.includes('meilisearch') && !meili) throw new Error(`--engine meilisearch: ${NO_MEILI_SERVER}`);
  return {
    n: a.n ?? (a.quick ? 3_000 : 100_000),
    seed: a.seed,
    runs: a.runs ?? (a.quick ? 1 : 3),
    quick: a.quick,
    corpus: a.corpus,
    parts,
    out: a.out,
    bodyWords: a['body-words'] ?? 350,
    perType: a['per-type'] ?? (a.quick ? 10 : 100),
    durationSeconds: a.duration ?? (a.quick ? 2 : 10),
    corpusDir: a['corpus-dir'] ?? join(REPO_ROOT, 'bench', '.corpus'),
    engines,
    meili,
  };
}
