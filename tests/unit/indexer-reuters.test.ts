import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleInputSchema } from '../../src/articles/article.schema.js';
import { isInsideRepoOutsideData } from '../../indexer/convert-reuters.js';
import { parseTopicSections, sectionForTopics } from '../../indexer/reuters/reuters-sections.js';
import { decode, parseAuthors, parseReutersDate, toReutersArticle } from '../../indexer/reuters/reuters-story.js';
import { sharedPath } from '../support/shared-data.js';

// Our own sample in the collection's shape (not Reuters text).
const DESCRIPTIONS = `****Subject Codes (6)

Shipping (SHIP)

**Energy Codes (1)

Crude Oil (CRUDE)

**Commodity Codes (2)

COCOA
WHEAT  

________________________________________________________________
@heading[Organization Codes (1)]
Some Organisation (SOMEORG)@*
`;
const SECTIONS = parseTopicSections(DESCRIPTIONS);

const story = (text: string, head = '<TOPICS><D>wheat</D><D>crude</D></TOPICS><PLACES><D>atlantis</D></PLACES>') =>
  `<REUTERS TOPICS="YES" NEWID="42">
<DATE> 2-MAR-1987 09:05:07.12&#5;&#5;&#5;RM</DATE>
${head}
<PEOPLE><D>jane-roe</D></PEOPLE>
<ORGS></ORGS>
<EXCHANGES><D>nowhere-se</D></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN>&#5;&#5;&#5;C T
&#22;&#22;&#1;f0001&#31;reute</UNKNOWN>
${text}
</REUTERS>`;

describe('Reuters story -> article', () => {
  it('when the story is normal, then title, dateline + body paragraphs, tags, section and date are mapped', () => {
    const result = toReutersArticle(
      story(`<TEXT>&#2;
<TITLE>FARM GROUP SEES &lt;BIGGER&gt; HARVEST</TITLE>
<AUTHOR>    by Jane Roe and John Doe, Reuters</AUTHOR>
<DATELINE>    SPRINGFIELD, March 2 - </DATELINE><BODY>A farm group said wheat output
will rise 3 pct if rain < normal stays away.
    The group said prices would fall.
 Reuter
&#3;</BODY></TEXT>`),
      SECTIONS,
    );
    expect(result).toEqual({
      article: {
        id: 'reuters-42',
        title: 'FARM GROUP SEES <BIGGER> HARVEST',
        body: 'SPRINGFIELD, March 2 - A farm group said wheat output will rise 3 pct if rain < normal stays away.\n\nThe group said prices would fall.',
        section: 'Commodities',
        tags: ['wheat', 'crude', 'atlantis', 'jane-roe', 'nowhere-se'],
        authors: ['Jane Roe', 'John Doe'],
        publishedAt: '1987-03-02T09:05:07.120Z',
        source: 'Reuters',
      },
    });
    if ('article' in result) expect(ArticleInputSchema.safeParse(result.article).success).toBe(true);
  });

  it('when the story is BRIEF, then the headline is also the body', () => {
    const result = toReutersArticle(
      story(
        '<TEXT TYPE="BRIEF">&#2;\n******<TITLE>RATES STEADY IN LATEST WEEK\n</TITLE>Blah blah blah.\n&#3;\n</TEXT>',
      ),
      SECTIONS,
    );
    expect(result).toMatchObject({
      article: { title: 'RATES STEADY IN LATEST WEEK', body: 'RATES STEADY IN LATEST WEEK' },
    });
  });

  it('when the story is UNPROC, then the first line is the title and the table keeps its lines', () => {
    const result = toReutersArticle(
      story(
        '<TEXT TYPE="UNPROC">&#2;\nWEEKLY TABLE 1 - MAR 2\n Item one.....5 vs....4\n Item two.....7 vs....9\n\n Reuter\n&#3;\n</TEXT>',
        '',
      ),
      SECTIONS,
    );
    expect(result).toMatchObject({
      article: {
        title: 'WEEKLY TABLE 1 - MAR 2',
        body: ' Item one.....5 vs....4\n Item two.....7 vs....9',
        section: 'General',
      },
    });
  });

  it('when the story has neither title nor body, then it is skipped with the reason', () => {
    expect(toReutersArticle(story('<TEXT>&#2;\n</TEXT>'), SECTIONS)).toEqual({ skipped: 'no title and no body' });
  });

  it('when the date is malformed, then the story is skipped', () => {
    expect(parseReutersDate('31-MAR-1987 605:12:19.12')).toBeUndefined();
    expect(parseReutersDate('26-FEB-1987 15:01:01.79')).toBe('1987-02-26T15:01:01.790Z');
  });

  it('when bylines vary in case and sign-off, then only the names remain', () => {
    expect(parseAuthors('    by Cal Mankowski, Reuters')).toEqual(['Cal Mankowski']);
    expect(parseAuthors('    BY SOME ONE, REUTERS')).toEqual(['SOME ONE']);
    expect(parseAuthors('    By Pat Doe, Reuter')).toEqual(['Pat Doe']);
    expect(parseAuthors('    By Pat Doe')).toEqual(['Pat Doe']);
  });

  it('when text holds wire control codes and entities, then codes are dropped and entities decoded', () => {
    expect(decode('&#2;A &lt;B&gt; &amp; C&#3;&#31;')).toBe('A <B> & C');
  });
});

describe('Reuters sections', () => {
  it('when category groups are parsed, then topics map to their group and ungrouped subjects to their name', () => {
    expect(Object.fromEntries(SECTIONS)).toEqual({
      ship: 'Shipping',
      crude: 'Energy',
      cocoa: 'Commodities',
      wheat: 'Commodities',
    });
  });

  it('when a story has no known topic, then its section is General', () => {
    expect(sectionForTopics([], SECTIONS)).toBe('General');
    expect(sectionForTopics(['unknown', 'crude'], SECTIONS)).toBe('Energy');
  });
});

describe('Reuters output path', () => {
  it('when the output is inside the repository but not under data/, then it is refused', () => {
    expect(isInsideRepoOutsideData('/repo/indexer/out.ndjson', '/repo')).toBe(true);
    expect(isInsideRepoOutsideData('/repo/out.ndjson', '/repo')).toBe(true);
    expect(isInsideRepoOutsideData('/repo/data/reuters.ndjson', '/repo')).toBe(false);
    expect(isInsideRepoOutsideData('/tmp/reuters.ndjson', '/repo')).toBe(false);
    expect(isInsideRepoOutsideData('/repo-other/x.ndjson', '/repo')).toBe(false);
  });
});

const REUTERS = sharedPath('data', 'reuters21578');
describe.skipIf(!existsSync(join(REUTERS, 'reut2-000.sgm')))('Reuters on the real collection', () => {
  if (!existsSync(join(REUTERS, 'reut2-000.sgm'))) console.warn(`skipped: ${REUTERS} is absent`);

  it('when the real category file is parsed, then all 135 topics get a section', () => {
    const sections = parseTopicSections(readFileSync(join(REUTERS, 'cat-descriptions_120396.txt'), 'latin1'));
    const topics = readFileSync(join(REUTERS, 'all-topics-strings.lc.txt'), 'latin1')
      .split('\n')
      .map((t) => t.trim())
      .filter(Boolean);
    expect(topics.filter((t) => !sections.has(t))).toEqual([]);
    expect(sections.get('earn')).toBe('Corporate');
    expect(sections.get('money-fx')).toBe('Money/Foreign Exchange');
  });

  it('when the first file is converted, then every story becomes a valid article', () => {
    const sections = parseTopicSections(readFileSync(join(REUTERS, 'cat-descriptions_120396.txt'), 'latin1'));
    const text = readFileSync(join(REUTERS, 'reut2-000.sgm'), 'latin1');
    const stories = text.split('</REUTERS>').filter((s) => s.includes('<REUTERS'));
    const results = stories.map((s) => toReutersArticle(s, sections));
    const articles = results.flatMap((r) => ('article' in r ? [r.article] : []));
    expect(stories).toHaveLength(1000);
    expect(articles.filter((a) => !ArticleInputSchema.safeParse(a).success)).toEqual([]);
    expect(articles[0]).toMatchObject({
      id: 'reuters-1',
      section: 'Commodities',
      publishedAt: '1987-02-26T15:01:01.790Z',
    });
    expect(articles.some((a) => a.authors?.length)).toBe(true);
  });
});
