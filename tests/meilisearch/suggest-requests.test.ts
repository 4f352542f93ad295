import type { FacetDistribution } from 'meilisearch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { createMeilisearchEngine } from '../../src/search/engines/meilisearch/index.js';
import { SuggestParamsSchema } from '../../src/search/suggest/suggest.schema.js';
import { offsetResult, searchResult, termHits, TITLE_HIT } from './canned.js';
import { toFilterKey } from '../../src/search/engines/meilisearch/meili-document.js';
import { MeiliStub } from './meili-stub.js';

const UID = 'articles';
const TERMS = `${UID}_terms`;
const END = '\u{10FFFF}';
let stub: MeiliStub;
let engine: SearchEngine;

type Query = Record<string, unknown> & { indexUid: string; q?: string; facets?: string[] };
const multiSearches = () =>
  stub.requests.filter((r) => r.path === '/multi-search').map((r) => (r.body as { queries: Query[] }).queries);
const suggest = (params: Record<string, string>) => engine.suggest(SuggestParamsSchema.parse(params));

interface Canned {
  completions?: string[];
  typos?: string[];
  /** Count-only answers by `q`. */
  counts?: Record<string, number>;
  facets?: FacetDistribution;
  titles?: unknown[];
}

/**
 * Answers each query of a multi-search by its shape (the stub does not search): vocabulary
 * queries get `completions` (placeholder) or `typos` (with `q`), facet queries the requested
 * facets of `facets`, the title query `titles`, and count queries `counts[q]`.
 */
function answerSuggest(canned: Canned): void {
  stub.reply('POST /multi-search', (req) => {
    const queries = (req.body as { queries: Query[] }).queries;
    const results = queries.map((q) => {
      if (q.indexUid === TERMS) return termHits(TERMS, (q.q ? canned.typos : canned.completions) ?? [], q.q);
      if (q.facets) {
        const facetDistribution = Object.fromEntries(q.facets.map((f) => [f, canned.facets?.[f] ?? {}]));
        return searchResult(UID, { hitsPerPage: 0, totalHits: 0, facetDistribution });
      }
      // Count queries ask for no hits (page mode); the title query asks for `limit` hits.
      if (q['hitsPerPage'] !== 0) return offsetResult(UID, canned.titles ?? [], q.q);
      return searchResult(UID, { q: q.q ?? '', hitsPerPage: 0, totalHits: canned.counts?.[q.q ?? ''] ?? 0 });
    });
    return [200, { results }];
  });
}

beforeEach(async () => {
  stub = await MeiliStub.start();
  stub.indexes.set(UID, { settings: {}, docs: new Map() });
  engine = createMeilisearchEngine({ url: stub.url, indexUid: UID, logger: silentLogger() });
});
afterEach(() => stub.stop());

describe('suggest on Meilisearch', () => {
  it('when "north ko" is typed, then the vocabulary, facet counts and titles go in one multi-search and the candidates are counted in a second', async () => {
    answerSuggest({
      completions: ['korea', 'korean', 'kobe'],
      counts: { '"north" "korea"': 15, '"north" "korean"': 3 },
      facets: { section: { 'North Korea': 4, World: 5 }, tags: { 'north-korea': 4, korea: 6 } },
      titles: [TITLE_HIT],
    });
    const suggestions = await suggest({ q: 'North ko' });
    const [first, second] = multiSearches();
    expect(multiSearches()).toHaveLength(2);
    expect(first).toEqual([
      {
        indexUid: TERMS,
        q: '',
        filter: ['term >= "ko"', `term < "ko${END}"`],
        sort: ['docs:desc', 'term:asc'],
        limit: 8,
        attributesToRetrieve: ['term'],
      },
      { indexUid: UID, hitsPerPage: 0, facets: ['tags', 'section', 'authors'] },
      {
        indexUid: UID,
        q: 'north ko',
        attributesToSearchOn: ['title'],
        matchingStrategy: 'all',
        limit: 8,
        attributesToRetrieve: ['id', 'title', 'section', 'publishedAtIso'],
      },
    ]);
    expect(second?.map((q) => q.q)).toEqual(['"north" "korea"', '"north" "korean"', '"north" "kobe"']);
    expect(second?.[0]).toEqual({
      indexUid: UID,
      q: '"north" "korea"',
      matchingStrategy: 'all',
      attributesToSearchOn: ['title'],
      hitsPerPage: 0,
      page: 1,
    });
    expect(suggestions).toEqual([
      { type: 'query', text: 'north korea', highlight: '<mark>north ko</mark>rea' },
      { type: 'query', text: 'north korean', highlight: '<mark>north ko</mark>rean' },
      { type: 'section', text: 'North Korea', count: 4, highlight: '<mark>North Ko</mark>rea' },
      { type: 'tag', text: 'north-korea', count: 4, highlight: '<mark>north-ko</mark>rea' },
      {
        type: 'article',
        id: TITLE_HIT.id,
        text: TITLE_HIT.title,
        section: 'North Korea',
        publishedAt: '2025-01-06T01:00:00Z',
        highlight: '<mark>North</mark> <mark>Ko</mark>rea fires &lt;hypersonic&gt; missile',
      },
    ]);
  });

  it('when a 4+ letter word carries a typo, then its typo candidates come from outside its prefix range and are completed', async () => {
    answerSuggest({
      typos: ['semiconductor', 'semiconductors'],
      counts: { '"semiconductor"': 5, '"semiconductors"': 2 },
      titles: [{ ...TITLE_HIT, title: 'Semiconductor exports rise' }],
    });
    const suggestions = await suggest({ q: 'semocon', limit: '4', from: '2024-01-01' });
    const [first, second] = multiSearches();
    expect(second).toEqual([
      expect.objectContaining({
        q: '"semiconductor"',
        matchingStrategy: 'all',
        filter: [['publishedAt >= 1704067200']],
        hitsPerPage: 0,
      }),
      expect.objectContaining({
        q: '"semiconductors"',
        matchingStrategy: 'all',
        filter: [['publishedAt >= 1704067200']],
        hitsPerPage: 0,
      }),
    ]);
    // The vocabulary is the whole corpus's: filters apply to the counts, not to the candidates.
    expect(first?.[0]).not.toHaveProperty('filter', expect.arrayContaining([['publishedAt >= 1704067200']]));
    expect(first?.[1]).toEqual({
      indexUid: TERMS,
      q: 'semocon',
      filter: [['term < "semocon"', `term >= "semocon${END}"`]],
      sort: ['docs:desc', 'term:asc'],
      limit: 4,
      attributesToRetrieve: ['term'],
    });
    expect(suggestions.map((s) => [s.type, s.highlight])).toEqual([
      ['query', '<mark>semicon</mark>ductor'],
      ['query', '<mark>semicon</mark>ductors'],
      ['article', '<mark>Semiconductor</mark> exports rise'],
    ]);
  });

  it('when a finished word of 4+ letters is typed, then it is its own candidate with up to 4 other words within one typo', async () => {
    answerSuggest({ typos: ['koreas'], counts: { '"korea"': 6, '"koreas"': 9 } });
    const suggestions = await suggest({ q: 'korea ' });
    const [first, second] = multiSearches();
    expect(first?.filter((q) => q.indexUid === TERMS)).toEqual([
      {
        indexUid: TERMS,
        q: 'korea ',
        filter: ['term != "korea"'],
        sort: ['docs:desc', 'term:asc'],
        limit: 4,
        attributesToRetrieve: ['term'],
      },
    ]);
    expect(first?.at(-1)).toMatchObject({ q: 'korea ' });
    expect(second?.map((q) => q.q)).toEqual(['"korea"', '"koreas"']);
    expect(suggestions.filter((s) => s.type === 'query')).toEqual([
      { type: 'query', text: 'koreas', highlight: '<mark>koreas</mark>' },
      { type: 'query', text: 'korea', highlight: '<mark>korea</mark>' },
    ]);
  });

  it('when a short finished word is typed under filters, then one multi-search does it all, sections counted without their filter', async () => {
    answerSuggest({ counts: { '"eu"': 2 }, facets: { section: { Europe: 3 }, tags: { eu: 2 } } });
    const suggestions = await suggest({ q: 'EU ', section: 'World', tag: 'EU' });
    expect(multiSearches()).toHaveLength(1);
    const [sections, tags, titles, count] = multiSearches()[0]!;
    expect(sections).toEqual({
      indexUid: UID,
      filter: [[`tagKeys = "${toFilterKey('EU')}"`]],
      hitsPerPage: 0,
      facets: ['section'],
    });
    expect(tags).toEqual({
      indexUid: UID,
      filter: [[`sectionKey = "${toFilterKey('World')}"`], [`tagKeys = "${toFilterKey('EU')}"`]],
      hitsPerPage: 0,
      facets: ['tags', 'authors'],
    });
    expect(titles).toMatchObject({
      q: 'eu ',
      filter: [[`sectionKey = "${toFilterKey('World')}"`], [`tagKeys = "${toFilterKey('EU')}"`]],
    });
    expect(count).toMatchObject({
      q: '"eu"',
      matchingStrategy: 'all',
      filter: [[`sectionKey = "${toFilterKey('World')}"`], [`tagKeys = "${toFilterKey('EU')}"`]],
      hitsPerPage: 0,
    });
    expect(suggestions).toEqual([
      { type: 'query', text: 'eu', highlight: '<mark>eu</mark>' },
      // As on the embedded engine, facet values match the typed words as a prefix even after a space.
      { type: 'section', text: 'Europe', count: 3, highlight: '<mark>Eu</mark>rope' },
      { type: 'tag', text: 'eu', count: 2, highlight: '<mark>eu</mark>' },
    ]);
  });

  it('when no candidate has a result, then no query completion is offered', async () => {
    answerSuggest({ completions: ['zzyzx'] });
    expect(await suggest({ q: 'zz' })).toEqual([]);
  });

  it('when the vocabulary index is missing, then suggestions are asked again without it', async () => {
    const suggestions = await suggest({ q: 'korea ' });
    const [first, second] = multiSearches();
    expect(first?.[0]?.indexUid).toBe(TERMS);
    expect(second?.some((q) => q.indexUid === TERMS)).toBe(false);
    expect(second?.at(-1)).toMatchObject({ q: '"korea"', hitsPerPage: 0 });
    expect(suggestions).toEqual([]);
  });

  it('when nothing was typed, then Meilisearch is not called', async () => {
    expect(await suggest({ q: ' - ' })).toEqual([]);
    expect(stub.requests).toHaveLength(0);
  });

  it('when a title hit is not one of our documents, then it fails with an internal error', async () => {
    answerSuggest({ titles: [{ id: 7 }] });
    await expect(suggest({ q: 'eu ' })).rejects.toMatchObject({ code: ErrorCode.internal, status: 500 });
  });
});
