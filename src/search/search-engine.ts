import type { Article } from '../articles/article.schema.js';
import type { SuggestQuery, Suggestion } from './suggest/suggest.schema.js';
import type { FacetSearchQuery, FacetValueHit } from './facet-search.schema.js';
import type { RelatedHit, RelatedQuery } from './related/related.schema.js';
import type { SearchQuery, SearchResult } from './search.schema.js';

/** Engines the service can run on. */
export const ENGINE_KINDS = ['sqlite', 'meilisearch'] as const;
export type EngineKind = (typeof ENGINE_KINDS)[number];

/**
 * The read side of a search engine, in the service's own types. The HTTP layer talks only
 * to this port; adapters (`engines/sqlite`, `engines/meilisearch`) implement it and wrap
 * every vendor failure in an `AppError` (`EngineUnavailableError` when unreachable).
 */
export interface SearchEngine {
  readonly kind: EngineKind;
  search(query: SearchQuery): Promise<SearchResult>;
  suggest(query: SuggestQuery): Promise<Suggestion[]>;
  searchFacetValues(query: FacetSearchQuery): Promise<FacetValueHit[]>;
  getArticle(id: string): Promise<Article | undefined>;
  /** Articles related to one (src/search/related), most related first; undefined when the id is unknown. */
  related(query: RelatedQuery): Promise<RelatedHit[] | undefined>;
  /** Resolves with the article count when the engine can answer; rejects otherwise. */
  ready(): Promise<{ articleCount: number }>;
  close(): Promise<void>;
}

/** How an indexing run treats what is already in the index. */
export interface IndexRunOptions {
  /** Build a new index and swap it in atomically at the end; search never sees it half-built. */
  rebuild?: boolean;
}

/**
 * The write side: what the indexer and the admin API use. A batch is applied whole or not
 * at all. `finish` makes the run visible (derived data, optimisation, swap) and must be
 * called once every batch succeeded.
 */
export interface ArticleIndex {
  /** Applies settings and prepares a run; idempotent. */
  begin(options?: IndexRunOptions): Promise<void>;
  /**
   * Inserts or replaces articles by id, all or nothing, except that an engine may refuse single
   * articles it cannot store (too large for one request): it then stores the rest and rejects
   * with `ArticlesRejectedError` naming them.
   */
  upsert(batch: readonly Article[]): Promise<void>;
  /** Deletes by id; returns how many existed. */
  delete(ids: readonly string[]): Promise<number>;
  /** Every stored id, for `--sync`. */
  listIds(): AsyncIterable<string>;
  /** Completes the run: derived structures (vocabulary, suggestions), swap, optimisation. */
  finish(): Promise<void>;
  /** Number of stored articles. */
  count(): Promise<number>;
  close(): Promise<void>;
}
