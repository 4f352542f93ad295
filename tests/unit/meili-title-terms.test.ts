import { describe, expect, it } from 'vitest';
import {
  applyTermDelta,
  titleTermDelta,
  countTitleTerms,
  isSearchableTerm,
  termDocumentId,
  termsIndexUid,
  toTermDocuments,
} from '../../src/search/engines/meilisearch/title-terms.js';

describe('countTitleTerms', () => {
  it('when titles share words, then each word counts the titles holding it, once per title', () => {
    expect(countTitleTerms(['North Korea fires', 'Korea-Japan talks: Korea'])).toEqual(
      new Map([
        ['north', 1],
        ['korea', 2],
        ['fires', 1],
        ['japan', 1],
        ['talks', 1],
      ]),
    );
  });

  it('when words differ in case or accents, then they are one word, as the index folds them', () => {
    expect(countTitleTerms(['Café in MÜNSTER', 'cafe munster'])).toEqual(
      new Map([
        ['cafe', 2],
        ['in', 1],
        ['munster', 2],
      ]),
    );
  });

  it('when pages of titles come one after another, then the counts add up', () => {
    const counts = countTitleTerms(['Vote count']);
    countTitleTerms(['Vote delayed', ''], counts);
    expect(counts).toEqual(
      new Map([
        ['vote', 2],
        ['count', 1],
        ['delayed', 1],
      ]),
    );
  });
});

describe('termDocumentId', () => {
  it('when a term holds characters an id may not, then the id is still 27 id-safe characters', () => {
    for (const term of ['korea', 'münster', '北朝鮮', 'a'.repeat(300)])
      expect(termDocumentId(term)).toMatch(/^[A-Za-z0-9_-]{27}$/);
  });

  it('when terms differ, then ids differ; the same term always gets the same id', () => {
    expect(termDocumentId('korea')).toBe('7tXzub9rKXDMh_ZbusCNONQhnTI');
    expect(termDocumentId('korea')).not.toBe(termDocumentId('koreas'));
  });
});

describe('toTermDocuments', () => {
  it('when counts are mapped, then documents come in term order with their id and count', () => {
    expect(
      toTermDocuments(
        new Map([
          ['korea', 2],
          ['chip', 1],
        ]),
      ),
    ).toEqual([
      { id: termDocumentId('chip'), term: 'chip', docs: 1 },
      { id: termDocumentId('korea'), term: 'korea', docs: 2 },
    ]);
  });

  it('when a word is longer than Meilisearch indexes (250 bytes), then it is left out', () => {
    const long = 'é'.repeat(126); // 252 bytes
    expect(isSearchableTerm('é'.repeat(125))).toBe(true);
    expect(isSearchableTerm(long)).toBe(false);
    expect(
      toTermDocuments(
        new Map([
          [long, 1],
          ['chip', 1],
        ]),
      ).map((d) => d.term),
    ).toEqual(['chip']);
  });
});

describe('termsIndexUid', () => {
  it('when an article index is named, then its vocabulary index is named after it', () => {
    expect(termsIndexUid('articles')).toBe('articles_terms');
  });
});

describe('titleTermDelta', () => {
  it('when titles change, then words leaving a title count -1, words joining +1, unchanged ones not at all', () => {
    const delta = titleTermDelta([
      { before: 'Korea talks', after: 'Korea summit' },
      { after: 'Summit ends: summit over' },
      { before: 'Talks fail' },
    ]);
    expect(delta).toEqual(
      new Map([
        ['talks', -2],
        ['summit', 2],
        ['ends', 1],
        ['over', 1],
        ['fail', -1],
      ]),
    );
  });

  it('when a word goes and comes back in the same writes, then it is not listed', () => {
    expect(
      titleTermDelta([
        { before: 'A storm', after: 'A gale' },
        { before: 'A gale', after: 'A storm' },
      ]),
    ).toEqual(new Map());
  });
});

describe('applyTermDelta', () => {
  it('when counts change, then positive ones are written and those reaching zero are deleted', () => {
    const { upserts, deletes } = applyTermDelta(
      new Map([
        ['talks', 1],
        ['korea', 4],
      ]),
      new Map([
        ['talks', -1],
        ['korea', 1],
        ['summit', 2],
      ]),
    );
    expect(upserts).toEqual([
      { id: termDocumentId('korea'), term: 'korea', docs: 5 },
      { id: termDocumentId('summit'), term: 'summit', docs: 2 },
    ]);
    expect(deletes).toEqual([termDocumentId('talks')]);
  });

  it('when a word the vocabulary never held goes negative, then nothing is written for it', () => {
    expect(applyTermDelta(new Map(), new Map([['ghost', -1]]))).toEqual({ upserts: [], deletes: [] });
  });
});
