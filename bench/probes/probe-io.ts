import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { QUERY_TYPES, type QueryType } from '../queries/query-mix.js';

const BenchQuerySchema = z.object({
  type: z.enum(QUERY_TYPES),
  params: z.record(z.string(), z.string()),
  intended: z.string().optional(),
});

/**
 * What the runner hands a child probe (in-process engine, floor, a peer) in a JSON file:
 * the same queries every side runs, so their figures compare query for query.
 */
export const ProbeJobSchema = z.object({
  dbPath: z.string(),
  ndjsonPath: z.string(),
  n: z.number().int(),
  warmup: z.array(BenchQuerySchema),
  measured: z.array(BenchQuerySchema),
  /** Keystroke prefixes for `/api/suggest` (the in-process probe times them too). */
  suggest: z.array(z.string()).default([]),
  /** Article ids for `/api/articles/:id/related` (the in-process probe times them too). */
  related: z.array(z.string()).default([]),
  /** Per query type, so one slow type cannot starve the others. */
  typeBudgetMs: z.number().int().positive(),
  minDate: z.string(),
  maxDate: z.string(),
});
export type ProbeJob = z.output<typeof ProbeJobSchema>;

/**
 * What a child probe writes back: per measured query (same order as the job) its latency and
 * hit count, `null` where the probe does not support the type or ran out of time.
 */
export const ProbeOutputSchema = z.object({
  ms: z.array(z.number().nullable()),
  hits: z.array(z.number().int().nullable()),
  /** Types the probe cannot run (no facets, no browse...). */
  unsupported: z.array(z.enum(QUERY_TYPES)),
  /** Types cut short by the time budget. */
  unfinished: z.array(z.enum(QUERY_TYPES)),
  /** Suggest latencies in the job's order, `null` for a failed request (in-process probe only). */
  suggestMs: z.array(z.number().nullable()).default([]),
  /** Related-articles latencies in the job's order, `null` for a failed request. */
  relatedMs: z.array(z.number().nullable()).default([]),
  /** Requests that failed (the engine threw, or a non-200 answer): reported, never timed. */
  errors: z.number().int().default(0),
  /** Probe-specific figures: indexing seconds, heap, startup time... */
  meta: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
});
export type ProbeOutput = z.output<typeof ProbeOutputSchema>;

/** Reads and validates a JSON file written by the other side; the message names the file. */
export function readJson<S extends z.ZodType>(schema: S, path: string): z.output<S> {
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Writes JSON atomically, so a reader never sees half a file (a peer may be killed mid-run). */
export function writeJson(path: string, value: unknown): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(value));
  renameSync(`${path}.tmp`, path);
}

/** Peak RSS of this process (VmHWM), for a child to report its own peak exactly. */
export function ownPeakRssBytes(): number | null {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return kb === undefined ? null : Number(kb) * 1024;
}

/**
 * Times queries one after another against a per-type budget and records them into `out`.
 * `run` returns the hit count, `null` for a failed call (left untimed), or undefined when
 * the type is unsupported.
 */
export async function timeQueries(
  job: ProbeJob,
  out: ProbeOutput,
  run: (query: ProbeJob['measured'][number]) => Promise<number | null | undefined> | number | null | undefined,
  onProgress: () => void = () => {},
): Promise<void> {
  // Warm-up time counts against the budget too: a peer's slowest type can eat it whole.
  const spent = new Map<string, number>();
  const timed = async (query: ProbeJob['measured'][number]) => {
    const started = performance.now();
    const hits = await run(query);
    const ms = performance.now() - started;
    if (hits === undefined) out.unsupported.push(query.type);
    const total = (spent.get(query.type) ?? 0) + ms;
    spent.set(query.type, total);
    if (total > job.typeBudgetMs && hits !== undefined) out.unfinished.push(query.type);
    return { hits, ms };
  };
  const skip = (type: QueryType) => out.unsupported.includes(type) || out.unfinished.includes(type);
  for (const query of job.warmup) {
    if (!skip(query.type)) await timed(query);
  }
  onProgress();
  for (const [i, query] of job.measured.entries()) {
    if (skip(query.type)) continue;
    const { hits, ms } = await timed(query);
    if (hits === undefined || hits === null) continue;
    out.ms[i] = ms;
    out.hits[i] = hits;
    onProgress();
  }
}

/** An output with every query still unanswered. */
export function emptyOutput(job: ProbeJob): ProbeOutput {
  return {
    ms: job.measured.map(() => null),
    hits: job.measured.map(() => null),
    unsupported: [],
    unfinished: [],
    suggestMs: [],
    relatedMs: [],
    errors: 0,
    meta: {},
  };
}
