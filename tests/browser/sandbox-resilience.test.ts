// The sandbox outlives the app: a restarted app keeps Slack's state and the page reconnects;
// an app that cannot be reached is reported in words (and as Slack's dispatch_failed) while
// the page keeps working. Also: the jobs control, and the guard against other sites.
import http from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_RUNNER_REASON } from '../../src/sandbox/job-control.js';
import { freePortBelowEphemeralRange } from '../support/free-port.js';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.js';
import { launchBrowser, screenshot, type Browser } from './support/browser.js';
import { goToChannel, lastMessage, openSandbox, pickPersonaCard, send } from './support/page-helpers.js';
import { startTestSandbox } from './support/sandbox.js';

let browser: Browser;
let page: Page;
let sandbox: RunningSandbox;
/** Delivers to a port nothing listens on, like an app that crashed; it can run jobs. */
let orphan: RunningSandbox;
const jobRuns: string[] = [];

beforeAll(async () => {
  const closedPort = `http://127.0.0.1:${await freePortBelowEphemeralRange()}/slack/events`;
  [sandbox, orphan, browser] = await Promise.all([
    startTestSandbox({ scheduler: false }),
    startTestSandbox({
      appUrl: closedPort,
      scheduler: false,
      runJob: async (name) => {
        jobRuns.push(name);
        return `${name}: 3 reminders queued`;
      },
    }),
    launchBrowser(),
  ]);
  page = browser.page;
});

/** fetch() will not send a made-up Host header; a DNS-rebinding page would. */
function getWithHost(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

afterAll(async () => {
  await browser?.close();
  await Promise.all([sandbox?.stop(), orphan?.stop()]);
});

describe('when the app restarts', () => {
  it('says the connection was lost, reconnects, and keeps the conversation', async () => {
    await openSandbox(page, sandbox.url);
    await pickPersonaCard(page, 'Priya Raman');
    await goToChannel(page, 'general');
    await send(page, '/reap help');
    await expect.poll(() => lastMessage(page).textContent(), { timeout: 10_000 }).toContain('REAP Tracker commands');

    const notice = page.locator('#connection-banner');
    const restarting = sandbox.restartApp();
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain('reconnecting');
    await screenshot(page, 'sandbox-reconnecting');
    await restarting;
    await expect.poll(() => notice.isHidden(), { timeout: 15_000 }).toBe(true);

    // Slack's side survived: the ephemeral is still there, and the new app answers.
    expect(await lastMessage(page).textContent()).toContain('REAP Tracker commands');
    await send(page, '/reap help');
    await expect.poll(() => page.locator('#message-log article', { hasText: 'REAP Tracker commands' }).count(), { timeout: 10_000 }).toBe(2);
    expect(await page.locator('#app-banner').isHidden()).toBe(true);
    sandbox.fake.assertNoViolations();
  });

  it('shows the jobs control disabled, with the reason, without a scheduler', async () => {
    expect(await page.getByRole('button', { name: 'Run now' }).isDisabled()).toBe(true);
    expect(await page.locator('#jobs').textContent()).toContain(NO_RUNNER_REASON);
    const response = await fetch(`${sandbox.url}sandbox/jobs/weekly-digest/run`, { method: 'POST' });
    expect(response.status).toBe(501);
  });
});

describe('when the app cannot be reached', () => {
  it('tells the person, as Slack would, and names the cause in a banner', async () => {
    await openSandbox(page, orphan.url);
    await pickPersonaCard(page, 'Marcus Johnson');
    await goToChannel(page, 'general');
    await send(page, '/reap help');
    const banner = page.locator('#app-banner');
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toBe('The app is not answering (connection refused) \u2014 it may be restarting.');
    await expect.poll(() => lastMessage(page).textContent()).toContain('/reap failed with the error "dispatch_failed"');
    const entry = page.locator('#inspector .inspector-entry.to-app').first();
    expect(await entry.textContent()).toContain('connection refused');
    await screenshot(page, 'sandbox-app-down');

    // The page itself keeps working: channels, the composer, the inspector.
    await goToChannel(page, 'dot-equity');
    await send(page, 'still here');
    await expect.poll(() => lastMessage(page).textContent()).toContain('still here');
    expect(browser.pageErrors).toEqual([]);
  });

  it('runs a scheduled job now through the injected runner', async () => {
    await page.locator('#job-select').selectOption('deadline-reminders');
    await page.getByRole('button', { name: 'Run now' }).click();
    await expect.poll(() => page.locator('.jobs-output').textContent()).toBe('deadline-reminders: deadline-reminders: 3 reminders queued');
    expect(jobRuns).toEqual(['deadline-reminders']);
    const unknown = await fetch(`${orphan.url}sandbox/jobs/no-such-job/run`, { method: 'POST' });
    expect(unknown.status).toBe(404);
  });
});

describe('the page API', () => {
  it('refuses requests from other sites and from other host names', async () => {
    const body = JSON.stringify({ user: 'U0HSG01', channel: 'C0GENERAL', text: '/reap help' });
    const headers = { 'content-type': 'application/json' };
    const foreign = await fetch(`${sandbox.url}sandbox/api/command`, { method: 'POST', body, headers: { ...headers, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(await getWithHost(sandbox.port, '/sandbox/api/state?user=U0HSG01', `evil.example:${sandbox.port}`)).toBe(403);
    expect(await getWithHost(sandbox.port, '/sandbox/api/state?user=U0HSG01', `127.0.0.1:${sandbox.port}`)).toBe(200);
    const own = await fetch(`${sandbox.url}sandbox/api/state?user=U0HSG01`, { headers: { origin: `http://localhost:${sandbox.port}` } });
    expect(own.status).toBe(200);
  });

  it('acts only for the demo people, and never serves files outside the page', async () => {
    const asBot = await fetch(`${sandbox.url}sandbox/api/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'U0BOT', channel: 'C0GENERAL', text: '/reap help' }),
    });
    expect(asBot.status).toBe(400);
    for (const path of ['sandbox/assets/../start-sandbox.ts', 'sandbox/assets/%2e%2e%2fstart-sandbox.ts', 'sandbox/assets/nope.js']) {
      const response = await fetch(`${sandbox.url}${path}`);
      expect(response.status, path).toBe(404);
    }
    const page = await fetch(sandbox.url);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
