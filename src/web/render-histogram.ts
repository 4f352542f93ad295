import type { DateInterval } from '../api/types.js';
import { fillDateGaps, type DateBucket } from './date-gaps.js';
import { h } from './dom.js';
import { formatBucket, formatRange, plural } from './format.js';
import type { SearchState } from './search-state.js';
import { bucketInRange } from './state-changes.js';

const UNIT: Record<DateInterval, string> = { year: 'year', month: 'month', day: 'day' };

/**
 * The date histogram: one toggle button per bucket (clicking sets from/to to the bucket;
 * clicking the chosen one clears it) and a "clear dates" control. One bar is in the tab
 * order; arrow keys move between bars, as in a toolbar.
 */
export function renderHistogram(
  buckets: readonly DateBucket[] | undefined,
  interval: DateInterval | undefined,
  state: SearchState,
): HTMLElement | undefined {
  const hasRange = Boolean(state.from || state.to);
  if ((!buckets || buckets.length === 0) && !hasRange) return undefined;
  const list = fillDateGaps(buckets ?? [], interval);
  const max = Math.max(1, ...list.map((b) => b.count));
  const nonEmpty = list.filter((b) => b.count > 0);
  const tabStop = nonEmpty.findLast((b) => bucketInRange(b, state.from, state.to)) ?? nonEmpty.at(-1);
  const bars = list.map((bucket) =>
    bucket.count > 0 ? renderBar(bucket, bucket === tabStop, max, state) : renderEmptyBar(),
  );
  const histogram = h(
    'div',
    {
      class: 'histogram',
      role: 'group',
      'aria-label': `Articles per ${UNIT[interval ?? 'month']}; choose a bar to show only that ${UNIT[interval ?? 'month']}`,
    },
    ...bars,
  );
  histogram.addEventListener('keydown', moveFocusBetweenBars);
  const first = list[0];
  const last = list.at(-1);
  return h(
    'fieldset',
    { class: 'facet facet--dates', 'data-facet': 'date' },
    h('legend', { class: 'facet__title' }, 'Published'),
    h(
      'div',
      { class: 'histogram__status' },
      h('span', { class: 'histogram__range' }, hasRange ? formatRange(state.from, state.to) : 'Any time'),
      hasRange &&
        h(
          'button',
          { type: 'button', class: 'link-button', 'data-action': 'clear-dates', 'data-key': 'clear-dates' },
          'Clear dates',
        ),
    ),
    list.length > 0 && histogram,
    first &&
      last &&
      h(
        'div',
        { class: 'histogram__axis', 'aria-hidden': 'true' },
        h('span', {}, formatBucket(first.value)),
        h('span', {}, formatBucket(last.value)),
      ),
  );
}

/** An empty bucket: keeps time evenly spaced; nothing to choose, so not a control. */
function renderEmptyBar(): HTMLElement {
  return h('span', { class: 'bar bar--empty', 'aria-hidden': 'true' }, h('span', { class: 'bar__fill' }));
}

function renderBar(bucket: DateBucket, tabStop: boolean, max: number, state: SearchState): HTMLButtonElement {
  const chosen = bucketInRange(bucket, state.from, state.to);
  const exact = state.from === bucket.from && state.to === bucket.to;
  const fill = h('span', { class: 'bar__fill' });
  // A custom property set through the CSSOM: allowed under a CSP without 'unsafe-inline'.
  fill.style.setProperty('--level', (bucket.count / max).toFixed(3));
  return h(
    'button',
    {
      type: 'button',
      class: chosen ? 'bar is-chosen' : 'bar',
      'aria-pressed': String(exact),
      'aria-label': `${formatBucket(bucket.value, true)}: ${plural(bucket.count, 'article')}`,
      title: `${formatBucket(bucket.value)} · ${plural(bucket.count, 'article')}`,
      tabindex: tabStop ? 0 : -1,
      'data-action': exact ? 'clear-dates' : 'dates',
      'data-from': bucket.from,
      'data-to': bucket.to,
      'data-key': `date:${bucket.value}`,
    },
    fill,
  );
}

const STEPS: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => Math.min(i + 1, n - 1),
  ArrowDown: (i, n) => Math.min(i + 1, n - 1),
  ArrowLeft: (i) => Math.max(i - 1, 0),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

function moveFocusBetweenBars(event: KeyboardEvent): void {
  const step = STEPS[event.key];
  const container = event.currentTarget;
  if (!step || !(container instanceof HTMLElement)) return;
  const bars = [...container.querySelectorAll<HTMLButtonElement>('button.bar')];
  const current = bars.findIndex((b) => b === document.activeElement);
  const next = bars[step(Math.max(current, 0), bars.length)];
  if (!next) return;
  event.preventDefault();
  for (const bar of bars) bar.tabIndex = bar === next ? 0 : -1;
  next.focus();
}
