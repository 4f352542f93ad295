import type { Express } from 'express';
import { afterAll, beforeAll } from 'vitest';
import type { Article } from '../../src/articles/article.schema.js';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { createSqliteEngine } from '../support/sqlite-engine.js';
import { createTestApp } from '../support/test-app.js';
import { createMeiliContractEngine, meiliContractSkipReason } from './meilisearch.harness.js';

/** An engine the contract suite runs against. */
export interface ContractEngine {
  name: string;
  /** Why this engine is skipped here, if it is. */
  skip?: string;
  create(articles: Article[]): Promise<{ engine: SearchEngine; cleanup(): Promise<void> }>;
}

// Printed once per run by tests/global-setup.ts.
const meiliSkip = meiliContractSkipReason();

/** Every engine: SQLite always, Meilisearch when MEILI_URL is set (tests/global-setup.ts sets it from MEILI_BIN). */
export const CONTRACT_ENGINES: ContractEngine[] = [
  { name: 'sqlite', create: createSqliteEngine },
  { name: 'meilisearch', ...(meiliSkip ? { skip: meiliSkip } : {}), create: createMeiliContractEngine },
];

/**
 * Indexes `articles` into a fresh index of `engine` before the enclosing describe's tests and
 * drops it after them; returns the app serving it (not created when the engine is skipped).
 */
export function useContractApp(engine: ContractEngine, articles: () => Article[]): () => Express {
  let app: Express | undefined;
  let cleanup = async () => {};
  beforeAll(async () => {
    if (engine.skip) return;
    const created = await engine.create(articles());
    cleanup = created.cleanup;
    app = createTestApp(created.engine);
  });
  afterAll(() => cleanup());
  return () => {
    if (!app) throw new Error(`the ${engine.name} contract app was not created`);
    return app;
  };
}
