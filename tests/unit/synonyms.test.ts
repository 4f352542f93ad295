import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { settingsPatch, articleIndexSettings } from '../../src/search/engines/meilisearch/meili-settings.js';
import { parseQuery } from '../../src/search/query/parse-query.js';
import { applySynonyms, DEFAULT_SYNONYMS, toMeiliSynonyms, toSynonymIndex } from '../../src/search/query/synonyms.js';

const index = toSynonymIndex(DEFAULT_SYNONYMS);

describe('synonyms', () => {
  it('when a group is read, then every member stands for the others, split and folded as the index splits text', () => {
    expect(index.get('us')).toEqual([
      ['u', 's'],
      ['united', 'states'],
    ]);
    expect(index.get('u s')).toEqual([['us'], ['united', 'states']]);
    expect(toMeiliSynonyms([['US', 'United States']])).toEqual({ us: ['united states'], 'united states': ['us'] });
  });

  it('when a finished word is a synonym, then it gains the others as alternatives', () => {
    expect(applySynonyms(parseQuery('US trade '), index).terms[0]).toEqual({
      kind: 'word',
      text: 'us',
      prefix: false,
      synonyms: [
        ['u', 's'],
        ['united', 'states'],
      ],
    });
  });

  it('when consecutive words are a synonym, then they become one term holding them as a phrase', () => {
    expect(applySynonyms(parseQuery('united nations vote '), index).terms).toEqual([
      { kind: 'phrase', words: ['united', 'nations'], synonyms: [['u', 'n'], ['un']] },
      { kind: 'word', text: 'vote', prefix: false },
    ]);
  });

  it('when the synonym is the word being typed, then it is left alone (it may become "unless")', () => {
    expect(applySynonyms(parseQuery('kim jong un'), index).terms.at(-1)).toEqual({
      kind: 'word',
      text: 'un',
      prefix: true,
    });
  });

  it('when SYNONYMS is none, a file, or a bad file, then the configuration says so', () => {
    expect(loadConfig({ SYNONYMS: 'none' }).SYNONYMS).toEqual([]);
    expect(loadConfig({}).SYNONYMS).toEqual(DEFAULT_SYNONYMS);
    const dir = mkdtempSync(join(tmpdir(), 'synonyms-'));
    writeFileSync(join(dir, 'ok.json'), JSON.stringify([['car', 'automobile']]));
    expect(loadConfig({ SYNONYMS: join(dir, 'ok.json') }).SYNONYMS).toEqual([['car', 'automobile']]);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify([['alone']]));
    for (const spec of [join(dir, 'bad.json'), join(dir, 'missing.json')]) {
      try {
        loadConfig({ SYNONYMS: spec });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).issues[0]?.variable).toBe('SYNONYMS');
      }
    }
  });

  it('when the synonyms change, then Meilisearch gets the whole new map, removals included', () => {
    const current = articleIndexSettings([
      ['car', 'automobile'],
      ['us', 'usa'],
    ]);
    expect(settingsPatch(current, articleIndexSettings([['car', 'automobile']]))).toEqual({
      synonyms: { car: ['automobile'], automobile: ['car'] },
    });
    expect(
      settingsPatch(
        current,
        articleIndexSettings([
          ['usa', 'us'],
          ['automobile', 'car'],
        ]),
      ),
    ).toBeUndefined();
  });
});
