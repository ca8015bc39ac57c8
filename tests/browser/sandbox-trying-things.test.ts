// What someone trying the app in the sandbox needs to see truthfully: each demo person's
// language, a day of their choosing ("Today is") for what only runs on weekdays, the
// Manage menu whole even at the bottom of a list, an upload shown as the success it is,
// and a form that opens on its first field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DateTime } from 'luxon';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.js';
import { launchBrowser, screenshot, type Browser } from './support/browser.js';
import { goToChannel, lastMessage, messages, openSandbox, pickPersonaCard, send } from './support/page-helpers.js';
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

/** The next date (City time) after today falling on an ISO weekday (1 = Monday … 7 = Sunday). */
function next(weekday: number): string {
  let d = DateTime.now().setZone('America/Los_Angeles').plus({ days: 1 });
  while (d.weekday !== weekday) d = d.plus({ days: 1 });
  return d.toISODate()!;
}

describe('trying things in the sandbox', () => {
  it('shows each demo person’s language on their card', async () => {
    await openSandbox(page, sandbox.url);
    const marisol = page.getByRole('button', { name: /^Marisol Vega/ });
    await expect.poll(() => marisol.textContent()).toContain('Language: Español (chosen in REAP Tracker)');
    const cards = await page.locator('#persona-cards .persona-language').allTextContents();
    expect(cards.length).toBe(await page.locator('#persona-cards .persona-card').count());
    expect(cards.some((c) => c.includes('Tiếng Việt'))).toBe(true);
    expect(cards.some((c) => /\(follows Slack: [a-z]{2}-[A-Z]{2}\)/.test(c))).toBe(true);
    await screenshot(page, 'sandbox-persona-languages');
  });

  it('opens the update form with focus on its first field', async () => {
    await pickPersonaCard(page, 'Jasmine Okafor');
    await goToChannel(page, 'housing-equity');
    await send(page, '/reap update');
    await expect
      .poll(() => page.getByRole('dialog', { name: 'Report progress' }).locator('.modal-body select, .modal-body input').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    // The loading view came first; once the form replaced it, focus is on the form's first field.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const el = document.activeElement;
          const first = document.querySelector('#modal .modal-body input, #modal .modal-body select, #modal .modal-body textarea');
          return el !== null && el === first;
        }),
      )
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#modal').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  });

  it('turns a channel message into a prefilled update form from the message’s shortcut button', async () => {
    const text = 'Fair housing clinic served 30 tenants; flyer at <https://sanjoseca.gov/clinic|the clinic page>.';
    await send(page, text);
    const posted = messages(page).filter({ hasText: 'Fair housing clinic served 30 tenants' }).last();
    await posted.getByRole('button', { name: '⋯ Report as REAP update' }).click();
    const narrative = page.getByRole('dialog', { name: 'Report progress' }).getByLabel('What was done');
    await expect
      .poll(() => narrative.inputValue().catch(() => ''), { timeout: 10_000 })
      .toBe('Fair housing clinic served 30 tenants; flyer at the clinic page (https://sanjoseca.gov/clinic).');
    await screenshot(page, 'sandbox-message-shortcut');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#modal').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  });

  it('shows the whole Manage menu of the last strategy in a long list', async () => {
    await send(page, '/reap plan');
    await expect.poll(() => lastMessage(page).locator('.sk-overflow').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const toggle = lastMessage(page).locator('.sk-overflow').last();
    await toggle.scrollIntoViewIfNeeded();
    await toggle.click();
    const menu = page.locator('.overflow-menu:not([hidden])');
    await expect.poll(() => menu.count()).toBe(1);
    // Every item can be seen and clicked: nothing of the menu is cut off by the message list.
    const unseen = await menu.evaluate(
      (m) =>
        [...m.querySelectorAll('.overflow-item')].filter((item) => {
          const r = item.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return !(hit && item.contains(hit)) || r.bottom > window.innerHeight || r.top < 0;
        }).length,
    );
    expect(unseen).toBe(0);
    await screenshot(page, 'sandbox-manage-menu');
    await page.keyboard.press('Escape');
  });

  it('lists a successful file upload as a success in the inspector', async () => {
    await send(page, '/reap report');
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${sandbox.url}sandbox/api/inspector`)).json()) as { entries: { name: string }[] }).entries.filter((e) => e.name === 'upload')
            .length,
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    const { entries } = (await (await fetch(`${sandbox.url}sandbox/api/inspector`)).json()) as { entries: { name: string; ok: boolean; outcome: string }[] };
    for (const upload of entries.filter((e) => e.name === 'upload')) expect(upload).toMatchObject({ ok: true, outcome: 'ok' });
    await expect.poll(() => page.locator('#inspector .inspector-entry', { hasText: 'upload' }).count()).toBeGreaterThan(0);
    expect(await page.locator('#inspector .inspector-entry.problem', { hasText: /\bupload\b/ }).count()).toBe(0);
  });

  it('lets a person move the app’s day to try weekday-only reminders on any day', async () => {
    const saturday = next(6);
    const wednesday = next(3);
    await page.locator('#today-input').fill(saturday);
    await page.getByRole('button', { name: 'Set day' }).click();
    await expect
      .poll(() => page.locator('#today-status').textContent())
      .toBe(`The app acts as if today were Saturday ${saturday}; jobs and reminders follow it.`);
    await page.locator('#job-select').selectOption('deadline-reminders');
    await page.getByRole('button', { name: 'Run now' }).click();
    await expect
      .poll(() => page.locator('.jobs-output').textContent(), { timeout: 20_000 })
      .toBe(`deadline-reminders: succeeded: ${saturday} is not a City business day: no reminders`);

    await page.locator('#today-input').fill(wednesday);
    await page.getByRole('button', { name: 'Set day' }).click();
    await expect.poll(() => page.locator('#today-status').textContent()).toContain(`Wednesday ${wednesday}`);
    await page.getByRole('button', { name: 'Run now' }).click();
    await expect
      .poll(() => page.locator('.jobs-output').textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`^deadline-reminders: succeeded: \\d+ reminder DMs queued for ${wednesday}`));
    await screenshot(page, 'sandbox-today-is');

    await page.getByRole('button', { name: 'Back to real today' }).click();
    await expect.poll(() => page.locator('#today-status').textContent()).toMatch(/^The app runs on today's date/);
    // Nonsense is refused with a reason, and the day stays as it was.
    const refused = await fetch(`${sandbox.url}sandbox/api/today`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: sandbox.url.replace(/\/$/, '') },
      body: JSON.stringify({ date: '2026-02-30' }),
    });
    expect(refused.status).toBe(400);
  });

  it('caused no Slack rule violations and no page errors', () => {
    sandbox.fake.assertNoViolations();
    expect(browser.pageErrors).toEqual([]);
  });
});
