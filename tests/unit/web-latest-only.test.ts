import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../src/web/latest-only.js';

/** A promise settled from outside, to decide which answer arrives first. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('web latestOnly (stale responses dropped)', () => {
  it('when an older answer arrives after a newer one, then only the newer counts', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<string>>>();
    const signals: AbortSignal[] = [];
    const runner = latestOnly((signal, q: string) => {
      signals.push(signal);
      const d = deferred<string>();
      answers.set(q, d);
      return d.promise;
    });
    const first = runner.run('no');
    const second = runner.run('north');
    answers.get('north')?.resolve('north results');
    answers.get('no')?.resolve('no results');
    expect(await second).toEqual({ status: 'done', value: 'north results' });
    expect(await first).toEqual({ status: 'stale' });
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
  });

  it('when the task fails, then the error is reported; a failure caused by aborting is stale', async () => {
    const error = new Error('boom');
    const runner = latestOnly(async (signal, fail: boolean) => {
      if (fail) throw error;
      await new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    });
    const aborted = runner.run(false);
    const failed = runner.run(true);
    expect(await failed).toEqual({ status: 'failed', error });
    expect(await aborted).toEqual({ status: 'stale' });
  });

  it('when cancelled, then the pending run is aborted and reported stale', async () => {
    const d = deferred<number>();
    let seen: AbortSignal | undefined;
    const runner = latestOnly((signal) => {
      seen = signal;
      return d.promise;
    });
    const pending = runner.run();
    runner.cancel();
    d.resolve(1);
    expect(await pending).toEqual({ status: 'stale' });
    expect(seen?.aborted).toBe(true);
  });

  it('when a task ignores its signal, then the sequence number still drops its answer', async () => {
    const slow = deferred<string>();
    const runner = latestOnly((_signal, q: string) => (q === 'slow' ? slow.promise : Promise.resolve(q)));
    const old = runner.run('slow');
    expect(await runner.run('fast')).toEqual({ status: 'done', value: 'fast' });
    slow.resolve('slow');
    expect(await old).toEqual({ status: 'stale' });
  });
});
