import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SUGGEST_DEBOUNCE_MS } from '../../src/web/autocomplete.js';
import { debounce } from '../../src/web/debounce.js';

describe('web debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('when calls come faster than the wait, then only the last one runs, once', () => {
    const fn = vi.fn<(q: string) => void>();
    const d = debounce(fn, 120);
    d.call('n');
    vi.advanceTimersByTime(100);
    d.call('no');
    vi.advanceTimersByTime(100);
    d.call('nor');
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(120);
    expect(fn).toHaveBeenCalledExactlyOnceWith('nor');
  });

  it('when calls are further apart than the wait, then each runs', () => {
    const fn = vi.fn<(q: string) => void>();
    const d = debounce(fn, 120);
    d.call('a');
    vi.advanceTimersByTime(120);
    d.call('b');
    vi.advanceTimersByTime(120);
    expect(fn.mock.calls).toEqual([['a'], ['b']]);
  });

  it('when cancelled, then the pending call never runs', () => {
    const fn = vi.fn();
    const d = debounce(fn, 120);
    d.call();
    d.cancel();
    vi.advanceTimersByTime(1_000);
    expect(fn).not.toHaveBeenCalled();
  });

  it('when the page asks for suggestions, then it waits about 120 ms', () => {
    expect(SUGGEST_DEBOUNCE_MS).toBeGreaterThanOrEqual(100);
    expect(SUGGEST_DEBOUNCE_MS).toBeLessThanOrEqual(150);
  });
});
