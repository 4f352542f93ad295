/** How a run ended: its value, its error, or "stale" when a newer run replaced it. */
export type LatestOutcome<T> =
  { status: 'done'; value: T } | { status: 'failed'; error: unknown } | { status: 'stale' };

/** Runs of one task where only the newest counts. */
export interface LatestOnly<A extends unknown[], T> {
  run(...args: A): Promise<LatestOutcome<T>>;
  /** Aborts the pending run, whose outcome becomes "stale". */
  cancel(): void;
}

/**
 * Wraps an abortable task so that starting a run aborts the previous one and only the
 * newest run reports a value: a slow answer to "no" can never overwrite the answer to
 * "north". The sequence number covers tasks that ignore their signal.
 */
export function latestOnly<A extends unknown[], T>(
  task: (signal: AbortSignal, ...args: A) => Promise<T>,
): LatestOnly<A, T> {
  let seq = 0;
  let controller: AbortController | undefined;
  return {
    async run(...args: A) {
      controller?.abort();
      const mine = ++seq;
      const own = new AbortController();
      controller = own;
      try {
        const value = await task(own.signal, ...args);
        return mine === seq ? { status: 'done', value } : { status: 'stale' };
      } catch (error) {
        return mine === seq && !own.signal.aborted ? { status: 'failed', error } : { status: 'stale' };
      } finally {
        if (controller === own) controller = undefined;
      }
    },
    cancel() {
      seq++;
      controller?.abort();
      controller = undefined;
    },
  };
}
