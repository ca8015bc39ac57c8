// Block Kit on the sandbox page: every block renders, every element reaches the app as
// block_actions with the value a person picked, and modals make the full round trip
// (Slack's own required-field check, the app's inline errors, views.update keeping typed
// text, push, Escape, view_closed) through the real app.
import type { BlockAction } from '@slack/bolt';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.js';
import { KITCHEN_SINK_BLOCKS, KITCHEN_SINK_TEXT } from './fixtures/kitchen-sink.js';
import { launchBrowser, screenshot, type Browser } from './support/browser.js';
import { contrastProblems, goToChannel, lastMessage, openSandbox, pickPersonaCard, send, unlabelledControls } from './support/page-helpers.js';
import { botClient, startTestSandbox } from './support/sandbox.js';

let sandbox: RunningSandbox;
let browser: Browser;
let page: Page;
const actions: BlockAction[] = [];
const closed: string[] = [];

/** A two-step form of the test's own, for what the app's modals do not use (push, notify_on_close). */
const testForm = (step: number) => ({
  type: 'modal' as const,
  callback_id: 'test_form',
  notify_on_close: true,
  title: { type: 'plain_text' as const, text: `Test form ${step}` },
  submit: { type: 'plain_text' as const, text: step === 1 ? 'Next' : 'Done' },
  close: { type: 'plain_text' as const, text: step === 1 ? 'Cancel' : 'Back' },
  blocks: [
    {
      type: 'input' as const,
      block_id: `name_${step}`,
      label: { type: 'plain_text' as const, text: `Name ${step}` },
      element: { type: 'plain_text_input' as const, action_id: 'name', min_length: 3 },
    },
    {
      type: 'input' as const,
      block_id: `when_${step}`,
      optional: true,
      label: { type: 'plain_text' as const, text: 'When' },
      element: { type: 'datepicker' as const, action_id: 'when' },
    },
  ],
});

beforeAll(async () => {
  // No scheduler: nothing may post into the channels these tests read.
  [sandbox, browser] = await Promise.all([startTestSandbox({ scheduler: false }), launchBrowser()]);
  page = browser.page;
  const app = sandbox.app;
  app.action(/^ks_/, async ({ ack, body }) => {
    await ack();
    actions.push(body as BlockAction);
  });
  app.action('open_test_form', async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: (body as BlockAction).trigger_id, view: testForm(1) });
  });
  app.view('test_form', async ({ ack, view }) => {
    const step = view.title.text.endsWith('1') ? 1 : 2;
    if (step === 1) await ack({ response_action: 'push', view: testForm(2) });
    else await ack();
  });
  app.view({ callback_id: 'test_form', type: 'view_closed' }, async ({ ack, view }) => {
    await ack();
    closed.push(view.title.text);
  });
  // A listener that never acknowledges: the page must say so, and the inspector must flag it.
  app.action('never_acks', async () => {});

  const client = botClient(sandbox);
  await client.chat.postMessage({ channel: 'C0GENERAL', text: KITCHEN_SINK_TEXT, blocks: KITCHEN_SINK_BLOCKS });
  await client.chat.postMessage({
    channel: 'C0GENERAL',
    text: 'Tools',
    blocks: [
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: 'open_test_form', text: { type: 'plain_text', text: 'Open test form' } },
          { type: 'button', action_id: 'never_acks', text: { type: 'plain_text', text: 'Hang' } },
        ],
      },
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

const sink = () => page.locator('#message-log article', { hasText: 'Kitchen sink' });
const lastAction = (actionId: string) => actions.filter((a) => a.actions[0]?.action_id === actionId).at(-1);

describe('Block Kit rendering', () => {
  it('renders every block and mrkdwn mark of the kitchen-sink message', async () => {
    await openSandbox(page, sandbox.url);
    await pickPersonaCard(page, 'Jasmine Okafor');
    await goToChannel(page, 'general');
    await expect.poll(() => sink().count()).toBe(1);
    const m = sink();
    expect(await m.locator('.block-header').textContent()).toContain('Kitchen sink');
    expect(await m.locator('.block-header [role="img"]').getAttribute('aria-label')).toBe('tada');
    expect(await m.locator('strong').first().textContent()).toBe('bold');
    expect(await m.locator('em').first().textContent()).toBe('italic');
    expect(await m.locator('s').first().textContent()).toBe('struck');
    expect(await m.locator('p code').first().textContent()).toBe('code');
    const link = m.getByRole('link', { name: 'City site' });
    expect(await link.getAttribute('href')).toBe('https://www.sanjoseca.gov');
    expect(await link.getAttribute('rel')).toContain('noopener');
    const text = await m.textContent();
    for (const expected of ['@Jasmine Okafor', '#general', '@Tomás Herrera', '@Priya Raman', 'In progress', 'first point', 'quoted rich text']) {
      expect(text).toContain(expected);
    }
    // The date token in the reader's zone (San José), not UTC's Mar 1.
    expect(await m.locator('.mrkdwn time').first().textContent()).toBe('2026-02-28 at 9:00 PM');
    expect(await m.locator('blockquote').first().textContent()).toBe('a quoted line');
    expect(await m.locator('pre').first().textContent()).toBe('const fair = 1 < 2;');
    expect(await m.locator('pre').last().textContent()).toBe('preformatted <b>not bold</b>');
    expect(await m.getByRole('img', { name: 'City seal' }).count()).toBe(1);
    expect(await m.getByRole('img', { name: 'Chart of strategies by status' }).count()).toBe(1);
    expect(await m.locator('figcaption').textContent()).toBe('Strategies by status');
    expect(await m.locator('.block-unknown').count()).toBe(0);
    // Initial values show; nothing is picked yet.
    expect(await m.getByLabel('Due date').inputValue()).toBe('2026-12-01');
    expect(await m.getByRole('combobox', { name: 'Pick a quarter' }).inputValue()).toBe('');
    await m.scrollIntoViewIfNeeded();
    await screenshot(page, 'sandbox-kitchen-sink');
  });

  it('shows a date token in each reader\u2019s own time zone', async () => {
    await page.locator('#persona-select').selectOption('U0SJCE02'); // Bao Pham, Denver
    await expect.poll(() => sink().locator('.mrkdwn time').first().textContent()).toBe('2026-02-28 at 10:00 PM');
    await page.locator('#persona-select').selectOption('U0HSG01');
    await expect.poll(() => sink().locator('.mrkdwn time').first().textContent()).toBe('2026-02-28 at 9:00 PM');
  });

  it('shows a block type it does not know as raw JSON, and renders the rest', async () => {
    // Straight into the workspace: Slack's validator would refuse a made-up type.
    const bot = sandbox.fake.bot;
    sandbox.fake.workspace.addMessage({
      channel: 'C0GENERAL',
      user: bot.userId,
      bot_id: bot.botId,
      text: 'odd',
      blocks: [
        { type: 'sparkle_chart', points: [1, 2, 3] },
        { type: 'section', text: { type: 'mrkdwn', text: 'after the odd one' } },
      ],
      source: 'test',
    });
    await openSandbox(page, sandbox.url);
    const odd = lastMessage(page);
    await expect.poll(() => odd.locator('.block-unknown').textContent()).toContain('sparkle_chart');
    expect(await odd.locator('.block-unknown pre').textContent()).toContain('"points"');
    expect(await odd.textContent()).toContain('after the odd one');
  });
});

describe('interactive elements', () => {
  it('asks before a button with a confirm dialog, and sends nothing when told to keep', async () => {
    await sink().getByRole('button', { name: 'Archive' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive this?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('This cannot be undone.');
    await screenshot(page, 'sandbox-confirm');
    await dialog.getByRole('button', { name: 'Keep' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(lastAction('ks_confirm')).toBeUndefined();

    await sink().getByRole('button', { name: 'Archive' }).click();
    await dialog.getByRole('button', { name: 'Archive' }).click();
    await expect.poll(() => lastAction('ks_confirm')).toBeDefined();
    const payload = lastAction('ks_confirm')!;
    expect(payload.actions[0]).toMatchObject({ type: 'button', value: 'archive-1', block_id: 'ks_text' });
    expect(payload.container).toMatchObject({ type: 'message', channel_id: 'C0GENERAL' });
    expect(payload.user.id).toBe('U0HSG01');
  });

  it('sends what was picked in selects, date pickers, checkboxes, radio buttons and overflow menus', async () => {
    const m = sink();
    await m.getByRole('button', { name: 'Mark done' }).click();
    await expect.poll(() => lastAction('ks_primary')?.actions[0]).toMatchObject({ value: 'done' });

    await m.getByRole('combobox', { name: 'Pick a quarter' }).selectOption('q2');
    await expect.poll(() => lastAction('ks_select')?.actions[0]).toMatchObject({ type: 'static_select', selected_option: { value: 'q2' } });

    await m.getByLabel('Due date').fill('2026-12-15');
    await expect.poll(() => lastAction('ks_date')?.actions[0]).toMatchObject({ type: 'datepicker', selected_date: '2026-12-15' });

    await m.getByRole('checkbox', { name: 'Vietnamese' }).check();
    await expect.poll(() => lastAction('ks_checks')?.actions[0]).toMatchObject({ type: 'checkboxes', selected_options: [{ value: 'vi' }] });

    await m.getByRole('radio', { name: 'Public' }).check();
    await expect.poll(() => lastAction('ks_radio')?.actions[0]).toMatchObject({ type: 'radio_buttons', selected_option: { value: 'public' } });

    // The overflow menu, with the keyboard: Enter opens it, arrows move, Enter picks.
    await m.getByRole('button', { name: 'More actions' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => m.getByRole('menu').isVisible()).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => lastAction('ks_overflow')?.actions[0]).toMatchObject({ type: 'overflow', selected_option: { value: 'reassign' } });
    expect(await m.getByRole('menu').isVisible()).toBe(false);
  });
});

describe('modals', () => {
  const dialog = () => page.locator('#modal');

  it('opens the app\u2019s /reap update form and checks required fields before sending anything', async () => {
    await goToChannel(page, 'housing-equity');
    await send(page, '/reap update');
    await expect.poll(() => page.getByRole('dialog', { name: 'Report progress' }).isVisible(), { timeout: 10_000 }).toBe(true);
    const submissionsBefore = await page.locator('.inspector-entry', { hasText: 'view_submission' }).count();
    await dialog().getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => dialog().locator('.input-error').count()).toBeGreaterThan(0);
    expect(await dialog().locator('.input-error').first().textContent()).toContain('Please complete this required field.');
    expect(await dialog().locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.inspector-entry', { hasText: 'view_submission' }).count()).toBe(submissionsBefore);
    expect(await unlabelledControls(page)).toEqual([]);
  });

  it('keeps typed text when the app updates the form, and shows the app\u2019s errors under the right input', async () => {
    const form = dialog();
    await form.getByLabel('What was done').fill('Held two tenant clinics in Spanish and Vietnamese.');
    await form.getByLabel('Strategy').selectOption({ index: 1 });
    // Picking a strategy makes the app rebuild the form with views.update.
    await expect.poll(() => page.locator('.inspector-entry.to-slack', { hasText: 'views.update' }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => form.getByLabel('Status').inputValue()).not.toBe('');
    expect(await form.getByLabel('What was done').inputValue()).toBe('Held two tenant clinics in Spanish and Vietnamese.');

    await form.getByLabel('Evidence link').fill('ftp://files.example.org/clinics');
    await form.getByRole('button', { name: 'Submit' }).click();
    const evidence = form.locator('.block-input', { hasText: 'Evidence link' });
    await expect.poll(() => evidence.locator('.input-error').textContent(), { timeout: 10_000 }).toContain('https://');
    expect(await form.getByLabel('Evidence link').getAttribute('aria-invalid')).toBe('true');
    // Focus goes to the first field the app complained about.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('ftp://files.example.org/clinics');
    expect(await form.getByLabel('Evidence link').inputValue()).toBe('ftp://files.example.org/clinics');
    await screenshot(page, 'sandbox-modal-errors');

    await form.getByLabel('Evidence link').fill('https://files.example.org/clinics');
    await form.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => form.evaluate((d) => (d as HTMLDialogElement).open), { timeout: 10_000 }).toBe(false);
    expect(sandbox.fake.openViews('U0HSG01')).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('composer-input');
    await expect.poll(() => page.locator('.inspector-entry.to-slack', { hasText: 'chat.postMessage' }).count()).toBeGreaterThan(2);
  });

  it('closes with Escape', async () => {
    await send(page, '/reap update');
    await expect.poll(() => dialog().evaluate((d) => (d as HTMLDialogElement).open), { timeout: 10_000 }).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(sandbox.fake.openViews('U0HSG01')).toEqual([]);
  });

  it('pushes a view, goes back with its values kept, and tells the app of closes it asked about', async () => {
    await goToChannel(page, 'general');
    await page.getByRole('button', { name: 'Open test form' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Test form 1' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await dialog().getByLabel('Name 1').fill('ab');
    await dialog().getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => dialog().locator('.input-error').textContent()).toContain('at least 3 characters');
    await dialog().getByLabel('Name 1').fill('Ana');
    await dialog().getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Test form 2' }).isVisible()).toBe(true);
    expect(await dialog().textContent()).toContain('Step 2');
    await screenshot(page, 'sandbox-modal-pushed');

    await dialog().getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Test form 1' }).isVisible()).toBe(true);
    expect(await dialog().getByLabel('Name 1').inputValue()).toBe('Ana');
    await expect.poll(() => closed).toEqual(['Test form 2']);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await expect.poll(() => closed).toEqual(['Test form 2', 'Test form 1']);
    expect(await page.locator('.inspector-entry.to-app', { hasText: 'view_closed' }).count()).toBe(2);
  });

  it('passes the accessibility checks with a modal open', async () => {
    await page.getByRole('button', { name: 'Open test form' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Test form 1' }).isVisible(), { timeout: 10_000 }).toBe(true);
    // Focus starts inside the dialog, and Tab stays there.
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#modal')))).toBe(true);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#modal')) || document.activeElement === document.body)).toBe(true);
    }
    expect(await unlabelledControls(page)).toEqual([]);
    expect(await contrastProblems(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog().evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  });

  it('made no Slack rule violations so far', () => {
    sandbox.fake.assertNoViolations();
    expect(browser.pageErrors).toEqual([]);
  });
});

describe('an app that does not answer', () => {
  it('says so in a banner and flags the violation in the inspector', async () => {
    await page.getByRole('button', { name: 'Hang' }).click();
    const banner = page.locator('#app-banner');
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toContain('did not acknowledge within 3 seconds');
    const flagged = page.locator('#inspector .inspector-entry.has-violation');
    await expect.poll(() => flagged.count()).toBe(1);
    expect(await flagged.textContent()).toContain('1 violation');
    expect(await page.locator('#inspector .inspector-summary').textContent()).toContain('1 violation');
    await flagged.locator('summary').click();
    expect(await flagged.locator('.violation-list').textContent()).toContain('ack_failed');
    await screenshot(page, 'sandbox-violation');

    // The next answer in time clears the banner.
    await sink().getByRole('button', { name: 'Mark done' }).click();
    await expect.poll(() => banner.isHidden()).toBe(true);
  });
});
