/**
 * The dateline that opens a wire story ("WASHINGTON, Jan. 7 (Yonhap) -- ..."): where and when
 * it was filed, and by whom. It belongs to the body, not to a one-sentence summary.
 */

// The place in capitals, then ", Region" or ", Jan. 7" parts, an optional "(Agency)" and a dash.
const DATELINE =
  /^(\p{Lu}[\p{Lu}\p{M}.'\u2019 -]*\p{Lu}\.?)((?:,\s*[^,()\n]{1,40}?)*?)\s*(\([^()\n]{1,60}\))?\s*(?:--|[\u2014\u2013-])\s+(?=\S)/u;
const MONTH_DAY = /,\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}$/i;

/** A paragraph without its dateline, and the place the dateline named (when there was one). */
export interface DatelineSplit {
  place?: string;
  text: string;
}

/**
 * Splits a wire dateline off the start of a paragraph. Capitals followed by a dash count as a
 * dateline only with an agency in parentheses or a month and day, so that "US - China talks"
 * stays whole.
 * @example splitDateline("WASHINGTON, Jan. 7 (Yonhap) -- U.S. envoy arrives.") -> { place: "WASHINGTON", text: "U.S. envoy arrives." }
 */
export function splitDateline(paragraph: string): DatelineSplit {
  const match = DATELINE.exec(paragraph);
  if (!match) return { text: paragraph };
  const [whole, place = '', parts = '', agency] = match;
  if (agency === undefined && !MONTH_DAY.test(parts)) return { text: paragraph };
  return { place, text: paragraph.slice(whole.length) };
}
