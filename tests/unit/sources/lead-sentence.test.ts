import { describe, expect, it } from 'vitest';
import { leadSentence } from '../../../src/ingest/sources/lead-sentence.js';

describe('leadSentence', () => {
  it.each([
    [
      'when initials and a month abbreviation come early, then they do not end the sentence',
      'WASHINGTON, Jan. 7 (AP) -- The U.S. envoy arrived. He met officials.',
      'WASHINGTON, Jan. 7 (AP) -- The U.S. envoy arrived.',
    ],
    [
      'when a title abbreviation precedes a name, then the sentence runs on',
      'Dr. Lee and Gov. Park spoke on Monday. Others left.',
      'Dr. Lee and Gov. Park spoke on Monday.',
    ],
    [
      'when the sentence ends inside a quotation, then the closing quote is kept',
      'He said, "We will return." Then he left.',
      'He said, "We will return."',
    ],
    ['when the sentence ends with a question mark, then that ends it', 'Is it over? Not yet.', 'Is it over?'],
    [
      'when a decimal number appears, then it does not end the sentence',
      'Growth hit 2.5 pct in May. Next.',
      'Growth hit 2.5 pct in May.',
    ],
    [
      'when no sentence end is found, then the whole paragraph is the lead',
      'A paragraph without an end',
      'A paragraph without an end',
    ],
  ])('%s', (_name, paragraph, expected) => {
    expect(leadSentence(paragraph)).toBe(expected);
  });

  it('when the paragraph is enormous without a full stop, then the lead is cut to the summary limit', () => {
    const lead = leadSentence('word '.repeat(5_000));
    expect(lead.length).toBeLessThanOrEqual(10_000);
    expect(lead.endsWith('\u2026')).toBe(true);
  });
});
