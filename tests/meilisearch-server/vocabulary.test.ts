import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article.schema.js';
import { silentLogger } from '../../src/logger.js';
import { createMeilisearchIndex } from '../../src/search/engines/meilisearch/index.js';
import { countTitleTerms, termsIndexUid } from '../../src/search/engines/meilisearch/title-terms.js';
import { dropIndex, meiliRest, realMeili, uniqueIndexUid } from './real-meili.js';

/**
 * The title vocabulary autocomplete reads (`<uid>_terms`) after writes that change titles, on a
 * real Meilisearch: the counts finish() updates in place must equal a count over every title.
 */
const server = realMeili();
const uids: string[] = [];
afterAll(async () => {
  if (server) for (const uid of uids) await dropIndex(server, uid);
});

const WORDS = ['harbor', 'council', 'budget', 'storm', 'festival', 'election', 'reservoir', 'vaccine', 'port'];
const article = (n: number, title: string): Article => ({
  id: `v-${n}`,
  title,
  body: `Body ${n}`,
  section: 'World',
  tags: [],
  authors: [],
  publishedAt: '2024-01-01T00:00:00Z',
  language: 'en',
});
const titleOf = (n: number, salt: number) => `${WORDS[(n + salt) % 9]} ${WORDS[(n * 7 + salt) % 9]} report ${n % 13}`;

/** Every `[term, docs]` of a vocabulary index. */
async function vocabulary(uid: string): Promise<Map<string, number>> {
  const { json } = await meiliRest(server!, 'POST', `/indexes/${termsIndexUid(uid)}/documents/fetch`, {
    fields: ['term', 'docs'],
    limit: 10_000,
  });
  return new Map((json as { results: { term: string; docs: number }[] }).results.map((d) => [d.term, d.docs]));
}

/** Every stored title. */
async function titles(uid: string): Promise<string[]> {
  const { json } = await meiliRest(server!, 'POST', `/indexes/${uid}/documents/fetch`, {
    fields: ['title'],
    limit: 10_000,
  });
  return (json as { results: { title: string }[] }).results.map((d) => d.title);
}

describe.skipIf(!server)('the title vocabulary on a real Meilisearch', () => {
  it('when writes change, add and delete titles, then the updated counts equal a count over every title', async () => {
    const uid = uniqueIndexUid('vocab');
    uids.push(uid);
    const index = createMeilisearchIndex({
      url: server!.url,
      apiKey: server!.apiKey,
      indexUid: uid,
      logger: silentLogger(),
    });
    await index.begin();
    await index.upsert(Array.from({ length: 300 }, (_, n) => article(n, titleOf(n, 0))));
    await index.finish();
    expect(await vocabulary(uid)).toEqual(countTitleTerms(await titles(uid)));

    // As the admin API would: several requests, one finish.
    for (let round = 1; round <= 3; round++) {
      await index.begin();
      await index.upsert(Array.from({ length: 40 }, (_, i) => article(i * 7 + round, titleOf(i, round))));
      await index.upsert([article(1_000 + round, `Brand new headline ${round}`)]);
      await index.delete([`v-${round * 11}`, `v-${round * 13}`, 'v-never-there']);
    }
    await index.finish();
    const counted = countTitleTerms(await titles(uid));
    expect(await vocabulary(uid)).toEqual(counted);
    expect(counted.get('brand')).toBe(3);
  }, 120_000);
});
