import { profileText, selectTerms, type RelatedTerm } from '../../related/article-terms.js';
import { rankRelated, type RelatedArticle } from '../../related/related-blend.js';
import type { RelatedHit, RelatedQuery } from '../../related/related.schema.js';
import type { ColumnStore } from './column-store.js';
import { toHitFields, type ArticleRow, type ArticleRows } from './article-rows.js';
import { compileFilters, filterBits, hasFilters, PASS } from './filters.js';
import { ftsString } from './fts-query.js';
import type { FtsReader } from './fts-reader.js';
import { topK } from './top-k.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Candidates the blend reads in full: each costs one row and one pass over its words, and the
 * articles the text alone ranks below 50 rarely make the top 20 once tags and time count.
 */
export const RELATED_POOL = 50;

interface Candidate extends RelatedArticle {
  hit: RelatedHit;
}

interface Deps {
  fts: FtsReader;
  store: ColumnStore;
  vocab: Vocabulary;
}

/**
 * Related articles on the embedded engine. The more-like-this words come from the article's
 * text and the `vocab` table's document frequencies; each word's match list (FTS5, cached like
 * any search's) adds its weight to every article holding it, in one typed array; the best
 * `RELATED_POOL` that pass the filters are read in full and ordered by the shared blend.
 */
export class RelatedFinder {
  readonly #rows: ArticleRows;

  constructor(rows: ArticleRows) {
    this.#rows = rows;
  }

  find(query: RelatedQuery, deps: Deps): RelatedHit[] | undefined {
    const row = this.#rows.byId(query.id, { body: true });
    if (!row) return undefined;
    const source = toCandidate(row);
    const terms = selectTerms(profileText(source), { docs: (t) => deps.vocab.docs(t), total: deps.store.count });
    const pool = this.#pool(terms, row.doc, query, deps);
    if (pool.length === 0) return [];
    return rankRelated({ ...source, terms }, this.#rows.byDocs(pool, { body: true }).map(toCandidate))
      .slice(0, query.limit)
      .map((c) => c.hit);
  }

  /** The docs holding the most query weight, passing the filters, the source left out. */
  #pool(terms: readonly RelatedTerm[], sourceDoc: number, query: RelatedQuery, { fts, store }: Deps): number[] {
    const weight = new Float64Array(store.capacity);
    const touched: number[] = [];
    for (const { term, weight: w } of terms) {
      const docs = fts.docs(ftsString(term));
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        if (d >= weight.length) continue;
        if (weight[d] === 0) touched.push(d);
        weight[d]! += w;
      }
    }
    const filters = compileFilters(query.filters, store);
    const filtered = hasFilters(filters);
    const eligible = touched.filter(
      (d) => d !== sourceDoc && store.alive[d] === 1 && (!filtered || filterBits(filters, store, d) === PASS.all),
    );
    return topK(eligible, RELATED_POOL, (a, b) => weight[b]! - weight[a]! || b - a);
  }
}

function toCandidate(row: ArticleRow): Candidate {
  const hit: RelatedHit = toHitFields(row);
  return { ...hit, body: row.body ?? '', publishedAtMs: row.publishedAt, hit };
}
