import type { Express } from 'express';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import type { SearchEngine } from '../../src/search/search-engine.js';

/** The app over an engine, with a test configuration (environment ignored). */
export function createTestApp(engine: SearchEngine, env: Record<string, string> = {}): Express {
  const config = loadConfig({ SEED_ON_EMPTY: 'false', RATE_LIMIT_PER_MINUTE: '0', ...env });
  return createApp({ engine, config, logger: silentLogger() });
}
