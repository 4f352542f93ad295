import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/articles/article.schema.js';
import { createMeiliContractEngine, meiliContractSkipReason } from '../contract/meilisearch.harness.js';
import { MeiliStub } from './meili-stub.js';

const article: Article = {
  id: 'a-1',
  title: 'T',
  body: 'B',
  section: 'S',
  tags: [],
  authors: [],
  publishedAt: '2021-01-01T00:00:00Z',
  language: 'en',
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the Meilisearch contract harness', () => {
  it('when MEILI_URL is not set, then the run is skipped with a reason', () => {
    vi.stubEnv('MEILI_URL', '');
    expect(meiliContractSkipReason()).toMatch(/MEILI_URL/);
  });

  it('when MEILI_URL is set, then articles go into a fresh index that cleanup deletes with its vocabulary', async () => {
    const stub = await MeiliStub.start();
    try {
      vi.stubEnv('MEILI_URL', stub.url);
      vi.stubEnv('MEILI_API_KEY', 'contract-key-0123456789');
      expect(meiliContractSkipReason()).toBeUndefined();
      const { engine, cleanup } = await createMeiliContractEngine([article]);
      const [uid] = [...stub.indexes.keys()];
      expect(uid).toMatch(/^contract_\d+_[0-9a-f]{8}$/);
      expect(await engine.getArticle('a-1')).toEqual(article);
      expect([...stub.indexes.keys()]).toEqual([uid, `${uid}_terms`]);
      await cleanup();
      expect(stub.calls().slice(-2)).toEqual([`DELETE /indexes/${uid}`, `DELETE /indexes/${uid}_terms`]);
      expect(stub.requests.at(-1)?.headers.authorization).toBe('Bearer contract-key-0123456789');
      expect(stub.indexes.size).toBe(0);
    } finally {
      await stub.stop();
    }
  });
});
