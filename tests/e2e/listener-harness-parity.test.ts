// The listener harness (startListenerApp) answers Slack as the real app over HTTP does.
//
// Why this exists: most end-to-end tests run on the harness, which hands each request to
// Bolt's processEvent and skips the HTTP server, the signature check and the front door's
// thread. Those tests are only worth something if what Slack would get back is the same
// either way. So the same requests go to both, with the same seeded data and clock, and
// their answers must match: status code, content type and body, byte for byte. If this
// fails, fix the harness (tests/support/listener-app.ts) before trusting a listener test.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryResult } from '../../src/sandbox/fake-slack/index.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { SlackDriver } from '../support/slack-driver.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0GENERAL';
const GRACE = 'U0LIB03'; // Library staff, English, owns LIB 1.1 and 2.1

type DrivenApp = Pick<ListenerApp, 'fake' | 'driver'>;
type Block = { block_id: string; accessory?: { action_id: string; value?: string } };

/** What Slack acts on in an answer. */
const answer = (r: DeliveryResult) => ({ status: r.status, contentType: r.headers['content-type'], body: r.body });

describe('the listener harness answers as the app over HTTP does', () => {
  let http: TestApp;
  let harness: ListenerApp;

  beforeAll(async () => {
    [http, harness] = await Promise.all([startTestApp({ now: () => NOW }), startListenerApp({ now: () => NOW })]);
  });
  afterAll(async () => {
    await http?.stop();
    await harness?.stop();
  });
  afterEach(() => {
    for (const app of [http, harness]) {
      app.fake.workspace.clearModals(GRACE);
      app.driver.assertNoViolations();
    }
  });

  /** Sends the same request to both apps; their answers must match. Returns that answer. */
  async function sameAnswer(send: (app: DrivenApp) => Promise<DeliveryResult>): Promise<DeliveryResult> {
    const [overHttp, viaHarness] = await Promise.all([send(http), send(harness)]);
    expect(answer(viaHarness)).toEqual(answer(overHttp));
    return overHttp;
  }

  /** The update form `user` has open once it is filled in. */
  const updateForm = (app: DrivenApp, user: string) =>
    app.fake.waitFor(
      () => {
        const top = app.fake.openViews(user).at(-1);
        return top?.callback_id === 'reap.update' && top.blocks.some((b) => b.block_id === 'narrative') ? top : undefined;
      },
      5000,
      'the update form',
    );

  /** Grace's /reap plan page, with an Update button next to each strategy she may report on. */
  async function planPage(app: DrivenApp): Promise<{ ts: string; blocks?: unknown }> {
    const before = app.fake.ephemerals(GRACE).length;
    await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'plan' });
    const page = await app.fake.waitFor(() => app.fake.ephemerals(GRACE)[before], 5000, 'the plan page');
    return page!;
  }
  const updateButton = (page: { blocks?: unknown }) => {
    const block = (page.blocks as Block[]).find((b) => b.accessory?.action_id === 'update:open')!;
    return { blockId: block.block_id, value: block.accessory!.value };
  };

  it('answers /reap help with the same message in the ack', async () => {
    const res = await sameAnswer((app) => app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'help' }));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_type: 'ephemeral', text: 'REAP Tracker commands' });
  });

  it('answers /reap update with text that cannot name a strategy in the ack, the same way', async () => {
    const res = await sameAnswer((app) => app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'update 2.3.4' }));
    expect(res.json).toMatchObject({ response_type: 'ephemeral' });
    expect((res.json as { text: string }).text).toContain('I couldn’t find a strategy “2.3.4” that you can report on.');
    for (const app of [http, harness]) expect(app.fake.openViews(GRACE)).toEqual([]);
  });

  it('acks /reap update 1.2 empty at once and opens the same form', async () => {
    const res = await sameAnswer((app) => app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'update 1.2' }));
    expect(answer(res)).toEqual({ status: 200, contentType: undefined, body: '' });
    const [a, b] = await Promise.all([updateForm(http, GRACE), updateForm(harness, GRACE)]);
    expect(b.title).toEqual(a.title);
    expect(b.blocks.map((x) => x.block_id)).toEqual(a.blocks.map((x) => x.block_id));
  });

  it('acks a button empty, and answers a Submit with a field’s problem as response_action errors, the same way', async () => {
    // The Update button next to a strategy on Grace's /reap plan page.
    const [httpPage, harnessPage] = await Promise.all([planPage(http), planPage(harness)]);
    expect(updateButton(harnessPage).value).toBe(updateButton(httpPage).value);
    const clicked = await sameAnswer((app) => {
      const page = app === http ? httpPage : harnessPage;
      return app.driver.blockAction({ user: GRACE, channel: CHANNEL, messageTs: page.ts, actionId: 'update:open', blockId: updateButton(page).blockId });
    });
    expect(answer(clicked)).toEqual({ status: 200, contentType: undefined, body: '' });

    // Spaces in the required narrative: the service refuses them, under the field.
    const [httpForm, harnessForm] = await Promise.all([updateForm(http, GRACE), updateForm(harness, GRACE)]);
    const submitted = await sameAnswer((app) =>
      app.driver.viewSubmission({ viewId: (app === http ? httpForm : harnessForm).id, values: { narrative: '   ' } }),
    );
    expect(submitted.json).toEqual({ response_action: 'errors', errors: { narrative: 'Please fill this in.' } });
  });

  it('acks an event no listener wants empty, as Bolt does', async () => {
    const res = await sameAnswer((app) =>
      app.driver.event({
        type: 'reaction_added',
        user: GRACE,
        reaction: 'tada',
        item: { type: 'message', channel: CHANNEL, ts: '1700000000.000100' },
        event_ts: '1700000001.000100',
      }),
    );
    expect(answer(res)).toEqual({ status: 200, contentType: undefined, body: '' });
  });

  it('answers a request nothing handles with 404 after Slack’s 3 seconds, as Bolt does', async () => {
    // A command the app does not have: no listener acks it, so Bolt's timer answers.
    const res = await sameAnswer((app) => {
      const loose = new SlackDriver({ transport: app.driver.transport, fake: app.fake, strict: false });
      return loose.slashCommand({ user: GRACE, channel: CHANNEL, command: '/notreap', text: 'help' });
    });
    expect(res.status).toBe(404);
    expect(res.ms).toBeGreaterThanOrEqual(2900);
  });

  it('refuses, rather than answers, what only HTTP can test: a forged signature', async () => {
    // Over HTTP the front door turns it away; the harness has no signature to check and says
    // so, pointing to startTestApp, instead of answering as if it had been signed.
    const forged = { signature: 'v0=forged' };
    const overHttp = await http.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'help' }, forged);
    expect(overHttp.status).toBe(401);
    await expect(harness.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'help' }, forged)).rejects.toThrow(/startTestApp/);
  });
});
