// A tiny Bolt app, driven over real HTTP by the Slack driver and talking to the fake Slack:
// proves the fake, the driver and Bolt 5.1 agree on every hop (signing, payloads, acks,
// Web API calls, response_urls) before the real app relies on them.
import { App, HTTPReceiver, LogLevel, type AllMiddlewareArgs, type SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlack } from '../../src/sandbox/fake-slack/index.js';
import { CHANNELS, PEOPLE, startFakeSlack } from '../support/fake-slack-fixture.js';
import { SlackDriver } from '../support/slack-driver.js';

const SIGNING_SECRET = 'e2e-signing-secret';
const ana = PEOPLE.ana.id;

const plain = (text: string) => ({ type: 'plain_text' as const, text });

function progressModal(title = 'Report progress'): ModalView {
  return {
    type: 'modal',
    callback_id: 'progress',
    private_metadata: JSON.stringify({ plan: 'PRNS-3' }),
    title: plain(title),
    submit: plain('Save'),
    close: plain('Cancel'),
    notify_on_close: true,
    blocks: [
      {
        type: 'input',
        block_id: 'status',
        label: plain('Status'),
        element: {
          type: 'static_select',
          action_id: 'pick',
          options: [
            { text: plain('On track'), value: 'on_track' },
            { text: plain('At risk'), value: 'at_risk' },
          ],
        },
      },
      { type: 'input', block_id: 'summary', label: plain('Summary'), element: { type: 'plain_text_input', action_id: 'text', multiline: true } },
      { type: 'actions', block_id: 'tools', elements: [{ type: 'button', action_id: 'add_detail', text: plain('Add detail') }] },
    ],
  };
}

interface Recorded {
  submissions: { user: string; status: string | undefined; summary: string | null | undefined; metadata: string }[];
  closed: string[];
  retries: (number | undefined)[];
}

function buildApp(fake: FakeSlack, recorded: Recorded): App {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events', unhandledRequestTimeoutMillis: 3001 });
  const app = new App({
    token: fake.botToken,
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
  });

  app.command('/reap', async ({ ack, body, client, command, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    if (command.text === 'ping') {
      await ack({ response_type: 'ephemeral', text: 'pong' });
      await respond({ response_type: 'in_channel', text: `<@${command.user_id}> asked for a ping` });
      return;
    }
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: progressModal() });
  });

  app.view('progress', async ({ ack, view, body }) => {
    const summary = view.state.values.summary?.text?.value;
    if (!summary || summary.length < 10) {
      await ack({ response_action: 'errors', errors: { summary: 'Please write at least 10 characters.' } });
      return;
    }
    if (summary.includes('BROKEN')) {
      // An invalid view in an ack: Slack only shows the user an error, so the driver must catch it.
      await ack({ response_action: 'update', view: progressModal('This title is far too long for Slack') });
      return;
    }
    recorded.submissions.push({
      user: body.user.id,
      status: view.state.values.status?.pick?.selected_option?.value,
      summary,
      metadata: view.private_metadata,
    });
    await ack();
  });

  app.view({ callback_id: 'progress', type: 'view_closed' }, async ({ ack, body }) => {
    recorded.closed.push(body.view.id);
    await ack();
  });

  app.action('add_detail', async ({ ack, body, client }) => {
    await ack();
    if (body.type !== 'block_actions' || !body.view) return;
    const view = progressModal('Report progress +');
    view.blocks.push({ type: 'input', block_id: 'detail', optional: true, label: plain('Detail'), element: { type: 'plain_text_input', action_id: 'text' } });
    await client.views.update({ view_id: body.view.id, hash: body.view.hash, view });
  });

  app.action('approve', async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: true, text: 'Approved ✅' });
  });

  app.message(/^hello/i, async ({ message, say }) => {
    if (message.subtype === undefined) await say({ text: `Hi <@${message.user}>!`, thread_ts: message.ts });
  });

  app.event('app_mention', async ({ event, say }) => {
    await say(`You mentioned me, <@${event.user ?? 'someone'}>`);
  });

  app.event('app_home_opened', async ({ event, client, context }) => {
    recorded.retries.push(context.retryNum);
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [{ type: 'header', text: plain('Your REAP actions') }] } });
  });

  return app;
}

describe('fake Slack + driver + Bolt 5.1', () => {
  let fake: FakeSlack;
  let app: App;
  let driver: SlackDriver;
  const recorded: Recorded = { submissions: [], closed: [], retries: [] };

  beforeAll(async () => {
    // The fake must be listening before new App(): Bolt calls auth.test from the constructor.
    fake = await startFakeSlack();
    app = buildApp(fake, recorded);
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    const { port } = server.address() as AddressInfo;
    driver = new SlackDriver({ appUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET, fake });
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
  });

  afterEach(() => {
    fake.clearViolations();
    for (const user of Object.values(PEOPLE)) fake.workspace.clearModals(user.id);
  });

  it('opens a modal from /reap and closes it when the submission is acked empty', async () => {
    const res = await driver.slashCommand({ user: ana, channel: CHANNELS.reap.id, text: '' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const opened = await fake.waitForCall('views.open');
    expect(opened.args).toMatchObject({ trigger_id: res.payload.trigger_id });
    const modal = await driver.waitForModal(ana);
    expect(modal).toMatchObject({ callback_id: 'progress', title: { text: 'Report progress' } });

    const submitted = await driver.viewSubmission({ viewId: modal.id, values: { status: 'at_risk', summary: 'Two parks opened late.' } });
    expect(submitted.status).toBe(200);
    expect(submitted.ack).toEqual({ action: 'close' });
    expect(fake.openViews(ana)).toEqual([]);
    expect(recorded.submissions.at(-1)).toEqual({
      user: ana,
      status: 'at_risk',
      summary: 'Two parks opened late.',
      metadata: JSON.stringify({ plan: 'PRNS-3' }),
    });
    driver.assertNoViolations();
  });

  it('keeps the modal open with inline errors, then accepts the corrected input', async () => {
    await driver.slashCommand({ user: ana, channel: CHANNELS.reap.id });
    const modal = await driver.waitForModal(ana);
    const first = await driver.viewSubmission({ viewId: modal.id, values: { status: 'on_track', summary: 'Too short' } });
    expect(first.ack).toEqual({ action: 'errors', errors: { summary: 'Please write at least 10 characters.' } });
    expect(fake.viewErrors(modal.id)).toEqual({ summary: 'Please write at least 10 characters.' });
    expect(fake.openViews(ana).map((v) => v.id)).toEqual([modal.id]);

    await driver.viewSubmission({ viewId: modal.id, values: { summary: 'Long enough this time.' } });
    expect(fake.openViews(ana)).toEqual([]);
    expect(recorded.submissions.at(-1)).toMatchObject({ status: 'on_track', summary: 'Long enough this time.' });
    driver.assertNoViolations();
  });

  it('refuses to submit when a required input is empty, as Slack’s client would', async () => {
    await driver.slashCommand({ user: ana, channel: CHANNELS.reap.id });
    const modal = await driver.waitForModal(ana);
    await expect(driver.viewSubmission({ viewId: modal.id, values: { summary: 'No status chosen here.' } })).rejects.toThrow(
      /required inputs are empty: status/,
    );
  });

  it('flags an invalid view returned in an ack and leaves the modal as it was', async () => {
    await driver.slashCommand({ user: ana, channel: CHANNELS.reap.id });
    const modal = await driver.waitForModal(ana);
    const res = await driver.viewSubmission({ viewId: modal.id, values: { status: 'on_track', summary: 'BROKEN on purpose' } });
    expect(res.ack).toMatchObject({ action: 'update' });
    expect(fake.openViews(ana)).toMatchObject([{ id: modal.id, title: { text: 'Report progress' } }]);
    expect(() => driver.assertNoViolations()).toThrow(/ack:view_submission: invalid_arguments at \/view\/title\/text: must be less than 25 characters/);
  });

  it('updates the open modal from a button in it, using the view hash', async () => {
    await driver.slashCommand({ user: ana, channel: CHANNELS.reap.id });
    const modal = await driver.waitForModal(ana);
    const click = await driver.blockAction({ user: ana, viewId: modal.id, actionId: 'add_detail' });
    expect(click.status).toBe(200);
    await fake.waitForCall('views.update');
    expect(fake.calls('views.update')[0]?.args).toMatchObject({ view_id: modal.id, hash: modal.hash });
    const updated = fake.openViews(ana).at(-1);
    expect(updated).toMatchObject({ id: modal.id, title: { text: 'Report progress +' } });
    expect(updated?.hash).not.toBe(modal.hash);
    driver.assertNoViolations();
  });

  it('tells the app when the user closes a notify_on_close modal', async () => {
    await driver.slashCommand({ user: ana, channel: CHANNELS.reap.id });
    const modal = await driver.waitForModal(ana);
    const res = await driver.viewClosed({ viewId: modal.id });
    expect(res?.status).toBe(200);
    expect(recorded.closed).toContain(modal.id);
    expect(fake.openViews(ana)).toEqual([]);
  });

  it('shows a slash command’s ack as an ephemeral and respond() in the channel', async () => {
    const res = await driver.slashCommand({ user: ana, channel: CHANNELS.reap.id, text: 'ping' });
    expect(res.json).toEqual({ response_type: 'ephemeral', text: 'pong' });
    expect(fake.ephemerals(ana).at(-1)).toMatchObject({ channel: CHANNELS.reap.id, text: 'pong' });
    await fake.waitFor(() => fake.messages(CHANNELS.reap.id).find((m) => m.source === 'response_url'));
    expect(fake.messages(CHANNELS.reap.id).at(-1)?.text).toBe(`<@${ana}> asked for a ping`);
    driver.assertNoViolations();
  });

  it('replaces the original message through respond() after a button click', async () => {
    const posted = await app.client.chat.postMessage({
      channel: CHANNELS.reap.id,
      text: 'Approve the Parks plan?',
      blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'approve', text: plain('Approve'), style: 'primary' }] }],
    });
    await driver.blockAction({ user: ana, channel: CHANNELS.reap.id, messageTs: posted.ts ?? '', actionId: 'approve' });
    await fake.waitFor(() => fake.messages(CHANNELS.reap.id).find((m) => m.ts === posted.ts && m.text === 'Approved ✅'));
    driver.assertNoViolations();
  });

  it('publishes the Home tab on app_home_opened and passes Slack’s retry headers to the app', async () => {
    const res = await driver.appHomeOpened(ana);
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.homeView(ana));
    expect(fake.homeView(ana)?.blocks).toMatchObject([{ type: 'header', text: { text: 'Your REAP actions' } }]);
    await driver.appHomeOpened(ana, {}, { retryNum: 1, retryReason: 'http_timeout' });
    await fake.waitFor(() => recorded.retries.length === 2);
    expect(recorded.retries).toEqual([undefined, 1]);
    driver.assertNoViolations();
  });

  it('answers channel messages and mentions, and ignores its own messages', async () => {
    const hello = await driver.messageEvent({ user: ana, channel: CHANNELS.reap.id, text: 'hello bot' });
    expect(hello.status).toBe(200);
    const reply = await fake.waitFor(() => fake.messages(CHANNELS.reap.id).find((m) => m.text === `Hi <@${ana}>!`));
    expect(reply.thread_ts).toBe(fake.messages(CHANNELS.reap.id).find((m) => m.text === 'hello bot')?.ts);

    const mention = await driver.messageEvent({ user: ana, channel: CHANNELS.reap.id, text: `<@${fake.bot.userId}> status?` });
    expect(mention.mention?.status).toBe(200);
    await fake.waitFor(() => fake.messages(CHANNELS.reap.id).find((m) => m.text === `You mentioned me, <@${ana}>`));

    // Bolt's ignoreSelf drops events carrying the bot's own user id (learned from auth.test).
    const before = fake.calls('chat.postMessage').length;
    await driver.event({ type: 'message', channel: CHANNELS.reap.id, user: fake.bot.userId, text: 'hello from myself', ts: '1.000001' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.calls('chat.postMessage')).toHaveLength(before);
    driver.assertNoViolations();
  });

  it('is refused by Bolt when the signature is forged or stale', async () => {
    const forged = await driver.slashCommand({ user: ana, channel: CHANNELS.reap.id }, { signature: `v0=${'0'.repeat(64)}` });
    const stale = await driver.slashCommand({ user: ana, channel: CHANNELS.reap.id }, { timestamp: Math.floor(Date.now() / 1000) - 400 });
    expect([forged.status, stale.status]).toEqual([401, 401]);
    expect(fake.calls('views.open').filter((c) => c.args.trigger_id === forged.payload.trigger_id)).toEqual([]);
    driver.assertNoViolations();
  });
});
