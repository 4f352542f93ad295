import { describe, expect, it } from 'vitest';
import {
  BLEND_WEIGHTS,
  blendScores,
  rankRelated,
  textScore,
  type RelatedArticle,
  type RelatedSource,
} from '../../src/search/related/related-blend.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 10);

function article(id: string, fields: Partial<RelatedArticle> = {}): RelatedArticle {
  return { id, title: '', body: '', section: 'World', tags: [], authors: [], publishedAtMs: T0, ...fields };
}

const source: RelatedSource = {
  ...article('src', {
    title: 'Selenova lander loses contact',
    summary: 'Mission Controller Ada Varga said the lander went silent.',
    body: 'The lunar lander Selenova lost contact before touchdown.',
    section: 'Science',
    tags: ['space', 'moon'],
    authors: ['Isaac Feldman'],
  }),
  terms: [
    { term: 'selenova', docs: 3, weight: 2 },
    { term: 'lander', docs: 10, weight: 2 },
    { term: 'lunar', docs: 20, weight: 1 },
  ],
};

describe('textScore', () => {
  it('when a text holds more of the query words, or holds them more often, then it scores higher', () => {
    const one = textScore(source.terms, new Map([['lander', 1]]), 100, 100);
    const two = textScore(
      source.terms,
      new Map([
        ['lander', 1],
        ['selenova', 1],
      ]),
      100,
      100,
    );
    const often = textScore(
      source.terms,
      new Map([
        ['lander', 3],
        ['selenova', 1],
      ]),
      100,
      100,
    );
    expect(two).toBeGreaterThan(one);
    expect(often).toBeGreaterThan(two);
    expect(textScore(source.terms, new Map(), 100, 100)).toBe(0);
  });

  it('when two texts hold the words equally often, then the shorter scores higher (BM25 length norm)', () => {
    const counts = new Map([['lander', 2]]);
    expect(textScore(source.terms, counts, 50, 100)).toBeGreaterThan(textScore(source.terms, counts, 300, 100));
  });
});

describe('blendScores', () => {
  it('when candidates differ in one signal each, then each part is measured as documented', () => {
    const [words, tags, section, people, far] = blendScores(source, [
      article('words', { title: 'Selenova lander', body: 'lunar lander', publishedAtMs: T0 + 400 * DAY }),
      article('tags', { tags: ['space', 'moon', 'mars'], publishedAtMs: T0 + 400 * DAY }),
      article('section', { section: 'science', publishedAtMs: T0 + 400 * DAY }),
      article('people', {
        body: 'Ada Varga and Mission Controller staff',
        authors: ['Isaac Feldman'],
        publishedAtMs: T0 + 400 * DAY,
      }),
      article('near', { publishedAtMs: T0 - 30 * DAY }),
    ]);
    expect(words!.parts.text).toBe(1);
    expect(tags!.parts).toMatchObject({ text: 0, tags: 1, section: 0 });
    expect(section!.parts.section).toBe(1);
    // "ada varga" and "mission controller" from the summary, and the byline: three of three.
    expect(people!.parts.people).toBe(1);
    expect(far!.parts.time).toBeCloseTo(0.5, 5);
    expect(words!.parts.time).toBeLessThan(0.0001);
  });

  it('when the weights are applied, then the score is their weighted sum', () => {
    const [only] = blendScores(source, [article('x', { tags: ['space'], publishedAtMs: T0 })]);
    expect(only!.score).toBeCloseTo(BLEND_WEIGHTS.tags * 0.5 + BLEND_WEIGHTS.time * 1, 10);
  });
});

describe('rankRelated', () => {
  it('when candidates are ranked, then text leads, tags lift a close one, and the source and repeats are dropped', () => {
    const ranked = rankRelated(source, [
      article('src', { title: 'Selenova lander lunar' }),
      article('weak-text', { body: 'a lunar eclipse', publishedAtMs: T0 }),
      article('strong-text', { title: 'Selenova lander', body: 'lunar lander selenova' }),
      article('weak-text-tags', { body: 'a lunar eclipse', tags: ['moon', 'space'], section: 'Science' }),
      article('strong-text', { title: 'Selenova lander', body: 'lunar lander selenova' }),
    ]);
    expect(ranked.map((c) => c.id)).toEqual(['strong-text', 'weak-text-tags', 'weak-text']);
  });

  it('when two candidates score the same, then the newer comes first, then the lower id', () => {
    const ranked = rankRelated({ ...source, terms: [] }, [
      article('b', { publishedAtMs: T0 }),
      article('c', { publishedAtMs: T0 + 1 }),
      article('a', { publishedAtMs: T0 }),
    ]);
    // Same distance in time is not the same score: c is 1 ms further. Equal scores: a, b.
    expect(ranked.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('rankRelated, candidates from several searches', () => {
  it('when the source and repeats are among the candidates, then the order is the same as without them', () => {
    // a: one strong word; b: a weaker word, but the source's tags and section. Measured against
    // each other, a's text leads; measured against the source's own text, both texts shrink and
    // b's tags would win.
    const others = [
      article('a', { body: 'selenova' }),
      article('b', { body: 'lunar', tags: ['space', 'moon'], section: 'Science' }),
    ];
    const clean = rankRelated(source, others).map((c) => c.id);
    const noisy = rankRelated(source, [
      article('src', { title: 'Selenova lander lunar', body: 'Selenova lander lunar lander selenova' }),
      ...others,
      others[1]!,
      others[0]!,
    ]).map((c) => c.id);
    expect(clean).toEqual(['a', 'b']);
    expect(noisy).toEqual(clean);
  });
});
