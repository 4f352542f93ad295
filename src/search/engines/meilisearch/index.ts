/** The Meilisearch adapter: the read side (`SearchEngine`) and the write side (`ArticleIndex`). */
export { createMeilisearchEngine, type MeilisearchEngineOptions } from './meilisearch-engine.js';
export { createMeilisearchIndex, type MeilisearchIndexOptions } from './meilisearch-index.js';
