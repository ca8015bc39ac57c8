import { ErrorCode, type WebAPIPlatformError, type WebClient } from '@slack/web-api';
import type { ModalView } from '@slack/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock, TRIGGER_TTL_MS, type FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import { CLOSED_VIEWS_KEPT } from '../../../src/sandbox/fake-slack/workspace.js';
import { PEOPLE, startFakeSlack, webClient } from '../../support/fake-slack-fixture.js';

async function errorCode(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    const e = error as WebAPIPlatformError;
    if (e.code !== ErrorCode.PlatformError) throw error;
    return e.data.error;
  }
  throw new Error('expected the call to fail');
}

const modal = (title: string, extra: Partial<ModalView> = {}): ModalView => ({
  type: 'modal',
  callback_id: 'progress',
  title: { type: 'plain_text', text: title },
  submit: { type: 'plain_text', text: 'Save' },
  blocks: [
    {
      type: 'input',
      block_id: 'note',
      label: { type: 'plain_text', text: 'Note' },
      element: { type: 'plain_text_input', action_id: 'text', initial_value: 'first draft' },
    },
  ],
  ...extra,
});

let fake: FakeSlack;
let clock: ManualClock;
let client: WebClient;
const ana = PEOPLE.ana.id;

beforeEach(async () => {
  clock = new ManualClock(new Date('2026-03-02T16:00:00Z'));
  fake = await startFakeSlack({ clock });
  client = webClient(fake);
});

afterEach(async () => {
  await fake.stop();
});

describe('trigger_id', () => {
  it('opens a modal for the user the trigger belongs to and returns Slack’s view object', async () => {
    const res = await client.views.open({ trigger_id: fake.issueTriggerId(ana), view: modal('Progress') });
    expect(res.view).toMatchObject({
      type: 'modal',
      callback_id: 'progress',
      team_id: 'T0CITY',
      app_id: 'A0REAP',
      bot_id: 'B0BOT',
      previous_view_id: null,
      state: { values: { note: { text: { type: 'plain_text_input', value: 'first draft' } } } },
    });
    expect(res.view?.root_view_id).toBe(res.view?.id);
    expect(res.view?.hash).toMatch(/^\d+\.\w{8}$/);
    expect(fake.openViews(ana).map((v) => v.id)).toEqual([res.view?.id]);
  });

  it('can be used once only', async () => {
    const trigger = fake.issueTriggerId(ana);
    await client.views.open({ trigger_id: trigger, view: modal('Once') });
    expect(await errorCode(client.views.open({ trigger_id: trigger, view: modal('Twice') }))).toBe('exchanged_trigger_id');
    fake.assertNoViolations({ allow: ['exchanged_trigger_id'] });
  });

  it('expires after 3 seconds of the fake’s clock', async () => {
    const trigger = fake.issueTriggerId(ana);
    clock.advance(TRIGGER_TTL_MS + 1);
    expect(await errorCode(client.views.open({ trigger_id: trigger, view: modal('Late') }))).toBe('expired_trigger_id');
    expect(fake.openViews(ana)).toEqual([]);
  });

  it('is still valid at exactly 3 seconds', async () => {
    const trigger = fake.issueTriggerId(ana);
    clock.advance(TRIGGER_TTL_MS);
    await expect(client.views.open({ trigger_id: trigger, view: modal('Just in time') })).resolves.toMatchObject({ ok: true });
  });

  it('rejects ids Slack never issued', async () => {
    expect(await errorCode(client.views.open({ trigger_id: '12345.67890.deadbeef', view: modal('X') }))).toBe('invalid_trigger_id');
    expect(await errorCode(client.views.open({ trigger_id: 'not-a-trigger', view: modal('X') }))).toBe('invalid_trigger_id');
  });

  it('is not spent by a call that fails validation', async () => {
    const trigger = fake.issueTriggerId(ana);
    const bad = await client.views.open({ trigger_id: trigger, view: modal('x'.repeat(25)) }).catch((e: WebAPIPlatformError) => e.data);
    expect(bad).toMatchObject({
      error: 'invalid_arguments',
      response_metadata: { messages: expect.arrayContaining(['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]']) },
    });
    await expect(client.views.open({ trigger_id: trigger, view: modal('Fixed') })).resolves.toMatchObject({ ok: true });
  });
});

describe('view stack', () => {
  it('holds at most 3 views and answers push_limit_reached for a fourth', async () => {
    const root = await client.views.open({ trigger_id: fake.issueTriggerId(ana), view: modal('One') });
    const second = await client.views.push({ trigger_id: fake.issueTriggerId(ana), view: modal('Two') });
    expect(second.view).toMatchObject({ root_view_id: root.view?.id, previous_view_id: root.view?.id });
    await client.views.push({ trigger_id: fake.issueTriggerId(ana), view: modal('Three') });
    expect(await errorCode(client.views.push({ trigger_id: fake.issueTriggerId(ana), view: modal('Four') }))).toBe('push_limit_reached');
    expect(fake.openViews(ana).map((v) => v.title.text)).toEqual(['One', 'Two', 'Three']);
  });

  it('refuses to push when no modal is open', async () => {
    expect(await errorCode(client.views.push({ trigger_id: fake.issueTriggerId(ana), view: modal('Alone') }))).toBe('not_found');
  });
});

describe('views.update', () => {
  it('returns a new hash each time and refuses a stale one with hash_conflict', async () => {
    const opened = await client.views.open({ trigger_id: fake.issueTriggerId(ana), view: modal('v1') });
    const viewId = opened.view?.id ?? '';
    const firstHash = opened.view?.hash ?? '';
    const updated = await client.views.update({ view_id: viewId, hash: firstHash, view: modal('v2') });
    expect(updated.view?.hash).not.toBe(firstHash);
    expect(await errorCode(client.views.update({ view_id: viewId, hash: firstHash, view: modal('v3') }))).toBe('hash_conflict');
    expect(fake.view(viewId)?.title.text).toBe('v2');
    // Without a hash, the update always wins.
    await expect(client.views.update({ view_id: viewId, view: modal('v3') })).resolves.toMatchObject({ ok: true });
  });

  it('keeps what the user typed when block_id and action_id are unchanged', async () => {
    const opened = await client.views.open({ trigger_id: fake.issueTriggerId(ana), view: modal('Typing') });
    const viewId = opened.view?.id ?? '';
    const note = fake.workspace.view(viewId)?.state.note;
    if (note) note.text = { type: 'plain_text_input', value: 'typed by Ana' };
    const updated = await client.views.update({ view_id: viewId, view: modal('Still typing') });
    expect(updated.view?.state).toEqual({ values: { note: { text: { type: 'plain_text_input', value: 'typed by Ana' } } } });
  });

  it('finds views by external_id, and not_found once the modal is gone', async () => {
    await client.views.open({ trigger_id: fake.issueTriggerId(ana), view: modal('Ext', { external_id: 'plan-42' }) });
    await expect(client.views.update({ external_id: 'plan-42', view: modal('Ext 2', { external_id: 'plan-42' }) })).resolves.toMatchObject({ ok: true });
    fake.workspace.clearModals(ana);
    fake.clearViolations();
    expect(await errorCode(client.views.update({ external_id: 'plan-42', view: modal('Gone') }))).toBe('not_found');
    // Closed by the person while the app worked: an answer to handle, not the app's mistake.
    expect(fake.violations()).toEqual([]);
    expect(await errorCode(client.views.update({ view_id: 'V0NOPE', view: modal('Nope') }))).toBe('not_found');
    expect(fake.violations().map((v) => v.code)).toEqual(['not_found']);
    fake.clearViolations();
  });
});

describe('memory of a long run', () => {
  it('forgets a closed modal once 1,000 more have closed, and still answers a late update as for a closed one', async () => {
    const first = await client.views.open({ trigger_id: fake.issueTriggerId(ana), view: modal('First') });
    const firstId = first.view?.id ?? '';
    fake.workspace.clearModals(ana);
    expect(fake.workspace.view(firstId)?.definition.title).toMatchObject({ text: 'First' });
    for (let i = 0; i < CLOSED_VIEWS_KEPT; i++) {
      await client.views.open({ trigger_id: fake.issueTriggerId(ana), view: modal(`Form ${i}`) });
      fake.workspace.clearModals(ana);
    }
    expect(fake.workspace.view(firstId)).toBeUndefined();
    const open = await client.views.open({ trigger_id: fake.issueTriggerId(ana), view: modal('Open now') });
    // The person's open modal is never forgotten, however many closed before it.
    expect(fake.workspace.view(open.view?.id ?? '')?.definition.title).toMatchObject({ text: 'Open now' });
    fake.clearViolations();
    expect(await errorCode(client.views.update({ view_id: firstId, view: modal('Too late') }))).toBe('not_found');
    expect(fake.violations()).toEqual([]);
  });

  it('keeps the most recent calls in its log, up to its limit', async () => {
    const small = await startFakeSlack({ journalLimit: 10 });
    try {
      const c = webClient(small);
      for (let i = 0; i < 25; i++) await c.auth.test();
      const calls = small.calls();
      expect(calls.length).toBeGreaterThanOrEqual(9);
      expect(calls.length).toBeLessThanOrEqual(10);
      expect(calls.at(-1)?.seq).toBe(25);
      expect(calls.map((call) => call.seq)).toEqual(calls.map((_, i) => 25 - calls.length + 1 + i));
    } finally {
      await small.stop();
    }
  });
});

describe('views.publish', () => {
  const home = (text: string) => ({ type: 'home' as const, blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text } }] });

  it('stores one Home view per user, with new hashes and hash_conflict for stale ones', async () => {
    const first = await client.views.publish({ user_id: ana, view: home('Welcome') });
    const second = await client.views.publish({ user_id: ana, view: home('Updated'), hash: first.view?.hash ?? '' });
    expect(second.view?.id).toBe(first.view?.id);
    expect(await errorCode(client.views.publish({ user_id: ana, view: home('Stale'), hash: first.view?.hash ?? '' }))).toBe('hash_conflict');
    expect(fake.homeView(ana)?.blocks).toMatchObject([{ text: { text: 'Updated' } }]);
  });

  it('only accepts home views for real users, and only when the Home tab is enabled', async () => {
    expect(await errorCode(client.views.publish({ user_id: ana, view: modal('Wrong type') as never }))).toBe('invalid_arguments');
    expect(await errorCode(client.views.publish({ user_id: 'U0NOBODY', view: home('x') }))).toBe('user_not_found');
    const disabled = await startFakeSlack({ homeTabEnabled: false });
    try {
      expect(await errorCode(webClient(disabled).views.publish({ user_id: ana, view: home('x') }))).toBe('not_enabled');
    } finally {
      await disabled.stop();
    }
  });
});
