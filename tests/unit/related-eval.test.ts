import { describe, expect, it } from 'vitest';
import { mltTerms } from '../../bench/relevance/related/classic-mlt.js';
import { drawSample, scoreMethod } from '../../bench/relevance/related/related-eval.js';
import { topicsOf, type TopicStory } from '../../bench/relevance/related/reuters-topics.js';

const story = (id: string, topics: string[]): TopicStory => ({ id, title: id, line: '{}', topics });

describe('related evaluation', () => {
  it('when a story is read, then its TOPICS labels are the <D> values of that element only', () => {
    const sgml = '<TOPICS><D>cocoa</D><D>coffee</D></TOPICS><PLACES><D>usa</D></PLACES>';
    expect(topicsOf(sgml)).toEqual(['cocoa', 'coffee']);
    expect(topicsOf('<TOPICS></TOPICS>')).toEqual([]);
  });

  it('when a sample is drawn, then only stories with a topic, the same ones for the same seed', () => {
    const stories = Array.from({ length: 50 }, (_, i) => story(`s${i}`, i % 2 === 0 ? ['earn'] : []));
    const a = drawSample(stories, { size: 10, seed: 17 });
    expect(a).toHaveLength(10);
    expect(a.every((s) => s.topics.length > 0)).toBe(true);
    expect(drawSample(stories, { size: 10, seed: 17 })).toEqual(a);
    expect(drawSample(stories, { size: 10, seed: 18 })).not.toEqual(a);
  });

  it('when answers are scored, then a story counts when it shares a topic, out of 5 whatever the length', () => {
    const byId = new Map(
      [story('src', ['grain', 'wheat']), story('a', ['wheat']), story('b', ['crude']), story('c', ['grain'])].map(
        (s) => [s.id, s],
      ),
    );
    const score = scoreMethod([byId.get('src')!], [['a', 'b', 'c', 'src']], byId);
    // The source itself never counts; a, c share a topic: 2 of 5.
    expect(score.precisionAt5).toBeCloseTo(0.4, 10);
    expect(scoreMethod([byId.get('src')!], [[]], byId)).toMatchObject({ precisionAt5: 0, empty: 1 });
  });

  it('when the classic query is built, then words seen twice, in 5+ stories, not stop words, best by tf x idf', () => {
    const df = new Map([
      ['cocoa', 10],
      ['bahia', 5],
      ['rain', 4],
      ['the', 900],
      ['zone', 100],
    ]);
    const text = 'The cocoa zone, the cocoa rain, Bahia cocoa, bahia rain, zone zone';
    expect(mltTerms(text, df, 1000)).toEqual(['cocoa', 'bahia', 'zone']);
  });
});
