/** A debounced function, with a way to drop the pending call. */
export interface Debounced<A extends unknown[]> {
  call(...args: A): void;
  cancel(): void;
}

/**
 * Calls `fn` once input has been quiet for `waitMs`, with the latest arguments.
 * @example const d = debounce(fetchSuggestions, 120); d.call("n"); d.call("no") // one call, with "no"
 */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, waitMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    call(...args: A) {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        fn(...args);
      }, waitMs);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
