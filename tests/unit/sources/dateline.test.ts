import { describe, expect, it } from 'vitest';
import { splitDateline } from '../../../src/ingest/sources/dateline.js';

describe('splitDateline', () => {
  it.each([
    [
      'when a wire dateline has a place, a date and an agency, then all three go',
      'WASHINGTON, Jan. 7 (Yonhap) -- U.S. Secretary of State Mike Pompeo has approved a bureau.',
      'WASHINGTON',
      'U.S. Secretary of State Mike Pompeo has approved a bureau.',
    ],
    [
      'when the month is written out, then it is still a dateline',
      'SEOUL, March 15 (Example News) -- North Korea fired a missile.',
      'SEOUL',
      'North Korea fired a missile.',
    ],
    [
      'when there is no date but an agency and a single dash, then it is a dateline',
      'LONDON (Reuters) - Shares fell on Monday.',
      'LONDON',
      'Shares fell on Monday.',
    ],
    [
      'when the place has two words and a region, and the dash is an em dash, then it is a dateline',
      'SAN JOSE, Calif., Jan 7 (AP) \u2014 A chip maker said.',
      'SAN JOSE',
      'A chip maker said.',
    ],
    [
      'when the place is followed by a country in mixed case, then the whole dateline goes',
      'PYEONGCHANG, South Korea, Feb. 9 (Yonhap) -- The Games opened.',
      'PYEONGCHANG',
      'The Games opened.',
    ],
  ])('%s', (_name, paragraph, place, text) => {
    expect(splitDateline(paragraph)).toEqual({ place, text });
  });

  it.each([
    ['an ordinary sentence', 'The U.S. envoy arrived -- and left.'],
    ['capitals then a dash, without date or agency', 'US - China trade talks resume.'],
    ['capitals, a comma clause and a dash, without date or agency', 'NATO, allies agree -- new plan.'],
    ['a dateline with nothing after it', 'SEOUL, Jan. 7 (Yonhap) --'],
  ])('when the paragraph starts with %s, then it is left as it is', (_name, paragraph) => {
    expect(splitDateline(paragraph)).toEqual({ text: paragraph });
  });
});
