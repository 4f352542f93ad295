import type { Article } from '../../../articles/article.schema.js';
import { formatUtc } from '../../../articles/dates.js';
import { EngineUnavailableError, isAppError } from '../../../errors.js';
import type { Logger } from '../../../logger.js';
import type { Suggestion, SuggestQuery } from '../../suggest/suggest.schema.js';
import type { FacetSearchQuery, FacetValueHit } from '../../facet-search.schema.js';
import { toSuggestedQuery } from '../../query/did-you-mean.js';
import { parseQuery, type ParsedQuery } from '../../query/parse-query.js';
import {
  applySynonyms,
  DEFAULT_SYNONYMS,
  toSynonymIndex,
  type SynonymGroups,
  type SynonymIndex,
} from '../../query/synonyms.js';
import type { RelatedHit, RelatedQuery } from '../../related/related.schema.js';
import type { SearchEngine } from '../../search-engine.js';
import type { SearchQuery, SearchResult } from '../../search.schema.js';
import { applyChanges, loadColumnStore, readCacheState, type CacheState } from './column-loader.js';
import type { ColumnStore } from './column-store.js';
import { openDatabase, type Db } from './database.js';
import { filterAndCount } from './facets.js';
import { compileFilters, type CompiledFilters } from './filters.js';
import { FtsReader } from './fts-reader.js';
import { ArticleRows, type ArticleRow } from './article-rows.js';
import { loadHits } from './hit-loader.js';
import { searchFacetValues } from './facet-value-search.js';
import { resolveMatches } from './matcher.js';
import { Ranker } from './ranker.js';
import { RelatedFinder } from './related-finder.js';
import { suggest } from './suggest.js';
import { Vocabulary } from './vocabulary.js';

interface Options {
  path: string;
  logger: Logger;
  cacheMiB?: number;
  /** Applied at query time (default: the shipped news list; `[]` for none). */
  synonyms?: SynonymGroups;
}

/** Opens the embedded engine's read side (creating an empty index when the file is new). */
export function openSqliteEngine({ path, logger, cacheMiB = 64, synonyms }: Options): Promise<SearchEngine> {
  const engine = new SqliteSearchEngine(path, openDatabase({ path, cacheMiB }), logger, synonyms ?? DEFAULT_SYNONYMS);
  return Promise.resolve(engine);
}

/**
 * The embedded engine: FTS5 finds matches; an in-memory column store filters, counts facets
 * and sorts by date; the ranker orders only as much as the page needs. Caches follow the
 * writer through `PRAGMA data_version` and the change log, so a running indexer's commits
 * show up without a restart.
 */
export class SqliteSearchEngine implements SearchEngine {
  readonly kind = 'sqlite' as const;
  readonly #db: Db;
  readonly #logger: Logger;
  readonly #fts: FtsReader;
  readonly #rows: ArticleRows;
  readonly #related: RelatedFinder;
  readonly #synonyms: SynonymIndex;
  #store!: ColumnStore;
  #vocab!: Vocabulary;
  #titleVocab!: Vocabulary;
  #state!: CacheState;
  #dataVersion = -1;
  #closed = false;

  constructor(
    readonly path: string,
    db: Db,
    logger: Logger,
    synonyms: SynonymGroups = DEFAULT_SYNONYMS,
  ) {
    this.#synonyms = toSynonymIndex(synonyms);
    this.#db = db;
    this.#logger = logger;
    this.#fts = new FtsReader(db);
    this.#rows = new ArticleRows(db);
    this.#related = new RelatedFinder(this.#rows);
    this.#refresh();
  }

  search(query: SearchQuery): Promise<SearchResult> {
    return this.#guard(() => {
      const typed = parseQuery(query.q);
      const parsed = applySynonyms(typed, this.#synonyms);
      const filters = compileFilters(query.filters, this.#store);
      const request = { facets: query.facets, facetLimit: query.facetLimit, dateInterval: query.dateInterval };
      const windowEnd = query.page * query.pageSize;
      const matches = resolveMatches(parsed, filters, this.#deps(), query.matchingStrategy);
      const counted = filterAndCount(
        this.#store,
        matches.docs,
        filters,
        request,
        this.#fts.savedFacets(matches.docs, this.#store),
      );
      const ordered =
        query.sort === 'relevance' && matches.plan
          ? new Ranker(this.#fts, this.#store).rank({
              plan: matches.plan,
              docs: counted.docs,
              unfilteredMatches: matches.unfilteredMatches,
              unfilteredFullMatches: matches.unfilteredFullMatches,
              windowEnd,
              ...(matches.levels ? { levels: matches.levels } : {}),
            })
          : this.#byDate(counted.docs, query.sort === 'oldest', windowEnd);
      const pageDocs = ordered.subarray((query.page - 1) * query.pageSize, windowEnd);
      const highlight = query.highlight
        ? (matches.plan?.highlight ?? { words: new Set<string>(), prefixes: [] })
        : undefined;
      const result: SearchResult = {
        hits: loadHits(this.#rows, pageDocs, highlight),
        totalHits: counted.docs.length,
        fullMatches: countAllWords(counted.docs, matches.levels),
        facets: counted.facets,
      };
      if (counted.dateInterval) result.dateInterval = counted.dateInterval;
      if (result.fullMatches === 0 && parsed.terms.length > 0) {
        const suggested = this.#suggestedQuery(typed, filters);
        if (suggested !== undefined) result.suggestedQuery = suggested;
      }
      return result;
    });
  }

  suggest(query: SuggestQuery): Promise<Suggestion[]> {
    return this.#guard(() => suggest(query, { ...this.#deps(), rows: this.#rows, titleVocab: this.#titleVocab }));
  }

  searchFacetValues(query: FacetSearchQuery): Promise<FacetValueHit[]> {
    return this.#guard(() => searchFacetValues(query, this.#deps()));
  }

  getArticle(id: string): Promise<Article | undefined> {
    return this.#guard(() => {
      const row = this.#rows.byId(id, { body: true });
      return row && toArticle(row);
    });
  }

  related(query: RelatedQuery): Promise<RelatedHit[] | undefined> {
    return this.#guard(() => this.#related.find(query, this.#deps()));
  }

  ready(): Promise<{ articleCount: number }> {
    return this.#guard(() => ({ articleCount: this.#store.count }));
  }

  close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.#db.close();
    }
    return Promise.resolve();
  }

  /**
   * "Did you mean" by the shared rule: words known to the whole index, typo fixes from the title
   * vocabulary (one typo from 4 letters); kept only when every word of it is held under the filters.
   */
  #suggestedQuery(parsed: ParsedQuery, filters: CompiledFilters): string | undefined {
    const suggested = toSuggestedQuery(
      parsed,
      (w) => this.#vocab.docs(w) > 0,
      (w) => this.#titleVocab.typoCandidates(w, { maxTypos: 1 })[0]?.term,
    );
    if (suggested === undefined) return undefined;
    const check = applySynonyms(parseQuery(`${suggested} `), this.#synonyms);
    const matches = resolveMatches(check, filters, this.#deps(), 'all');
    const counted = filterAndCount(this.#store, matches.docs, filters, {
      facets: [],
      facetLimit: 1,
      dateInterval: 'auto',
    });
    return counted.docs.length > 0 ? suggested : undefined;
  }

  #deps() {
    return { fts: this.#fts, store: this.#store, vocab: this.#vocab };
  }

  /** Runs a read with fresh caches; SQLite failures become a 503 with the cause kept private. */
  #guard<T>(read: () => T): Promise<T> {
    try {
      if (this.#closed) throw new Error('engine closed');
      this.#refresh();
      return Promise.resolve(read());
    } catch (error) {
      if (isAppError(error)) return Promise.reject(error);
      this.#logger.error({ err: error }, 'sqlite read failed');
      return Promise.reject(new EngineUnavailableError(error));
    }
  }

  /** Brings caches up to date when another connection committed since the last look. */
  #refresh(): void {
    const version = Number(this.#db.pragma('data_version', { simple: true }));
    if (version === this.#dataVersion) return;
    this.#dataVersion = version;
    const state = readCacheState(this.#db);
    const previous = this.#state;
    if (!previous || state.epoch !== previous.epoch) {
      const started = performance.now();
      this.#store = loadColumnStore(this.#db, state);
      this.#logger.debug(
        { ms: Math.round(performance.now() - started), articles: this.#store.count },
        'column store loaded',
      );
    } else if (state.seq !== previous.seq) {
      applyChanges(this.#db, this.#store, previous.seq);
    }
    // Built now rather than by the first request that needs them.
    this.#store.byDateDesc();
    // Match lists of the old index must not answer the new one.
    this.#fts.forget(state);
    if (!previous || state.vocabVersion !== previous.vocabVersion) {
      this.#vocab = new Vocabulary(
        this.#db.prepare('SELECT term, docs FROM vocab').all() as { term: string; docs: number }[],
      );
      this.#titleVocab = new Vocabulary(
        this.#db.prepare('SELECT term, docs FROM title_vocab').all() as { term: string; docs: number }[],
      );
    }
    this.#state = state;
  }

  #byDate(docs: Int32Array, oldest: boolean, windowEnd: number): Int32Array {
    const store = this.#store;
    if (docs.length === store.count && !oldest) return store.byDateDesc().subarray(0, windowEnd);
    return store.pickByDate(docs, windowEnd, oldest);
  }
}

/** How many of the docs hold every word (level 0); all of them when no partial match was added. */
function countAllWords(docs: Int32Array, levels: Uint8Array | undefined): number {
  if (!levels) return docs.length;
  let n = 0;
  for (const d of docs) if (levels[d] === 0) n++;
  return n;
}

/** A stored row, body included -> the API's article; absent optional fields stay absent. */
function toArticle(row: ArticleRow): Article {
  const article: Article = {
    id: row.id,
    title: row.title,
    body: row.body ?? '',
    section: row.section,
    tags: row.tags,
    authors: row.authors,
    publishedAt: formatUtc(row.publishedAt),
    language: row.language,
  };
  if (row.url !== null) article.url = row.url;
  if (row.summary !== null) article.summary = row.summary;
  if (row.updatedAt !== null) article.updatedAt = row.updatedAt;
  if (row.source !== null) article.source = row.source;
  return article;
}
