import { writeFile } from 'node:fs/promises';
import { loadConfig, loadDotEnv } from '../src/config.js';
import { isAppError } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import { openArticleIndex } from '../src/search/engines/create-engine.js';
import type { ArticleIndex } from '../src/search/search-engine.js';
import { parseCliArgs, USAGE, UsageError } from './cli-args.js';
import { createCliLogger } from './cli-logger.js';
import { describeFatal, ExitCode, exitCodeFor, formatProblemLines, formatSummary } from './cli-output.js';
import { checkOptions, indexPlan, type IndexOptions } from '../src/ingest/index-articles.js';
import { IndexerError, IndexerErrorCode } from '../src/ingest/indexer-error.js';
import { createProgressDisplay } from './progress-display.js';
import { planSources } from '../src/ingest/sources/walk-sources.js';

/**
 * `npm run index -- <paths...> [--sync] [--rebuild] [--batch-size N] [--report FILE] [--timezone ZONE]`
 * Wiring only: arguments, configuration, engine, progress, output, exit code.
 */
async function main(argv: readonly string[]): Promise<number> {
  let options;
  let config;
  try {
    options = parseCliArgs(argv);
    if (options.help) {
      console.log(USAGE);
      return ExitCode.ok;
    }
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    console.error(`error: ${describeFatal(error)}`);
    if (error instanceof UsageError) console.error('run with --help for usage');
    return ExitCode.fatal;
  }

  const interactive = process.stderr.isTTY === true;
  const display = createProgressDisplay({ interactive, stream: process.stderr });
  const logger: Logger = createCliLogger({
    level: config.LOG_LEVEL,
    pretty: interactive,
    writeLine: (text) => display.log(text),
  });
  const controller = new AbortController();
  process.once('SIGINT', () =>
    controller.abort(new IndexerError(IndexerErrorCode.interrupted, 'interrupted; the index was not finished')),
  );

  const runOptions: IndexOptions = {
    batchSize: options.batchSize,
    sync: options.sync,
    rebuild: options.rebuild,
    timezone: options.timezone,
    defaultTimezone: config.RAW_PAGE_TIMEZONE,
    logger,
    onProgress: (progress) => display.update(progress),
    signal: controller.signal,
  };
  let index: ArticleIndex | undefined;
  try {
    // Bad options and paths fail before the engine is opened: no empty database is left behind.
    checkOptions(runOptions);
    const plan = await planSources(options.paths);
    index = await openArticleIndex(config, logger);
    const report = await indexPlan(plan, index, runOptions);
    display.stop();
    for (const line of formatProblemLines(report, { reportFile: options.reportFile })) console.error(line);
    if (options.reportFile) await writeFile(options.reportFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatSummary(report));
    return exitCodeFor(report);
  } catch (error) {
    display.stop();
    logFailure(logger, error);
    console.error(`error: ${describeFatal(error)}`);
    return ExitCode.fatal;
  } finally {
    await index?.close().catch((error: unknown) => logger.warn({ err: error }, 'closing the index failed'));
  }
}

/**
 * Our own errors are already explained on stderr; an adapter's `AppError` is logged by code
 * only, since its cause may quote the vendor; anything else is a bug and gets its stack.
 */
function logFailure(logger: Logger, error: unknown): void {
  if (error instanceof IndexerError) return;
  if (isAppError(error)) logger.error({ code: error.code }, 'indexing failed');
  else logger.error({ err: error }, 'indexing failed');
}

// Exits explicitly rather than when the event loop drains: a request cut off by a search-engine
// crash can leave a decompression stream of the HTTP client that never closes, and the process
// would wait for it forever (seen on Node 20 with a SIGKILLed Meilisearch). Output is written
// synchronously (stdout, stderr and the JSON logger on pipes), so nothing is lost.
process.exit(await main(process.argv.slice(2)));
