// Charts as people see them on the sandbox page: the app uploads a PNG to the fake Slack and
// shows it in an image block naming the file; the page draws the picture itself (not the
// alt text a missing image falls back to), with the alt text that states the figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.js';
import { launchBrowser, screenshot, type Browser } from './support/browser.js';
import { openSandbox, pickPersonaCard } from './support/page-helpers.js';
import { startTestSandbox } from './support/sandbox.js';

let sandbox: RunningSandbox;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [sandbox, browser] = await Promise.all([startTestSandbox(), launchBrowser()]);
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

/** The images drawn in `area` that loaded a real picture: [alt text, natural width]. */
async function loadedImages(area: Locator): Promise<[string, number][]> {
  return area
    .locator('img')
    .evaluateAll((imgs) =>
      (imgs as HTMLImageElement[]).filter((i) => i.complete && i.naturalWidth > 0).map((i) => [i.alt, i.naturalWidth] as [string, number]),
    );
}

describe('charts on the sandbox page', () => {
  it('shows an equity lead’s App Home with the reporting coverage chart drawn', async () => {
    await openSandbox(page, sandbox.url);
    await pickPersonaCard(page, 'Jasmine Okafor');
    await page.locator('#app-list').getByRole('button', { name: 'REAP Tracker' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Home' }).getAttribute('aria-selected')).toBe('true');
    // Home is published at once, then again with the chart once it is uploaded.
    const home = page.locator('#home-panel');
    await expect.poll(async () => (await loadedImages(home)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const [[alt, width]] = (await loadedImages(home)) as [[string, number]];
    expect(alt).toMatch(/report/i);
    expect(alt).toMatch(/\d/);
    expect(width).toBeGreaterThan(400);
    await screenshot(page, 'sandbox-home-chart');
  });

  it('shows a manager’s weekly digest with the status chart the outbox drew when sending', async () => {
    await page.locator('#persona-select').selectOption('U0MGR01'); // Kevin O'Connell, a manager
    await page.locator('#job-select').selectOption('weekly-digest');
    await page.getByRole('button', { name: 'Run now' }).click();
    await expect.poll(() => page.locator('.jobs-output').textContent(), { timeout: 30_000 }).toMatch(/^weekly-digest: succeeded/);
    await page.locator('#app-list').getByRole('button', { name: 'REAP Tracker' }).click();
    await page.getByRole('tab', { name: 'Messages' }).click();
    const log = page.locator('#message-log');
    // Images load lazily: bring the digest's chart into view once the outbox has sent it.
    const chart = log.locator('img[alt^="Bar chart of strategies by status"]').first();
    await expect.poll(() => chart.count(), { timeout: 30_000 }).toBe(1);
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await loadedImages(log)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const [[alt, width]] = (await loadedImages(log)) as [[string, number]];
    expect(alt).toMatch(/^Bar chart of strategies by status\. /);
    expect(width).toBeGreaterThan(400);
    await screenshot(page, 'sandbox-digest-chart');
  });
});
