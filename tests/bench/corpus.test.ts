import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleInputSchema } from '../../src/articles/article.schema.js';
import { tokenize } from '../../src/text/normalize.js';
import { readCorpusStats } from '../../bench/corpus/corpus-stats.js';
import { createSyntheticSource, ensureSyntheticCorpus } from '../../bench/corpus/synthetic-corpus.js';
import { buildVocabulary } from '../../bench/corpus/vocabulary.js';
import { aliasSampler, mulberry32, zipfWeights } from '../../bench/lib/random.js';

const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('seeded randomness', () => {
  it('when the seed is the same, then the sequence is the same', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  it('when drawing from Zipf weights with the alias method, then frequencies follow 1/rank', () => {
    const draw = aliasSampler(zipfWeights(4), mulberry32(1));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) counts[draw()]!++;
    // 1 : 1/2 : 1/3 : 1/4 of 100,000 / (25/12).
    expect(counts[0]! / 100_000).toBeCloseTo(0.48, 1);
    expect(counts[0]! / counts[1]!).toBeCloseTo(2, 0);
    expect(counts[0]! / counts[3]!).toBeCloseTo(4, 0);
  });
});

describe('vocabulary', () => {
  const vocabulary = buildVocabulary(42);

  it('when built, then it has 50,000 distinct words, 2,000 tags, 300 authors and 12 sections', () => {
    expect(new Set(vocabulary.words).size).toBe(50_000);
    expect(new Set(vocabulary.tags).size).toBe(2_000);
    expect(new Set(vocabulary.authors).size).toBe(300);
    expect(vocabulary.sections).toHaveLength(12);
  });

  it('when ranked, then frequent words are shorter than rare ones', () => {
    const meanLength = (words: string[]) => words.reduce((s, w) => s + w.length, 0) / words.length;
    expect(meanLength(vocabulary.words.slice(0, 200))).toBeLessThan(meanLength(vocabulary.words.slice(10_000, 40_000)));
  });

  it('when tags are drawn, then none is also a text word (text queries never match tags)', () => {
    const words = new Set(vocabulary.words);
    expect(vocabulary.tags.filter((t) => words.has(t))).toEqual([]);
  });
});

describe('synthetic articles', () => {
  it('when generated twice with the same options, then the articles are identical', () => {
    const a = createSyntheticSource({ n: 5, seed: 3, bodyWords: 50 });
    const b = createSyntheticSource({ n: 5, seed: 3, bodyWords: 50 });
    expect([0, 1, 2].map(a.article)).toEqual([0, 1, 2].map(b.article));
  });

  it('when generated, then every article passes the project article schema with the issue shape', () => {
    const source = createSyntheticSource({ n: 200, seed: 5, bodyWords: 350 });
    for (let i = 0; i < 200; i++) {
      const input = source.article(i);
      const article = ArticleInputSchema.parse(input);
      const titleWords = tokenize(article.title).length;
      expect(titleWords).toBeGreaterThanOrEqual(6);
      expect(titleWords).toBeLessThanOrEqual(14);
      expect(tokenize(article.body).length).toBeGreaterThanOrEqual(297);
      expect(tokenize(article.body).length).toBeLessThanOrEqual(403);
      expect(article.tags.length).toBeLessThanOrEqual(6);
      expect(article.publishedAt >= '2015-01-01' && article.publishedAt < '2025-01-01').toBe(true);
    }
  });

  it('when written, then the stats count document frequency exactly and the cache is reused', () => {
    const options = { n: 300, seed: 9, bodyWords: 40 };
    const corpus = ensureSyntheticCorpus(dir, options, () => {});
    const lines = readFileSync(corpus.ndjsonPath, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(300);
    const df = new Map<string, number>();
    for (const line of lines) {
      const a = JSON.parse(line) as { title: string; summary: string; body: string };
      for (const w of new Set(tokenize(`${a.title} ${a.summary} ${a.body}`))) df.set(w, (df.get(w) ?? 0) + 1);
    }
    const stats = readCorpusStats(corpus.ndjsonPath.replace(/\.ndjson$/, '.stats.json'));
    for (const [word, count] of stats.words.slice(0, 50)) expect(count).toBe(df.get(word) ?? 0);
    expect(stats.sections.reduce((s, x) => s + x.count, 0)).toBe(300);

    const modified = statSync(corpus.ndjsonPath).mtimeMs;
    ensureSyntheticCorpus(dir, options, () => {});
    expect(statSync(corpus.ndjsonPath).mtimeMs).toBe(modified);
  });
});
