import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE } from '../src/ingest/index-articles.js';
import { isValidTimeZone } from '../src/ingest/sources/zoned-time.js';

/** How to call the indexer. */
export const USAGE = `Usage: npm run index -- <paths...> [options]

Indexes articles from files and folders (.ndjson .jsonl .json .txt .csv .html .htm).

Options:
  --sync             delete indexed articles that are no longer in the sources
  --rebuild          build a fresh index and swap it in when complete
  --batch-size N     articles per write (default ${DEFAULT_BATCH_SIZE})
  --report FILE      write the run report as JSON to FILE
  --timezone ZONE    IANA zone of the times on raw .txt pages whose folder has no
                     source.json naming one (default RAW_PAGE_TIMEZONE)
  -h, --help         show this help

Exit codes: 0 all valid, 2 some records invalid or files unreadable (the valid ones are
indexed), 1 failure. Details: docs/indexer.md.`;

/** Bad command-line arguments; the message says which. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command line after parsing; the one validation of the CLI's input. */
export const CliOptionsSchema = z.object({
  help: z.boolean(),
  paths: z.array(z.string().min(1)),
  sync: z.boolean(),
  rebuild: z.boolean(),
  batchSize: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_BATCH_SIZE))
    .default(DEFAULT_BATCH_SIZE),
  reportFile: z.string().min(1).optional(),
  timezone: z.string().refine(isValidTimeZone, 'must be an IANA zone name, e.g. Europe/Berlin').optional(),
});

/** Parsed command-line options. */
export type CliOptions = z.output<typeof CliOptionsSchema>;

const OPTION_NAMES: Record<string, string> = {
  batchSize: '--batch-size',
  reportFile: '--report',
  timezone: '--timezone',
  paths: 'paths',
};

/**
 * `process.argv.slice(2)` -> options.
 * @example parseCliArgs(["seed", "--sync", "--batch-size", "500"]) -> { paths: ["seed"], sync: true, batchSize: 500, ... }
 * @throws UsageError naming the offending option.
 */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        sync: { type: 'boolean', default: false },
        rebuild: { type: 'boolean', default: false },
        'batch-size': { type: 'string' },
        report: { type: 'string' },
        timezone: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const result = CliOptionsSchema.safeParse({
    help: values.help,
    paths: positionals,
    sync: values.sync,
    rebuild: values.rebuild,
    batchSize: values['batch-size'],
    reportFile: values.report,
    timezone: values.timezone,
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = OPTION_NAMES[String(issue?.path[0])] ?? String(issue?.path[0]);
    throw new UsageError(`${name}: ${issue?.message ?? 'invalid'}`);
  }
  if (!result.data.help && result.data.paths.length === 0)
    throw new UsageError('give at least one file or folder to index');
  return result.data;
}
