import cluster from 'node:cluster';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import { requestLogBindings } from './http/middleware/request-context.js';
import { startupFailureLine } from './lifecycle.js';
import { createLogger } from './logger.js';

/**
 * Wiring, once: configuration (the environment, then `.env`), then one of three roles. With
 * WORKERS > 1 this process is the cluster's primary (src/cluster/primary.ts: seeding, the write
 * side, shared rate-limit counts, no HTTP of its own) and forks the HTTP workers
 * (src/cluster/worker.ts); with WORKERS=1 it serves alone.
 * @remarks Start-up errors are printed as one clear line (no stack) and exit 1.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Lines written while serving a request (the engine's included) carry its id.
  const logger = createLogger({ level: config.LOG_LEVEL, mixin: requestLogBindings });
  // Each role loads only what it runs: the primary never loads the app or an engine's read side.
  if (cluster.isWorker) return (await import('./cluster/worker.js')).runWorker(config, logger);
  if (config.WORKERS > 1) return (await import('./cluster/primary.js')).runPrimary(config, logger);
  return (await import('./serve-alone.js')).serveAlone(config, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`${startupFailureLine(error)}\n`);
  process.exit(1);
});
