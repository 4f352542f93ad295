import type { Article } from '../../src/articles/article.schema.js';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { createSqliteEngine } from '../support/sqlite-engine.js';
import { createMeiliContractEngine, meiliContractSkipReason } from './meilisearch.harness.js';

/** An engine the contract suite runs against. */
export interface ContractEngine {
  name: string;
  /** Why this engine is skipped here, if it is. */
  skip?: string;
  create(articles: Article[]): Promise<{ engine: SearchEngine; cleanup(): Promise<void> }>;
}

const meiliSkip = meiliContractSkipReason();
if (meiliSkip) console.log(`[contract] ${meiliSkip}`);

/** Every engine: SQLite always, Meilisearch when MEILI_URL is set. */
export const CONTRACT_ENGINES: ContractEngine[] = [
  { name: 'sqlite', create: createSqliteEngine },
  { name: 'meilisearch', ...(meiliSkip ? { skip: meiliSkip } : {}), create: createMeiliContractEngine },
];
