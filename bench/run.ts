/**
 * `npm run bench -- [options]`: the side-by-side speed benchmark (issue 5). Progress goes to
 * stderr; the report goes to stdout and the results to bench/results/<corpus>-<n>.json.
 */
import { parseBenchArgs, USAGE } from './options.js';
import { runBench } from './run-bench.js';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let options;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const started = performance.now();
  const log = (line: string) =>
    console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const outcome = await runBench(options, log);
  console.log(outcome.report);
  log(`results written to ${outcome.outPath}`);
  return 0;
}

// Ctrl-C: exit through process.exit so child processes (servers, peers) are killed on the way out.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
