import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

/**
 * Whether the browser tests can run. Without Chromium they skip with a note, except in CI
 * (CI=true), where a missing browser must fail rather than pass silently.
 */
export function browserGate(): { run: boolean; missing: boolean } {
  const missing = !existsSync(CHROMIUM_PATH);
  if (missing && process.env['CI'] !== 'true') {
    console.warn(
      `[e2e] ${CHROMIUM_PATH} not found: skipping the browser tests (apt-get install chromium). With CI=true they fail instead.`,
    );
  }
  return { run: !missing || process.env['CI'] === 'true', missing };
}

/** What a page reported that a clean page never reports. */
export interface PageProblems {
  cspViolations: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

/** A browser tab and what it reported. */
export interface E2ePage {
  page: Page;
  problems: PageProblems;
}

/**
 * Headless Chromium with a fresh profile. `newPage()` opens a tab of its own (own history,
 * own collected problems), so each test starts from nothing another test left behind.
 */
export async function launchBrowser(): Promise<{
  context: BrowserContext;
  newPage(): Promise<E2ePage>;
  close(): Promise<void>;
}> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`${CHROMIUM_PATH} is missing (CI=true): install Debian's chromium package`);
  const profile = mkdtempSync(join(tmpdir(), 'article-search-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const byPage = new WeakMap<Page, PageProblems>();
  await context.exposeBinding('__reportCsp', ({ page }, text: string) => byPage.get(page)?.cspViolations.push(text));
  // The event fires for every blocked script, style or attribute, even ones the console does not name.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(text: string): void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  // The persistent context opens with a blank tab; it stays open so the browser does too.
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      const problems: PageProblems = { cspViolations: [], pageErrors: [], consoleErrors: [] };
      byPage.set(page, problems);
      page.on('pageerror', (error) => problems.pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (/Content Security Policy/i.test(message.text())) problems.cspViolations.push(message.text());
        else problems.consoleErrors.push(message.text());
      });
      return { page, problems };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
