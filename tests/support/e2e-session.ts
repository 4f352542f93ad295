import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchBrowser, type PageProblems } from './e2e-browser.js';
import { startE2eServer, type E2eServer } from './e2e-server.js';

/** Where browser tests leave their screenshots. */
export const E2E_ARTIFACTS = new URL('../e2e/artifacts/', import.meta.url).pathname;

/** What a browser test works with; read inside a test (it changes for each one). */
export interface E2eSession {
  server: E2eServer;
  page: Page;
  /** Console errors the current test causes on purpose (a 503 it asked for). */
  expectConsoleErrors(pattern: RegExp): void;
}

/**
 * For the enclosing describe: one app and one browser for the file, and a tab of its own for
 * every test, so a test starts from its own URL, never from another test's page state or
 * history, and can run alone or in any order. After each test, its tab must have reported no
 * CSP violation, script error or unexpected console error.
 */
export function useE2eSession(): E2eSession {
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let problems: PageProblems;
  let expected: RegExp | undefined;
  // Filled by the hooks below, before any test reads it.
  const session = {
    expectConsoleErrors(pattern: RegExp) {
      expected = pattern;
    },
  } as Partial<E2eSession> as E2eSession;

  beforeAll(async () => {
    mkdirSync(E2E_ARTIFACTS, { recursive: true });
    session.server = await startE2eServer();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await session.server?.close();
  });

  beforeEach(async () => {
    ({ page: session.page, problems } = await browser!.newPage());
    expected = undefined;
  });

  afterEach(async () => {
    await session.page.close();
    expect({
      cspViolations: problems.cspViolations,
      pageErrors: problems.pageErrors,
      consoleErrors: problems.consoleErrors.filter((m) => !expected?.test(m)),
    }).toEqual({ cspViolations: [], pageErrors: [], consoleErrors: [] });
  });

  return session;
}
