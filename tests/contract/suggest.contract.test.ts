import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ArticleInputSchema } from '../../src/articles/article.schema.js';
import { contractArticles } from './contract-corpus.js';
import { CONTRACT_ENGINES, useContractApp } from './engines.js';

type Suggestion = { type: string; text: string; highlight: string; count?: number; id?: string };

describe.each(CONTRACT_ENGINES)('autocomplete contract on $name', (engine) => {
  const { name, skip } = engine;
  const app = useContractApp(engine, contractArticles);

  const suggest = async (query: Record<string, string>): Promise<Suggestion[]> =>
    (await request(app()).get('/api/suggest').query(query).expect(200)).body.suggestions;

  describe.skipIf(Boolean(skip))(skip ?? name, () => {
    it('when "north ko" is typed, then "north korea" is the first completion, the typed part marked', async () => {
      const queries = (await suggest({ q: 'north ko' })).filter((s) => s.type === 'query');
      expect(queries[0]).toEqual({ type: 'query', text: 'north korea', highlight: '<mark>north ko</mark>rea' });
    });

    it('when a single prefix is typed, then a frequent title phrase completes it ("nor" -> "north korea")', async () => {
      const queries = (await suggest({ q: 'nor' })).filter((s) => s.type === 'query');
      expect(queries).toContainEqual({ type: 'query', text: 'north korea', highlight: '<mark>nor</mark>th korea' });
    });

    it('when a filter leaves no title holding a completion, then completions come from the text and find results', async () => {
      const filters = { section: 'Technology' };
      const total = (
        await request(app())
          .get('/api/search')
          .query({ q: 'nor', ...filters })
          .expect(200)
      ).body.totalHits;
      expect(total).toBeGreaterThan(0);
      const queries = (await suggest({ q: 'nor', ...filters })).filter((s) => s.type === 'query');
      expect(queries.length).toBeGreaterThan(0);
      for (const { text } of queries) {
        const res = await request(app())
          .get('/api/search')
          .query({ q: `${text} `, matchingStrategy: 'all', ...filters })
          .expect(200);
        expect(res.body.totalHits, text).toBeGreaterThan(0);
      }
    });

    it('when a 4+ letter word carries a typo, then it is still completed ("semocon")', async () => {
      const texts = (await suggest({ q: 'semocon' })).map((s) => s.text.toLowerCase());
      expect(texts.some((t) => t.startsWith('semiconductor'))).toBe(true);
    });

    it('when suggestions are offered, then each query completion returns results, under the same filters', async () => {
      for (const filters of [{}, { section: 'Technology' }] as Record<string, string>[]) {
        const queries = (await suggest({ q: 'se', ...filters })).filter((s) => s.type === 'query');
        expect(queries.length).toBeGreaterThan(0);
        for (const s of queries) {
          const res = await request(app())
            .get('/api/search')
            .query({ q: `${s.text} `, ...filters })
            .expect(200);
          expect({ text: s.text, total: res.body.totalHits > 0 }).toEqual({ text: s.text, total: true });
        }
      }
    });

    it('when a section or tag matches what was typed, then it is offered with its count', async () => {
      const values = (await suggest({ q: 'north ko' })).filter((s) => s.type === 'section' || s.type === 'tag');
      expect(values).toContainEqual({
        type: 'section',
        text: 'North Korea',
        count: expect.any(Number),
        highlight: '<mark>North Ko</mark>rea',
      });
      const facets = await request(app())
        .get('/api/search')
        .query({ facets: 'section', facetLimit: '100' })
        .expect(200);
      const section = facets.body.facets.section.find((f: { value: string }) => f.value === 'North Korea');
      expect(values.find((s) => s.type === 'section')!.count).toBe(section.count);
    });

    it('when article titles match, then they are offered with id, section and date, escaped', async () => {
      const articles = (await suggest({ q: 'hackers hid scr', limit: '20' })).filter((s) => s.type === 'article');
      expect(articles[0]).toMatchObject({ id: 'contract-html', section: 'Technology' });
      expect(articles[0]!.highlight).toContain('&lt;<mark>scr</mark>ipt&gt;');
    });

    it('when the limit is small, then no more suggestions than asked come back', async () => {
      expect((await suggest({ q: 'n', limit: '3' })).length).toBeLessThanOrEqual(3);
    });

    it('when nothing was typed, then no suggestion comes back', async () => {
      expect(await suggest({ q: '' })).toEqual([]);
    });
  });
});

/**
 * Completions are ranked by how many *titles* hold the words together (docs/architecture.md).
 * Here "port strike" fills four bodies but one title, "port storm" two titles: headlines win.
 */
function harbourArticles() {
  const article = (id: string, title: string, body: string) =>
    ArticleInputSchema.parse({
      id,
      title,
      body,
      section: 'Business',
      publishedAt: '2024-03-0' + id.slice(-1) + 'T08:00:00Z',
    });
  return [
    article('harbour-1', 'Port strike ends after talks', 'Dock workers return to work.'),
    article('harbour-2', 'Port storm closes docks', 'High winds shut the harbour.'),
    article('harbour-3', 'Port storm warnings lifted', 'Ferries sail again.'),
    ...[4, 5, 6, 7].map((n) =>
      article(
        `harbour-${n}`,
        `Shipping rates climb ${n}`,
        'The port strike delayed cargo; a port strike fund was set up.',
      ),
    ),
  ];
}

describe.each(CONTRACT_ENGINES)('completion counts contract on $name', (engine) => {
  const { name, skip } = engine;
  const app = useContractApp(engine, harbourArticles);

  describe.skipIf(Boolean(skip))(skip ?? name, () => {
    it('when "port st" is typed, then completions follow how many titles hold the words, not bodies', async () => {
      const res = await request(app()).get('/api/suggest').query({ q: 'port st' }).expect(200);
      const queries = (res.body.suggestions as Suggestion[]).filter((s) => s.type === 'query').map((s) => s.text);
      expect(queries.slice(0, 2)).toEqual(['port storm', 'port strike']);
    });
  });
});

describe.each(CONTRACT_ENGINES)('facet-value search contract on $name', (engine) => {
  const { name, skip } = engine;
  const app = useContractApp(engine, contractArticles);

  const values = async (facet: string, query: Record<string, string>) =>
    (await request(app()).get(`/api/facets/${facet}`).query(query).expect(200)).body.values as {
      value: string;
      count: number;
      highlight: string;
    }[];

  describe.skipIf(Boolean(skip))(skip ?? name, () => {
    it('when a section prefix is typed, then matching sections come with search-facet counts', async () => {
      expect(await values('section', { q: 'north ko' })).toEqual([
        { value: 'North Korea', count: 15, highlight: '<mark>North Ko</mark>rea' },
      ]);
    });

    it('when a tag is typed with a typo, then it is still found', async () => {
      expect((await values('tags', { q: 'clmate' })).map((v) => v.value)).toContain('climate-change');
    });

    it('when filters and a search are given, then counts are scoped to them', async () => {
      const scoped = await values('tags', { q: 'kor', query: 'missiles ', section: 'North Korea' });
      const search = await request(app())
        .get('/api/search')
        .query({ q: 'missiles ', section: 'North Korea', facets: 'tags', facetLimit: '100' })
        .expect(200);
      expect(scoped.length).toBeGreaterThan(0);
      for (const v of scoped) expect(search.body.facets.tags).toContainEqual({ value: v.value, count: v.count });
    });

    it('when the facet is unknown, then 400 names it', async () => {
      const res = await request(app()).get('/api/facets/colour').expect(400);
      expect(res.body.errors[0].path).toBe('facet');
    });
  });
});
