/** One slot of the pager: a page number or a gap ("…"). */
export type PagerSlot = number | 'gap';

/**
 * The page numbers to show: the first, the last, and `radius` pages either side of the
 * current one; a gap that would hide a single page shows that page instead.
 * @example pageWindow(7, 20) -> [1, "gap", 6, 7, 8, "gap", 20]
 * @example pageWindow(3, 20) -> [1, 2, 3, 4, "gap", 20]
 */
export function pageWindow(current: number, total: number, radius = 1): PagerSlot[] {
  if (total < 1) return [];
  const page = Math.min(Math.max(current, 1), total);
  const shown = new Set<number>([1, total]);
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= total) shown.add(p);
  const pages = [...shown].sort((a, b) => a - b);
  const slots: PagerSlot[] = [];
  for (const p of pages) {
    const prev = slots.at(-1);
    if (typeof prev === 'number' && p - prev === 2) slots.push(p - 1);
    else if (typeof prev === 'number' && p - prev > 2) slots.push('gap');
    slots.push(p);
  }
  return slots;
}
