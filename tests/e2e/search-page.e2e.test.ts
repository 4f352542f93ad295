import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserGate } from '../support/e2e-browser.js';
import { headingCount, hitTitles, settled, typeAndWaitForSuggestions, urlParams } from '../support/e2e-page.js';
import { E2E_ARTIFACTS as ARTIFACTS, useE2eSession } from '../support/e2e-session.js';
import { loadSeedArticles } from '../support/seed-articles.js';

const SEED_ARTICLES = loadSeedArticles().length;
const gate = browserGate();

describe.skipIf(!gate.run)('reader search page (Chromium)', () => {
  const session = useE2eSession();
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  const open = async (query = '') => {
    const response = await page.goto(`${session.server.baseUrl}/${query}`);
    await settled(page);
    return response;
  };

  it('when the page opens, then the newest articles and facets show under a strict CSP', async () => {
    const response = await open();
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response?.headers()['cache-control']).toBe('no-cache');
    const assets = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="stylesheet"]')].map(
        (el) => ('src' in el ? el.src : el.href),
      ),
    );
    expect(assets).toHaveLength(2);
    for (const asset of assets)
      expect((await page.request.get(asset)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(await headingCount(page)).toBe(SEED_ARTICLES);
    expect(await page.locator('.hit').count()).toBe(10);
    expect(await page.locator('#sort').inputValue()).toBe('newest');
    expect(await page.locator('.histogram button.bar').count()).toBeGreaterThan(10);
    expect(await page.locator('[data-facet="sections"] input[type="checkbox"]').count()).toBeGreaterThan(3);
  });

  it('when a prefix is typed, then debounced suggestions of every type appear with the typed part marked', async () => {
    await open();
    const suggestRequests: string[] = [];
    const onRequest = (r: { url(): string }) => r.url().includes('/api/suggest') && suggestRequests.push(r.url());
    page.on('request', onRequest);
    await typeAndWaitForSuggestions(page, 'north ko');
    page.off('request', onRequest);
    const input = page.locator('#search-input');
    expect(await input.getAttribute('role')).toBe('combobox');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await input.getAttribute('aria-controls')).toBe('suggestions');
    const types = await page
      .locator('#suggestions [role="option"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-type')));
    expect(new Set(types)).toEqual(new Set(['query', 'section', 'tag', 'article']));
    expect(await page.locator('#suggestions [role="option"]').first().locator('mark').first().textContent()).toBe(
      'north ko',
    );
    // Eight keystrokes 25 ms apart fit in one debounce window.
    expect(suggestRequests.length).toBeLessThanOrEqual(2);
    await page.screenshot({ path: `${ARTIFACTS}search-suggestions-desktop.png` });
  });

  it('when the arrow keys move through the suggestions, then the active option follows and Escape closes the list', async () => {
    await open();
    await typeAndWaitForSuggestions(page, 'north ko');
    const input = page.locator('#search-input');
    const options = page.locator('#suggestions [role="option"]');
    const ids = await options.evaluateAll((els) => els.map((el) => el.id));
    await input.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(ids[0]);
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
    await input.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(ids[1]);
    await input.press('ArrowUp');
    await input.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(ids.at(-1));
    await input.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    expect(await page.locator('#suggestions').isHidden()).toBe(true);
    expect(await input.inputValue()).toBe('north ko');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
  });

  it('when a query suggestion is picked with Enter, then it is searched and the URL holds q', async () => {
    await open();
    await typeAndWaitForSuggestions(page, 'north ko');
    const input = page.locator('#search-input');
    await input.press('ArrowDown'); // first option: the "north korea" completion
    const picked = await page.locator('#suggestions [aria-selected="true"]').textContent();
    expect(picked).toContain('north korea');
    await input.press('Enter');
    await settled(page);
    expect(urlParams(page).get('q')).toBe('north korea');
    expect(await input.inputValue()).toBe('north korea');
    expect(await page.locator('#results-heading').textContent()).toMatch(/results? for “north korea”/);
    expect(await page.locator('.hit__title mark').count()).toBeGreaterThan(0);
  });

  it('when a tag suggestion is clicked, then it becomes a tag filter in place of the typed text', async () => {
    await open();
    await typeAndWaitForSuggestions(page, 'north ko');
    const tag = page.locator('#suggestions [data-type="tag"]').first();
    const count = Number((await tag.locator('.suggestion__meta').textContent())?.match(/(\d+)\s*$/)?.[1]);
    await tag.click();
    await settled(page);
    expect(urlParams(page).getAll('tag')).toEqual(['north-korea']);
    expect(urlParams(page).has('q')).toBe(false);
    expect(await headingCount(page)).toBe(count);
    expect(await page.locator('[data-facet="tags"] .chip[data-value="north-korea"]').getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await page.locator('.active-filters').first().textContent()).toContain('Tag: north-korea');
  });

  it('when an article suggestion is chosen, then the article opens and Back (browser or link) returns to the search', async () => {
    await open('?q=missile');
    const before = page.url();
    await typeAndWaitForSuggestions(page, 'hypersonic');
    const article = page.locator('#suggestions [data-type="article"]').first();
    const title = (await article.locator('.suggestion__text').textContent()) ?? '';
    await article.click();
    await settled(page);
    expect(urlParams(page).get('article')).toMatch(/^[\w-]+$/);
    expect(await page.locator('#article-view h1').textContent()).toBe(title);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('article-title');
    expect(await page.locator('#article-view .article__body p').count()).toBeGreaterThan(1);
    await page.screenshot({ path: `${ARTIFACTS}search-article-desktop.png` });
    await page.goBack();
    await settled(page);
    expect(page.url()).toBe(before);
    expect(await page.locator('#search-view').isVisible()).toBe(true);
    // "Back to results" steps back in history too, so Forward reopens the article.
    await page.goForward();
    await settled(page);
    await page.getByRole('link', { name: '← Back to results' }).click();
    await settled(page);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-heading');
  });

  it('when a section box is ticked, then the URL and results follow and the section counts stay', async () => {
    await open();
    const row = (name: string) => page.locator('[data-facet="sections"] label', { hasText: name });
    const count = async (name: string) =>
      Number(
        await row(name)
          .locator('.count')
          .evaluate((el) => el.firstChild?.textContent),
      );
    const technology = await count('Technology');
    const politics = await count('Politics');
    await row('Technology').locator('input').check();
    await settled(page);
    expect(urlParams(page).getAll('section')).toEqual(['Technology']);
    expect(await headingCount(page)).toBe(technology);
    expect(await row('Technology').locator('input').isChecked()).toBe(true);
    // Focus stays on the box after the facets re-render.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Technology');
    // Section counts ignore the section filter, so the reader can widen the choice.
    expect(await count('Politics')).toBe(politics);
    const kickers = await page.locator('.hit .kicker__section').allTextContents();
    expect(new Set(kickers.map((k) => k.toLowerCase()))).toEqual(new Set(['technology']));
  });

  it('when a date bar is clicked, then from/to are the bucket and the count matches the bar', async () => {
    await open('?section=Technology');
    const bar = page.locator('.histogram button.bar').last();
    const { from, to, label } = await bar.evaluate((el: HTMLElement) => ({
      from: el.dataset['from'],
      to: el.dataset['to'],
      label: el.getAttribute('aria-label') ?? '',
    }));
    const barCount = Number(/: (\d+) articles?$/.exec(label)?.[1]);
    await bar.click();
    await settled(page);
    expect(urlParams(page).get('from')).toBe(from);
    expect(urlParams(page).get('to')).toBe(to);
    expect(await headingCount(page)).toBe(barCount);
    expect(await page.locator('.histogram button.bar[aria-pressed="true"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Clear dates' }).click();
    await settled(page);
    expect(urlParams(page).has('from')).toBe(false);
    expect(urlParams(page).has('to')).toBe(false);
  });

  it('when the histogram has focus, then the arrow keys move between bars', async () => {
    await open();
    await page.locator('.histogram button.bar[tabindex="0"]').focus();
    const focusedKey = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['key']);
    const start = await focusedKey();
    await page.keyboard.press('ArrowLeft');
    expect(await focusedKey()).not.toBe(start);
    await page.keyboard.press('Home');
    expect(await focusedKey()).toBe(await page.locator('.histogram button.bar').first().getAttribute('data-key'));
  });

  it('when page 2 is chosen, then other hits show, the pager marks it and focus moves to the results', async () => {
    await open('?section=Technology');
    const pageOneTitles = await hitTitles(page);
    await page.locator('.pager a', { hasText: /^2$/ }).click();
    await settled(page);
    expect(urlParams(page).get('page')).toBe('2');
    expect(await page.locator('.pager [aria-current="page"]').textContent()).toBe('2');
    const pageTwoTitles = await hitTitles(page);
    expect(pageTwoTitles.length).toBeGreaterThan(0);
    expect(pageTwoTitles).not.toEqual(pageOneTitles);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-heading');
    await page.screenshot({ path: `${ARTIFACTS}search-desktop.png` });
  });

  it('when the page is reloaded, then the same search shows', async () => {
    await open('?section=Technology&page=2');
    const url = page.url();
    const titles = await hitTitles(page);
    expect(titles.length).toBeGreaterThan(0);
    await page.reload();
    await settled(page);
    expect(page.url()).toBe(url);
    expect(await hitTitles(page)).toEqual(titles);
    expect(await page.locator('[data-facet="sections"] input[value="Technology"]').isChecked()).toBe(true);
    expect(await page.locator('.pager [aria-current="page"]').textContent()).toBe('2');
  });

  it('when Back and Forward are used, then the earlier and later states return', async () => {
    await open('?section=Technology');
    const pageOneTitles = await hitTitles(page);
    await page.locator('.pager a', { hasText: /^2$/ }).click();
    await settled(page);
    const pageTwoTitles = await hitTitles(page);
    await page.goBack();
    await settled(page);
    expect(urlParams(page).has('page')).toBe(false);
    expect(await hitTitles(page)).toEqual(pageOneTitles);
    await page.goForward();
    await settled(page);
    expect(urlParams(page).get('page')).toBe('2');
    expect(await hitTitles(page)).toEqual(pageTwoTitles);
  });

  it('when the sort changes, then the order and the URL follow', async () => {
    await open('?section=Technology&page=2');
    await page.locator('#sort').selectOption('oldest');
    await settled(page);
    expect(urlParams(page).get('sort')).toBe('oldest');
    expect(urlParams(page).has('page')).toBe(false);
    const dates = await page
      .locator('.hit time')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
    expect(dates).toEqual([...dates].sort());
  });

  it('when only the keyboard is used, then Tab reaches the filters and Space ticks a box', async () => {
    await open();
    await page.locator('#search-input').focus();
    let reached = false;
    for (let i = 0; i < 8 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox');
    }
    expect(reached).toBe(true);
    const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await page.keyboard.press('Space');
    await settled(page);
    expect(urlParams(page).getAll('section')).toEqual([value]);
  });

  it('when nothing matches, then the empty state offers to remove the filters', async () => {
    await open('?q=missile&section=Sports');
    expect(await page.locator('.notice--empty .notice__title').textContent()).toBe('No articles match');
    await page.getByRole('button', { name: 'Remove filter Section: Sports' }).click();
    await settled(page);
    expect(urlParams(page).getAll('section')).toEqual([]);
    expect(await headingCount(page)).toBeGreaterThan(0);
  });

  it('when only some words are held, then the page says how many hold all; a typo offers "Did you mean"', async () => {
    await open('?q=museum%20said%20');
    expect(await page.locator('#results-note').textContent()).toMatch(
      /^(\d+ results? with all your words, then \d+ with some|No result has all your words; \d+ have some)$/,
    );
    await open('?q=cybr');
    const link = page.locator('#results-note .did-you-mean a');
    expect(await link.textContent()).toBe('cyber');
    await link.click();
    await settled(page);
    expect(urlParams(page).get('q')).toBe('cyber');
    expect(await headingCount(page)).toBeGreaterThan(0);
  });

  it('when the search fails, then the problem detail and a retry button show, and retry loads with a busy state', async () => {
    await open();
    // The one failed request the browser reports is the 503 this test asks for.
    session.expectConsoleErrors(/status of 503/);
    await page.route(
      '**/api/search?**',
      (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Search is unavailable',
            status: 503,
            detail: 'The search engine did not answer. Try again in a moment.',
            code: 'engine_unavailable',
            requestId: 'req-e2e-1',
          }),
        }),
      { times: 1 },
    );
    await page.locator('#search-input').fill('election');
    await page.locator('#search-input').press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The search engine did not answer. Try again in a moment.');
    expect(await alert.textContent()).toContain('req-e2e-1');
    await page.screenshot({ path: `${ARTIFACTS}search-error-desktop.png` });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      '**/api/search?**',
      async (route) => {
        await held;
        await route.continue();
      },
      { times: 1 },
    );
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.locator('#results[aria-busy="true"] .notice--loading').waitFor();
    release();
    await settled(page);
    expect(await headingCount(page)).toBeGreaterThan(0);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('when the page is phone-sized, then the filters fold into a panel that a button opens', async () => {
    await open('?q=korea&section=North%20Korea');
    await page.setViewportSize({ width: 390, height: 844 });
    const toggle = page.locator('#filters-toggle');
    expect(await toggle.isVisible()).toBe(true);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS}search-phone.png` });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#filters').isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}search-phone-filters.png` });
  });
});
