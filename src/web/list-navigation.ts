/**
 * The next active option when the reader presses up (-1) or down (+1) in a list of
 * `count` options; -1 means "none" (focus stays on the text box). Wraps at both ends.
 * @example moveActive(-1, 5, 1) -> 0; moveActive(4, 5, 1) -> 0; moveActive(-1, 5, -1) -> 4
 */
export function moveActive(current: number, count: number, step: 1 | -1): number {
  if (count <= 0) return -1;
  if (current < 0 || current >= count) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
