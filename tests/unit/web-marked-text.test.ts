import { describe, expect, it } from 'vitest';
import { decodeEntities, toMarkedSegments } from '../../src/web/marked-text.js';

describe('web highlight HTML -> text segments', () => {
  it('when the highlight marks a prefix, then the marked and plain runs are split', () => {
    expect(toMarkedSegments('<mark>secur</mark>ity')).toEqual([
      { text: 'secur', marked: true },
      { text: 'ity', marked: false },
    ]);
  });

  it('when the text holds escaped characters, then they are decoded as text', () => {
    expect(toMarkedSegments('AT&amp;T &lt;b&gt; <mark>&quot;x&quot;</mark> it&#39;s &#x27;y&#x27; …')).toEqual([
      { text: 'AT&T <b> ', marked: false },
      { text: '"x"', marked: true },
      { text: " it's 'y' …", marked: false },
    ]);
  });

  it('when adjacent runs have the same state, then they are merged and empty ones dropped', () => {
    expect(toMarkedSegments('<mark>North</mark><mark> Ko</mark>rea<mark></mark>')).toEqual([
      { text: 'North Ko', marked: true },
      { text: 'rea', marked: false },
    ]);
  });

  it('when an unexpected tag appears, then it is dropped and never becomes markup', () => {
    expect(toMarkedSegments('a<img src=x onerror=alert(1)>b<script>c</script>')).toEqual([
      { text: 'abc', marked: false },
    ]);
  });

  it('when an entity is unknown or out of range, then it stays as written', () => {
    expect(decodeEntities('&nbsp; &#0; &#x110000; &copy')).toBe('&nbsp; &#0; &#x110000; &copy');
  });
});
