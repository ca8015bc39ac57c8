// The sandbox page used the way a person would: pick a demo person, type /reap help, open the
// app's Home tab, use only the keyboard, and make sure nothing typed becomes markup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.js';
import { launchBrowser, screenshot, type Browser } from './support/browser.js';
import { contrastProblems, goToChannel, lastMessage, messages, openSandbox, pickPersonaCard, send, unlabelledControls } from './support/page-helpers.js';
import { botClient, startTestSandbox } from './support/sandbox.js';

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

describe('the sandbox page', () => {
  it('asks who you are, showing each demo person with their roles', async () => {
    await openSandbox(page, sandbox.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Who are you?' }).isVisible()).toBe(true);
    const card = page.getByRole('button', { name: /^Jasmine Okafor/ });
    await expect.poll(() => card.textContent()).toContain('Equity lead');
    for (const role of ['ORSE admin', 'Staff', 'Manager', 'REDI member']) {
      expect(await page.locator('#persona-cards').textContent()).toContain(role);
    }
    await screenshot(page, 'sandbox-persona-picker');
    await pickPersonaCard(page, 'Jasmine Okafor');
    expect(await page.locator('#persona-select').inputValue()).toBe('U0HSG01');
    expect(await page.locator('#channel-list').textContent()).toContain('housing-equity');
  });

  it('answers /reap help with the help list, shown only to you', async () => {
    await goToChannel(page, 'general');
    await send(page, '/reap help');
    const reply = lastMessage(page);
    await expect.poll(() => reply.textContent(), { timeout: 10_000 }).toContain('REAP Tracker commands');
    const text = await reply.textContent();
    expect(text).toContain('Only visible to you');
    for (const usage of ['/reap help', '/reap status [department]', '/reap deadlines']) expect(text).toContain(usage);
    expect(await reply.locator('.block-header').textContent()).toBe('REAP Tracker commands');
    expect(await reply.locator('code').allTextContents()).toContain('/reap help');
    await screenshot(page, 'sandbox-help');
  });

  it('lists the delivery and its answer in the inspector, with no violations', async () => {
    const inspector = page.locator('#inspector');
    await expect.poll(() => inspector.locator('.inspector-entry.to-app').first().textContent()).toContain('slash_command');
    expect(await inspector.locator('.inspector-entry.to-app').first().textContent()).toContain('HTTP 200');
    expect(await inspector.locator('.inspector-summary').textContent()).toContain('0 violations');
    expect(await inspector.locator('.has-violation').count()).toBe(0);
    await inspector.locator('.inspector-entry.to-app summary').first().click();
    expect(await inspector.locator('.inspector-entry.to-app pre').first().textContent()).toContain('"command": "/reap"');
    // The page never sees the signing secret: it asks the server to sign.
    expect(await page.content()).not.toMatch(/signing|x-slack-signature/i);
  });

  it('says an unknown command is not valid, as Slackbot does', async () => {
    await send(page, '/nope now');
    await expect.poll(() => lastMessage(page).textContent()).toContain('/nope is not a valid command');
    expect(await lastMessage(page).locator('.message-author').textContent()).toBe('Slackbot');
    await lastMessage(page).getByRole('button', { name: 'Dismiss message' }).click();
    await expect.poll(() => page.locator('#message-log').textContent()).not.toContain('/nope is not a valid command');
  });

  it('opens the App Home tab, which sends app_home_opened', async () => {
    await page.locator('#app-list').getByRole('button', { name: 'REAP Tracker' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Home' }).getAttribute('aria-selected')).toBe('true');
    const opened = page.locator('#inspector .inspector-entry.to-app', { hasText: 'event:app_home_opened' });
    await expect.poll(() => opened.count()).toBe(1);
    expect(await opened.textContent()).toContain('HTTP 200');
    // The app answers with views.publish; the page renders what it published.
    await expect.poll(() => page.locator('#inspector .inspector-entry.to-slack', { hasText: 'views.publish' }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#home-panel .blocks > *').count()).toBeGreaterThan(1);
    expect(await page.locator('#home-panel .block-unknown').count()).toBe(0);
    await screenshot(page, 'sandbox-app-home');
  });

  it('sends block_actions from the Home tab, where the app can open a modal', async () => {
    // The app gives each button an accessibility_label, which is what a screen reader announces.
    const update = page
      .locator('#home-panel')
      .getByRole('button', { name: /^Report progress on strategy/ })
      .first();
    await update.click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Report progress' }).isVisible(), { timeout: 10_000 }).toBe(true);
    // The page behind a modal is inert, as in Slack; read the inspector's data directly.
    const inspector = (await (await fetch(`${sandbox.url}sandbox/api/inspector`)).json()) as {
      entries: { name: string; request: { container?: { type: string } } }[];
    };
    expect(inspector.entries.filter((e) => e.name === 'block_actions').at(-1)?.request.container?.type).toBe('view');
    await screenshot(page, 'sandbox-home-modal');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#modal').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    // Focus returns to the button that opened the modal.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Update');
    const focusedStrategy = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    const before = await focusedStrategy();
    expect(before).toMatch(/^Report progress on strategy/);

    // The app republishes Home while the person is on it: focus stays on the same button.
    const state = (await (await fetch(`${sandbox.url}sandbox/api/state?user=U0HSG01`)).json()) as { home: { blocks: unknown[] } };
    await botClient(sandbox).views.publish({
      user_id: 'U0HSG01',
      view: { type: 'home', blocks: [...(state.home.blocks as never[]), { type: 'context', elements: [{ type: 'mrkdwn', text: 'Refreshed just now' }] }] },
    });
    await expect.poll(() => page.locator('#home-panel').textContent()).toContain('Refreshed just now');
    expect(await focusedStrategy()).toBe(before);
  });

  it('keeps the Messages tab read-only, as the app manifest asks', async () => {
    await page.getByRole('tab', { name: 'Messages' }).click();
    await send(page, 'hello app');
    await expect.poll(() => lastMessage(page).textContent()).toContain('Sending messages to this app has been turned off');
  });

  it('can be used with the keyboard alone', async () => {
    await openSandbox(page, sandbox.url);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to message composer');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('composer-input');
    await page.keyboard.type('/reap help');
    await page.keyboard.press('Enter');
    await expect.poll(() => lastMessage(page).textContent(), { timeout: 10_000 }).toContain('REAP Tracker commands');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('composer-input');

    // Shift+Enter starts a new line instead of sending.
    await page.keyboard.type('line one');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('line two');
    expect(await page.locator('#composer-input').inputValue()).toBe('line one\nline two');
    await page.locator('#composer-input').fill('');

    // Tab order from the top of a fresh page: skip link, person, inspector toggle, then the channels.
    await openSandbox(page, sandbox.url);
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => (document.activeElement as HTMLElement).id || document.activeElement?.textContent?.trim() || ''));
    }
    expect(order.slice(0, 3)).toEqual(['skip-to-composer', 'persona-select', 'inspector-toggle']);
    expect(order.slice(3)).toEqual(expect.arrayContaining(['#general', '#housing-equity']));

    // Enter on a focused channel opens it; focus is visibly marked.
    const target = page.locator('#channel-list').getByRole('button', { name: /housing-equity/ });
    await target.focus();
    expect(await target.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    // News elsewhere redraws the channel list; the person tabbing through it keeps their place.
    await botClient(sandbox).chat.postMessage({ channel: 'C0HOUSING', text: 'Something new while you tab' });
    await expect.poll(() => page.locator('#channel-list .sidebar-item.unread').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-focus-key'))).toBe('channel-housing-equity');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#conversation-title').textContent()).toBe('# housing-equity');
    await screenshot(page, 'sandbox-keyboard');
  });

  it('shows message text as text: no markup from users or apps', async () => {
    await goToChannel(page, 'general');
    const typed = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> & <b>not bold</b>';
    await send(page, typed);
    await expect.poll(() => lastMessage(page).textContent()).toContain('<script>window.__xss = 1</script>');
    // An app that forgets to escape: Slack shows the brackets as text too.
    await botClient(sandbox).chat.postMessage({ channel: 'C0GENERAL', text: 'raw <img src=x onerror=alert(1)> and <javascript:alert(1)|click me>' });
    await expect.poll(() => lastMessage(page).textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('#message-log script, #message-log img[src="x"], #message-log a[href^="javascript"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await messages(page).filter({ hasText: 'not bold' }).locator('b').count()).toBe(0);
    await screenshot(page, 'sandbox-xss');
  });

  it('marks a channel with news as unread until it is opened', async () => {
    await goToChannel(page, 'housing-equity');
    await botClient(sandbox).chat.postMessage({ channel: 'C0GENERAL', text: 'Weekly digest is ready' });
    const general = page.locator('#channel-list').getByRole('button', { name: /^general/ });
    await expect.poll(() => general.getAttribute('class')).toContain('unread');
    expect(await general.textContent()).toContain('(unread)');
    await general.click();
    await expect.poll(() => general.getAttribute('class')).not.toContain('unread');
    expect(await lastMessage(page).textContent()).toContain('Weekly digest is ready');
  });

  it('runs a scheduled job now through the app’s own scheduler', async () => {
    expect(await page.getByRole('button', { name: 'Run now' }).isEnabled()).toBe(true);
    await page.locator('#job-select').selectOption('deadline-reminders');
    await page.getByRole('button', { name: 'Run now' }).click();
    await expect.poll(() => page.locator('.jobs-output').textContent(), { timeout: 20_000 }).toMatch(/^deadline-reminders: (succeeded|not run)/);
    await screenshot(page, 'sandbox-job-run');
  });

  it('labels every control and keeps text readable (WCAG AA contrast)', async () => {
    expect(await unlabelledControls(page)).toEqual([]);
    expect(await contrastProblems(page)).toEqual([]);
    // The checks themselves notice a problem when there is one.
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.id = 'probe';
      probe.textContent = 'pale text';
      probe.style.color = '#b0b0b0';
      document.querySelector('#message-log')?.append(probe, Object.assign(document.createElement('input'), { id: 'probe-input' }));
    });
    expect(await contrastProblems(page)).toEqual([expect.stringContaining('"pale text"')]);
    expect(await unlabelledControls(page)).toEqual([expect.stringContaining('probe-input')]);
    await page.evaluate(() => document.querySelectorAll('#probe, #probe-input').forEach((el) => el.remove()));
    expect(await page.locator('#message-log').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('[role="alert"]').count()).toBeGreaterThan(0);
  });

  it('caused no Slack rule violations and no page errors', () => {
    sandbox.fake.assertNoViolations();
    expect(browser.pageErrors).toEqual([]);
  });
});
