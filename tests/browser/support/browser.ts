// Headless Debian Chromium driven by playwright-core (Playwright cannot download browsers on
// these machines; .ci/run installs the `chromium` package). Each test file gets a fresh
// profile directory, so nothing leaks between runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_CHROMIUM_PATH } from '../../support/browser-availability.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../../test-artifacts');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors the page produced; a test expects none. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Debian's Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH to use another). ` +
        'Install it with: apt-get update && apt-get install -y chromium (.ci/run does this).',
    );
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1400, height: 900 },
    timezoneId: 'UTC',
    locale: 'en-US',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // A refused connection while the sandbox restarts is expected and logged by Chromium itself.
    if (message.type() === 'error' && !/ERR_CONNECTION_REFUSED|net::ERR_|Failed to load resource/.test(message.text())) {
      pageErrors.push(message.text());
    }
  });
  return {
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves test-artifacts/<name>.png (gitignored) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
