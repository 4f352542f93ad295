import { describe, expect, it } from 'vitest';
import { matchFacetValue } from '../../src/search/highlight/facet-value-match.js';

describe('matchFacetValue (the facet-value search rule of both engines)', () => {
  it('when the value starts with what was typed, then the typed part is marked as one span', () => {
    expect(matchFacetValue('north ko', 'North Korea')).toBe('<mark>North Ko</mark>rea');
    expect(matchFacetValue('  NORTH   ko', 'North Korea')).toBe('<mark>North Ko</mark>rea');
  });

  it('when a later word of the value starts with what was typed, then it does not match', () => {
    expect(matchFacetValue('ko', 'North Korea')).toBeUndefined();
  });

  it('when the typed text carries a typo within its budget, then the value still matches', () => {
    expect(matchFacetValue('nrth korea', 'North Korea')).toBe('<mark>North Korea</mark>');
    expect(matchFacetValue('nrth', 'North Korea')).toBeUndefined();
  });

  it('when nothing was typed, then every value matches, escaped and unmarked', () => {
    expect(matchFacetValue(' ', 'R&D <lab>')).toBe('R&amp;D &lt;lab&gt;');
  });

  it('when the value holds accents or HTML, then it is matched folded and escaped', () => {
    expect(matchFacetValue('zur', 'Zürich')).toBe('<mark>Zür</mark>ich');
    expect(matchFacetValue('r&d <', 'R&D <lab>')).toBe('<mark>R&amp;D &lt;</mark>lab&gt;');
  });
});
