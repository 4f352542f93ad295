import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bruteForceSearch, holdsWord, holdsWordOrStem, type OracleQuery } from '../support/brute-force.js';
import { contractArticles } from './contract-corpus.js';
import { CONTRACT_ENGINES, useContractApp } from './engines.js';

type Hit = {
  id: string;
  title: string;
  section: string;
  tags: string[];
  authors: string[];
  publishedAt: string;
  highlight?: { title: string; snippet: string };
};

describe.each(CONTRACT_ENGINES)('search contract on $name', (engine) => {
  const { name, skip } = engine;
  const articles = contractArticles();
  const app = useContractApp(engine, () => articles);

  const get = (query: Record<string, string | string[]>) => request(app()).get('/api/search').query(query);
  const all = async (query: Record<string, string | string[]>): Promise<Hit[]> =>
    (await get({ ...query, pageSize: '100' }).expect(200)).body.hits;

  describe.skipIf(Boolean(skip))(skip ?? name, () => {
    it('when a complete word is searched, then totalHits counts exactly the articles holding it', async () => {
      for (const word of ['chip', 'vote', 'museum']) {
        const expected = articles.filter((a) => holdsWord(a, word)).length;
        expect(expected).toBeGreaterThan(0);
        const res = await get({ q: `${word} ` }).expect(200);
        expect({ word, total: res.body.totalHits }).toEqual({ word, total: expected });
      }
    });

    it('when a word is misspelt within the typo budget, then the intended articles are found', async () => {
      const res = await get({ q: 'goverment ' }).expect(200);
      expect(res.body.totalHits).toBe(articles.filter((a) => holdsWord(a, 'goverment')).length);
      expect(res.body.totalHits).toBeGreaterThan(20);
    });

    it('when typing "cyber secur", then cyber-security articles are found and title matches come first', async () => {
      const res = await get({ q: 'cyber secur' }).expect(200);
      expect(res.body.totalHits).toBeGreaterThanOrEqual(10);
      expect(res.body.hits[0].title).toMatch(/cyber/i);
      expect(res.body.hits[0].highlight.title).toMatch(/<mark>secur<\/mark>ity/i);
    });

    it('when text holds HTML, then highlights escape it and add only <mark>', async () => {
      const [hit] = await all({ q: 'script adverts ' });
      expect(hit!.id).toBe('contract-html');
      expect(hit!.highlight!.title).toBe(
        'Hackers hid &lt;<mark>script</mark>&gt; tags &amp; &quot;quotes&quot; in cyber <mark>adverts</mark>',
      );
      expect(hit!.highlight!.snippet).not.toMatch(/<(?!\/?mark>)/);
    });

    it('when accents or case differ, then words still match', async () => {
      const hits = await all({ q: 'EMILE zola cafe munster ' });
      expect(hits[0]!.id).toBe('contract-accents');
      expect(hits[0]!.highlight!.title).toContain('<mark>Émile</mark>');
    });

    it('when filters are combined, then totals and every facet equal a brute-force count', async () => {
      const cases: OracleQuery[] = [
        { section: ['Politics', 'economy'] },
        { tag: ['korea', 'north-korea'] },
        { author: ['Kwon Tae-min'], from: '2023-01-01', to: '2024-12-31' },
        { q: 'government ', section: ['Politics'], tag: ['elections'] },
      ];
      for (const c of cases) {
        const expected = bruteForceSearch(articles, c);
        expect(expected.totalHits).toBeGreaterThan(0);
        const res = await get({
          ...(c as Record<string, string | string[]>),
          facets: 'section,tags,authors',
          facetLimit: '100',
        }).expect(200);
        expect(res.body.totalHits).toBe(expected.totalHits);
        expect(res.body.facets.section).toEqual(expected.section);
        expect(res.body.facets.authors).toEqual(expected.authors);
        expect(res.body.facets.tags).toEqual(expected.tags);
      }
    });

    it('when filter values hold quotes, backslashes or filter keywords, then they match exactly their articles', async () => {
      const odd = articles.find((a) => a.id === 'contract-filter-syntax')!;
      const cases: Record<string, string[]>[] = [
        { section: [odd.section] },
        { tag: [odd.tags[0]!, odd.tags[1]!] },
        { tag: [odd.tags[2]!] },
        // Repeated: a parameter given once is split on commas, and this name holds one.
        { author: [odd.authors[0]!, odd.authors[0]!] },
      ];
      for (const filters of cases) {
        const res = await get({ ...filters, facets: 'section,tags,authors', facetLimit: '100' }).expect(200);
        expect(
          res.body.hits.map((h: Hit) => h.id),
          JSON.stringify(filters),
        ).toEqual(['contract-filter-syntax']);
        expect(res.body.facets.tags.map((t: { value: string }) => t.value).sort()).toEqual([...odd.tags].sort());
      }
      // A value written to escape its quotes matches nothing rather than widening the filter.
      for (const injected of ['Technology" OR section = "Culture', 'Technology\\" OR section = \\"Culture']) {
        const res = await get({ section: [injected] }).expect(200);
        expect(res.body.totalHits, injected).toBe(0);
      }
    });

    it('when a date facet is asked for, then buckets are chronological, ignore the date filter, and sum to the matches', async () => {
      const res = await get({ facets: 'date', dateInterval: 'year', from: '2024-01-01', to: '2024-12-31' }).expect(200);
      const buckets = res.body.facets.date as { value: string; from: string; to: string; count: number }[];
      expect(buckets.map((b) => b.value)).toEqual([...buckets.map((b) => b.value)].sort());
      expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(articles.length);
      expect(buckets.find((b) => b.value === '2024')).toMatchObject({ from: '2024-01-01', to: '2024-12-31' });
      const auto = await get({ facets: 'date' }).expect(200);
      expect(auto.body.dateInterval).toBe('month');
    });

    it('when sorting, then newest and oldest order by date', async () => {
      const newest = (await all({ q: 'korea ', sort: 'newest' })).map((h) => h.publishedAt);
      expect(newest.length).toBeGreaterThan(1);
      expect(newest).toEqual([...newest].sort().reverse());
      const oldest = (await all({ section: ['Sports'], sort: 'oldest' })).map((h) => h.publishedAt);
      expect(oldest.length).toBeGreaterThan(1);
      expect(oldest).toEqual([...oldest].sort());
    });

    it('when paging, then pages are disjoint and cover every match once', async () => {
      const seen = new Set<string>();
      const first = await get({ q: 'government ', pageSize: '7', page: '1' }).expect(200);
      expect(first.body.totalPages).toBeGreaterThan(1);
      for (let page = 1; page <= first.body.totalPages; page++) {
        const res = await get({ q: 'government ', pageSize: '7', page: String(page) }).expect(200);
        for (const hit of res.body.hits as Hit[]) seen.add(hit.id);
      }
      expect(seen.size).toBe(first.body.totalHits);
    });

    it('when a phrase or an exclusion is used, then every hit respects it', async () => {
      const text = (id: string) => {
        const article = articles.find((a) => a.id === id)!;
        return `${article.title} ${article.summary ?? ''} ${article.body}`;
      };
      const phrase = await all({ q: '"north korea"', highlight: 'false' });
      expect(phrase.length).toBeGreaterThan(0);
      for (const hit of phrase) expect(text(hit.id).toLowerCase()).toMatch(/north\W+korea/);
      // The exclusion removes some of the articles about korea, not all of them.
      const korea = (await get({ q: 'korea ', highlight: 'false' }).expect(200)).body.totalHits;
      const excluded = await get({ q: 'korea -missile -missiles ', pageSize: '100' }).expect(200);
      expect(excluded.body.totalHits).toBeGreaterThan(0);
      expect(excluded.body.totalHits).toBeLessThan(korea);
      expect(excluded.body.hits).toHaveLength(Math.min(100, excluded.body.totalHits));
      for (const hit of excluded.body.hits as Hit[]) expect(text(hit.id)).not.toMatch(/\bmissiles?\b/i);
    });

    it('when few articles hold every word, then partial matches follow the full ones', async () => {
      const hits = await all({ q: 'semiconductor festival ' });
      const full = hits.filter((h) => {
        const a = articles.find((x) => x.id === h.id)!;
        return holdsWord(a, 'semiconductor') && holdsWord(a, 'festival');
      });
      expect(hits.length).toBeGreaterThan(full.length);
      expect(hits.slice(0, full.length)).toEqual(full);
      for (const h of hits) {
        const a = articles.find((x) => x.id === h.id)!;
        expect(holdsWordOrStem(a, 'semiconductor') || holdsWordOrStem(a, 'festival')).toBe(true);
      }
    });

    it('when an article is fetched by id, then it round-trips; an unknown id is 404', async () => {
      const article = articles.find((a) => a.id === 'contract-accents')!;
      const res = await request(app()).get('/api/articles/contract-accents').expect(200);
      expect(res.body).toEqual(article);
      const missing = await request(app()).get('/api/articles/missing-id').expect(404);
      expect(missing.body.code).toBe('article_not_found');
    });

    it('when a parameter is invalid, then the error is the same problem+json on every engine', async () => {
      const res = await get({ pageSize: '0', sort: 'best' }).expect(400);
      expect(res.body).toMatchObject({ code: 'invalid_parameter', status: 400 });
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['pageSize', 'sort']);
    });
  });
});
