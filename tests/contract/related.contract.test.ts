import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { passesFilters } from '../support/brute-force.js';
import { contractArticles } from './contract-corpus.js';
import { CONTRACT_ENGINES, useContractApp } from './engines.js';

type Hit = { id: string; section: string; tags: string[]; authors: string[]; publishedAt: string; title: string };

describe.each(CONTRACT_ENGINES)('related articles contract on $name', (engine) => {
  const { name, skip } = engine;
  const articles = contractArticles();
  const app = useContractApp(engine, () => articles);
  const idOf = (titleStart: string) => {
    const found = articles.find((a) => a.title.startsWith(titleStart));
    if (!found) throw new Error(`no contract article titled "${titleStart}..."`);
    return found.id;
  };
  const related = (id: string, query: Record<string, string | string[]> = {}) =>
    request(app()).get(`/api/articles/${id}/related`).query(query);
  const hitsOf = async (id: string, query: Record<string, string | string[]> = {}): Promise<Hit[]> =>
    (await related(id, query).expect(200)).body.hits;

  describe.skipIf(Boolean(skip))(skip ?? name, () => {
    it('when a story has a sequel, then the sequel is the first related article', async () => {
      const pairs = [
        ['Private lunar lander Selenova-1', 'Private lander Selenova-2'],
        ['Harrowgate FC reach first cup final', 'Harrowgate FC clinch promotion'],
        ['Busan film festival marks 30th edition', 'Busan film festival opens'],
      ] as const;
      for (const [from, to] of pairs) {
        const hits = await hitsOf(idOf(from));
        expect({ from, first: hits[0]?.title }).toEqual({
          from,
          first: articles.find((a) => a.id === idOf(to))?.title,
        });
      }
    });

    it('when no limit is given, then five articles come back, never the article itself, shaped like search hits', async () => {
      const id = idOf('North Korea fires hypersonic missile');
      const res = await related(id)
        .expect(200)
        .expect('content-type', /application\/json/);
      expect(res.body.id).toBe(id);
      expect(res.body.hits).toHaveLength(5);
      expect(res.body.hits.map((h: Hit) => h.id)).not.toContain(id);
      expect(new Set(res.body.hits.map((h: Hit) => h.id)).size).toBe(5);
      const search = await request(app()).get('/api/search').query({ q: 'missile ', pageSize: '1' }).expect(200);
      const { highlight: _, ...searchHit } = search.body.hits[0];
      for (const hit of res.body.hits) expect(Object.keys(hit)).toEqual(Object.keys(searchHit));
      // A missile story relates to other North Korea missile stories.
      expect(res.body.hits.filter((h: Hit) => h.tags.includes('north-korea')).length).toBeGreaterThanOrEqual(4);
    });

    it('when a limit is given, then at most that many come back; outside 1-20 it is refused naming limit', async () => {
      const id = idOf('North Korea fires hypersonic missile');
      expect(await hitsOf(id, { limit: '1' })).toHaveLength(1);
      expect((await hitsOf(id, { limit: '20' })).length).toBe(20);
      for (const limit of ['0', '21', 'five', ['2', '3']]) {
        const res = await related(id, { limit })
          .expect(400)
          .expect('content-type', /application\/problem\+json/);
        expect(res.body.code).toBe('invalid_parameter');
        expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['limit']);
      }
      expect((await related(id, { page: '2' }).expect(400)).body.code).toBe('unknown_parameter');
    });

    it('when filters are given, then every related article passes them', async () => {
      const id = idOf('North Korea fires hypersonic missile');
      // Each filter keeps some North Korea missile stories, so none may come back empty.
      const cases: { section?: string[]; tag?: string[]; author?: string[]; from?: string; to?: string }[] = [
        { section: ['Politics', 'north korea'] },
        { tag: ['missiles'] },
        { author: ['Lee Soo-jin'] },
        { from: '2023-01-01', to: '2023-12-31' },
      ];
      for (const filters of cases) {
        const hits = await hitsOf(id, { ...filters, limit: '20' });
        expect({ filters, none: hits.length === 0 }).toEqual({ filters, none: false });
        for (const hit of hits) {
          const article = articles.find((a) => a.id === hit.id)!;
          expect({ filters, id: hit.id, passes: passesFilters(article, filters) }).toEqual({
            filters,
            id: hit.id,
            passes: true,
          });
        }
      }
      const res = await related(id, { from: '2024-01-01', to: '2023-01-01' }).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['to']);
    });

    it('when the article does not exist, then 404 article_not_found; a malformed id is refused naming id', async () => {
      const missing = await related('no-such-article')
        .expect(404)
        .expect('content-type', /application\/problem\+json/);
      expect(missing.body.code).toBe('article_not_found');
      const malformed = await related('bad%20id').expect(400);
      expect(malformed.body.errors.map((e: { path: string }) => e.path)).toEqual(['id']);
    });

    it('when asked again with the ETag, then 304', async () => {
      const id = idOf('Private lunar lander Selenova-1');
      const first = await related(id).expect(200);
      expect(first.headers.etag).toMatch(/^W\//);
      await request(app())
        .get(`/api/articles/${id}/related`)
        .set('If-None-Match', String(first.headers.etag))
        .expect(304);
    });
  });
});
