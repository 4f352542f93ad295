import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleInputSchema } from '../../src/articles/article.schema.js';
import { ErrorCode } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { createMeilisearchEngine } from '../../src/search/engines/meilisearch/index.js';
import { toFilterKey, toMeiliDocument } from '../../src/search/engines/meilisearch/meili-document.js';
import { RelatedParamsSchema } from '../../src/search/related/related.schema.js';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { searchResult } from './canned.js';
import { MeiliStub, type Recorded } from './meili-stub.js';

const UID = 'articles';
let stub: MeiliStub;
let engine: SearchEngine;

const article = (id: string, fields: Record<string, unknown>) =>
  ArticleInputSchema.parse({ id, section: 'Science', publishedAt: '2023-06-01T10:00:00Z', ...fields });

const SOURCE = article('selenova-1', {
  title: 'Private lunar lander Selenova-1 loses contact',
  body: 'The Selenova-1 lander lost contact moments before touchdown. The lunar lander had crossed to the Moon.',
  tags: ['space', 'moon'],
});
const SIBLING = article('selenova-2', {
  title: 'Private lander Selenova-2 touches down on the Moon',
  body: 'Two years after Selenova-1 was lost, the Selenova-2 lander touched down.',
  tags: ['space', 'moon'],
  publishedAt: '2025-03-03T10:00:00Z',
});
const OTHER = article('eclipse', {
  title: 'Towns brace for eclipse crowds',
  body: 'The Moon will cover the sun. A lunar shadow crosses towns.',
  section: 'World',
  publishedAt: '2024-04-05T10:00:00Z',
});

/** A candidate hit as Meilisearch returns it with our attributesToRetrieve (the body included). */
const asHit = (a: typeof SOURCE) => {
  const { id, url, title, summary, section, tags, authors, publishedAtIso, body } = toMeiliDocument(a);
  return { id, url, title, summary, section, tags, authors, publishedAtIso, body };
};

type Query = Record<string, unknown> & { q?: string; hitsPerPage?: number };
const multiSearches = () =>
  stub.requests.filter((r) => r.path === '/multi-search').map((r) => (r.body as { queries: Query[] }).queries);

/** Counts: every word is in 3 articles, of 100; candidates: the source (to be dropped), the eclipse, the sibling. */
function answerMultiSearch(req: Recorded): [number, unknown] {
  const queries = (req.body as { queries: Query[] }).queries;
  const counting = queries.every((q) => q.hitsPerPage === 0);
  return [
    200,
    {
      results: queries.map((q, i) =>
        counting
          ? searchResult(UID, { q: q.q ?? '', hitsPerPage: 0, totalHits: i === 0 ? 100 : 3 })
          : searchResult(UID, { q: q.q ?? '', hits: [asHit(SOURCE), asHit(OTHER), asHit(SIBLING)] }),
      ),
    },
  ];
}

beforeEach(async () => {
  stub = await MeiliStub.start();
  stub.indexes.set(UID, { settings: {}, docs: new Map([[SOURCE.id, toMeiliDocument(SOURCE)]]) });
  engine = createMeilisearchEngine({
    url: stub.url,
    apiKey: 'key-0123456789abcdef',
    indexUid: UID,
    logger: silentLogger(),
  });
});
afterEach(() => stub.stop());

const related = (id: string, params: Record<string, string> = {}) =>
  engine.related({ id, ...RelatedParamsSchema.parse(params) });

describe('related articles on Meilisearch', () => {
  it('when asked, then the article is read, its words counted, candidates searched, and the blend orders them', async () => {
    stub.reply('POST /multi-search', answerMultiSearch);
    const hits = await related(SOURCE.id);
    expect(stub.calls()).toEqual([
      `GET /indexes/${UID}/documents/${SOURCE.id}`,
      'POST /multi-search',
      'POST /multi-search',
    ]);
    expect(hits?.map((h) => h.id)).toEqual(['selenova-2', 'eclipse']);
    expect(hits?.[0]).toEqual({
      id: 'selenova-2',
      title: SIBLING.title,
      summary: null,
      section: 'Science',
      tags: ['space', 'moon'],
      authors: [],
      publishedAt: '2025-03-03T10:00:00Z',
      url: null,
    });
  });

  it('when words are counted, then each is an exact phrase over the text fields, count-only, after one count of the index', async () => {
    stub.reply('POST /multi-search', answerMultiSearch);
    await related(SOURCE.id);
    const [counts] = multiSearches();
    expect(counts?.[0]).toEqual({ indexUid: UID, q: '', hitsPerPage: 0 });
    const words = counts!.slice(1);
    expect(words.map((q) => q.q)).toContain('"selenova"');
    for (const q of words) {
      expect(q).toMatchObject({ indexUid: UID, hitsPerPage: 0, attributesToSearchOn: ['title', 'summary', 'body'] });
      expect(q.q).toMatch(/^"[\p{L}\p{N}]+"$/u);
    }
  });

  it('when candidates are searched, then at most 10 complete words go in q, with both strategies and the filters as keys', async () => {
    stub.reply('POST /multi-search', answerMultiSearch);
    await related(SOURCE.id, { section: 'Sci"ence', tag: 'back\\slash', limit: '3' });
    const candidates = multiSearches()[1]!;
    expect(candidates.slice(0, 2).map((q) => q.matchingStrategy)).toEqual(['last', 'frequency']);
    for (const q of candidates) {
      expect(q.q!.endsWith(' ')).toBe(true);
      expect(q.q!.trim().split(' ').length).toBeLessThanOrEqual(10);
      // The shared filter builder: labels become keys, no label text reaches Meilisearch.
      expect(q.filter).toEqual([
        [`sectionKey = "${toFilterKey('Sci"ence')}"`],
        [`tagKeys = "${toFilterKey('back\\slash')}"`],
      ]);
      expect(q.attributesToRetrieve).toContain('body');
    }
    // Then the best words alone, the first of them the first word of the word searches.
    const alone = candidates.slice(2).map((q) => q.q!.trim());
    expect(alone.length).toBeGreaterThan(1);
    expect(alone.every((w) => !w.includes(' '))).toBe(true);
    expect(alone[0]).toBe(candidates[0]!.q!.split(' ')[0]);
  });

  it('when the article does not exist, then the answer is undefined and nothing is searched; a malformed id is never sent', async () => {
    expect(await related('missing')).toBeUndefined();
    expect(await related('../../keys')).toBeUndefined();
    expect(stub.calls()).toEqual([`GET /indexes/${UID}/documents/missing`]);
  });

  it('when no word of the article is in another article, then the answer is empty without a candidate search', async () => {
    stub.reply('POST /multi-search', (req) => [
      200,
      {
        results: (req.body as { queries: Query[] }).queries.map((_, i) =>
          searchResult(UID, { hitsPerPage: 0, totalHits: i === 0 ? 100 : 1 }),
        ),
      },
    ]);
    expect(await related(SOURCE.id)).toEqual([]);
    expect(multiSearches()).toHaveLength(1);
  });

  it('when Meilisearch is down, then the call fails with engine_unavailable', async () => {
    stub.mode = 'down';
    await expect(related(SOURCE.id)).rejects.toMatchObject({ code: ErrorCode.engineUnavailable, status: 503 });
  });
});
