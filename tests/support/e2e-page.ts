import type { Page } from 'playwright-core';

/** Waits until the page shows the outcome of its latest search (or article). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const results = document.getElementById('results');
    const article = document.getElementById('article-view');
    if (article && !article.hidden) return article.querySelector('.notice--loading') === null;
    return (
      results !== null &&
      !results.hasAttribute('aria-busy') &&
      document.getElementById('results-heading')?.textContent !== 'Search'
    );
  });
}

/** The page URL's query parameters. */
export function urlParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** The number at the start of the results heading ("26 articles" -> 26). */
export async function headingCount(page: Page): Promise<number> {
  const text = (await page.locator('#results-heading').textContent()) ?? '';
  const match = /^([\d,]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no count in the heading: ${text}`);
  return Number(match[1].replace(/,/g, ''));
}

/** The titles of the hits shown, in order. */
export function hitTitles(page: Page): Promise<string[]> {
  return page.locator('.hit__title').allTextContents();
}

/** Types into the search box like a person, then waits for the suggestion list. */
export async function typeAndWaitForSuggestions(page: Page, text: string): Promise<void> {
  const input = page.locator('#search-input');
  await input.fill('');
  await input.pressSequentially(text, { delay: 25 });
  await page.locator('#suggestions [role="option"]').first().waitFor({ state: 'visible' });
}
