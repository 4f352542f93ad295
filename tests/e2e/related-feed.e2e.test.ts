import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserGate } from '../support/e2e-browser.js';
import { settled, urlParams } from '../support/e2e-page.js';
import type { E2eServer } from '../support/e2e-server.js';
import { E2E_ARTIFACTS as ARTIFACTS, useE2eSession } from '../support/e2e-session.js';
import { loadSeedArticles } from '../support/seed-articles.js';
const gate = browserGate();
const seed = loadSeedArticles();
const byTitle = (start: string) => {
  const found = seed.find((a) => a.title.startsWith(start));
  if (!found) throw new Error(`no seed article titled "${start}..."`);
  return found;
};

/** Waits until the article's related section has its answer. */
async function relatedShown(page: Page): Promise<void> {
  await page.locator('#related:not([aria-busy])').waitFor();
}

describe.skipIf(!gate.run)('related articles and topic feeds on the reader page (Chromium)', () => {
  const session = useE2eSession();
  let page: Page;
  let server: E2eServer;
  beforeEach(() => {
    ({ page, server } = session);
  });

  it('when an article is opened from the results, then its related articles show and one can be followed', async () => {
    const first = byTitle('Private lunar lander Selenova-1');
    const sequel = byTitle('Private lander Selenova-2');
    await page.goto(`${server.baseUrl}/?q=${encodeURIComponent('selenova lander')}`);
    await settled(page);
    await page.locator('.hit__link', { hasText: first.title }).click();
    await settled(page);
    await relatedShown(page);
    expect(await page.locator('#article-view h1').textContent()).toBe(first.title);
    const related = page.locator('#related');
    expect(await related.getByRole('heading', { name: 'Related articles' }).isVisible()).toBe(true);
    const links = related.locator('a.related__link');
    expect(await links.count()).toBe(5);
    expect(await links.allTextContents()).not.toContain(first.title);
    expect(await links.first().textContent()).toBe(sequel.title);
    await page.screenshot({ path: `${ARTIFACTS}article-related-desktop.png`, fullPage: true });

    await links.first().click();
    await settled(page);
    await relatedShown(page);
    expect(urlParams(page).get('article')).toBe(sequel.id);
    expect(urlParams(page).get('q')).toBe('selenova lander');
    expect(await page.locator('#article-view h1').textContent()).toBe(sequel.title);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('article-title');
    // The sequel's own related articles lead back to the first story.
    expect(await page.locator('#related a.related__link').allTextContents()).toContain(first.title);

    await page.goBack();
    await settled(page);
    await relatedShown(page);
    expect(await page.locator('#article-view h1').textContent()).toBe(first.title);
  });

  it('when a search is shown, then the head and "Follow this search" point at its Atom feed, kept in sync', async () => {
    await page.goto(`${server.baseUrl}/?q=korea&tag=north-korea&sort=oldest&page=2`);
    await settled(page);
    const feedHref = () => page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    const follow = page.getByRole('link', { name: 'Follow this search' });
    const expected = `${server.baseUrl}/api/feed?q=korea&tag=north-korea`;
    expect(await feedHref()).toBe(expected);
    expect(await follow.getAttribute('href')).toBe(expected);
    expect(await follow.getAttribute('type')).toBe('application/atom+xml');

    await page.locator('#search-input').fill('missile');
    await page.locator('#search-input').press('Enter');
    await settled(page);
    expect(await feedHref()).toBe(`${server.baseUrl}/api/feed?q=missile&tag=north-korea`);
    expect(await follow.getAttribute('href')).toBe(`${server.baseUrl}/api/feed?q=missile&tag=north-korea`);

    const feed = await page.request.get((await feedHref())!);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  });
});
