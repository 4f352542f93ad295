import { describe, expect, it } from 'vitest';
import { DocListCache } from '../../src/search/engines/sqlite/doc-list-cache.js';

const list = (...ids: number[]) => Int32Array.from(ids);

describe('DocListCache', () => {
  it('when a key is asked twice, then the second answer comes from memory', () => {
    const cache = new DocListCache(100);
    let fetches = 0;
    const fetch = () => (fetches++, list(1, 2, 3));
    expect(cache.get('"port"', fetch)).toEqual(list(1, 2, 3));
    expect(cache.get('"port"', fetch)).toEqual(list(1, 2, 3));
    expect(fetches).toBe(1);
  });

  it('when the id budget is exceeded, then the least recently used lists are forgotten first', () => {
    const cache = new DocListCache(5);
    cache.get('a', () => list(1, 2));
    cache.get('b', () => list(3, 4));
    cache.get('a', () => list(9)); // a is now the most recent
    cache.get('c', () => list(5, 6)); // 6 ids > 5: b goes
    let refetched = '';
    cache.get('a', () => ((refetched += 'a'), list(1, 2)));
    cache.get('c', () => ((refetched += 'c'), list(5, 6)));
    cache.get('b', () => ((refetched += 'b'), list(3, 4)));
    expect(refetched).toBe('b');
  });

  it('when a list alone is larger than the budget, then it is returned but not kept', () => {
    const cache = new DocListCache(2);
    expect(cache.get('big', () => list(1, 2, 3))).toEqual(list(1, 2, 3));
    expect(cache.size).toBe(0);
  });

  it('when cleared, then every list is fetched again', () => {
    const cache = new DocListCache(100);
    cache.get('a', () => list(1));
    cache.clear();
    expect(cache.get('a', () => list(1, 2))).toEqual(list(1, 2));
  });
});
