import { isValidSlackRequest } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FORM_CONTENT_TYPE,
  enterViewValues,
  messageActionPayload,
  messageShortcutPayload,
  missingRequiredInputs,
  slashCommandPayload,
  userMessageEvents,
  viewActionPayload,
  type FakeSlack,
} from '../../../src/sandbox/fake-slack/index.js';
import { CHANNELS, PEOPLE, startFakeSlack, webClient } from '../../support/fake-slack-fixture.js';
import { signRequest } from '../../support/slack-driver.js';

let fake: FakeSlack;

beforeEach(async () => {
  fake = await startFakeSlack();
});

afterEach(async () => {
  await fake.stop();
});

describe('signRequest', () => {
  it('produces signatures Bolt’s own verifier accepts, and only for the exact body', () => {
    const body = 'token=x&team_id=T0CITY&command=%2Freap&text=status';
    const ts = Math.floor(Date.now() / 1000);
    const signature = signRequest('s3cret', body, ts);
    expect(signature).toMatch(/^v0=[0-9a-f]{64}$/);
    const headers = { 'x-slack-signature': signature, 'x-slack-request-timestamp': ts };
    expect(isValidSlackRequest({ signingSecret: 's3cret', body, headers })).toBe(true);
    expect(isValidSlackRequest({ signingSecret: 's3cret', body: `${body}&x=1`, headers })).toBe(false);
    expect(isValidSlackRequest({ signingSecret: 'other', body, headers })).toBe(false);
  });
});

describe('payloads Slack would send', () => {
  it('builds a slash command with every field Bolt’s SlashCommand has, and a live trigger and response_url', async () => {
    const payload = slashCommandPayload(fake, { user: PEOPLE.ana.id, channel: CHANNELS.reap.id, text: 'status parks' });
    expect(Object.keys(payload)).toEqual([
      'token',
      'team_id',
      'team_domain',
      'channel_id',
      'channel_name',
      'user_id',
      'user_name',
      'command',
      'text',
      'api_app_id',
      'is_enterprise_install',
      'response_url',
      'trigger_id',
    ]);
    expect(payload).toMatchObject({ command: '/reap', channel_name: 'reap-updates', user_name: 'ana', team_id: 'T0CITY' });
    expect(payload.response_url.startsWith(`${fake.origin}/_fake/response/`)).toBe(true);
    expect(FORM_CONTENT_TYPE).toBe('application/x-www-form-urlencoded');
    await expect(
      webClient(fake).views.open({ trigger_id: payload.trigger_id, view: { type: 'modal', title: { type: 'plain_text', text: 'Hi' }, blocks: [] } }),
    ).resolves.toMatchObject({ ok: true });
  });

  it('builds a message block_actions payload with the message, state and a response_url', async () => {
    const posted = await webClient(fake).chat.postMessage({
      channel: CHANNELS.reap.id,
      text: 'Pick a status',
      blocks: [
        {
          type: 'actions',
          block_id: 'status',
          elements: [
            { type: 'button', action_id: 'approve', text: { type: 'plain_text', text: 'Approve' }, value: 'plan-7' },
            {
              type: 'static_select',
              action_id: 'pick',
              options: [{ text: { type: 'plain_text', text: 'At risk' }, value: 'at_risk' }],
            },
          ],
        },
      ],
    });
    const click = messageActionPayload(fake, { user: PEOPLE.ana.id, channel: CHANNELS.reap.id, messageTs: posted.ts ?? '', actionId: 'approve' });
    expect(click).toMatchObject({
      type: 'block_actions',
      container: { type: 'message', message_ts: posted.ts, channel_id: CHANNELS.reap.id, is_ephemeral: false },
      channel: { id: CHANNELS.reap.id, name: 'reap-updates' },
      message: { ts: posted.ts, text: 'Pick a status' },
      actions: [{ type: 'button', action_id: 'approve', block_id: 'status', value: 'plan-7', text: { text: 'Approve' } }],
    });
    expect(click.response_url).toMatch(/\/_fake\/response\//);
    const pick = messageActionPayload(fake, { user: PEOPLE.ana.id, channel: CHANNELS.reap.id, messageTs: posted.ts ?? '', actionId: 'pick', value: 'at_risk' });
    expect(pick.actions[0]).toMatchObject({ type: 'static_select', selected_option: { value: 'at_risk', text: { text: 'At risk' } } });
    expect(pick.state?.values.status?.pick).toMatchObject({ selected_option: { value: 'at_risk' } });
    expect(() =>
      messageActionPayload(fake, { user: PEOPLE.ana.id, channel: CHANNELS.reap.id, messageTs: posted.ts ?? '', actionId: 'pick', value: 'on_fire' }),
    ).toThrow(/option "on_fire" is not offered/);
  });

  it('builds a message shortcut payload on a message the person can see, with a trigger and a response_url for the conversation', async () => {
    const [event] = userMessageEvents(fake, { user: PEOPLE.ana.id, channel: CHANNELS.reap.id, text: 'Ran <https://x.org|two sessions>' });
    const ts = String(event?.ts);
    const payload = messageShortcutPayload(fake, { user: PEOPLE.ana.id, channel: CHANNELS.reap.id, messageTs: ts, callbackId: 'reap_report_message' });
    expect(payload).toMatchObject({
      type: 'message_action',
      callback_id: 'reap_report_message',
      message_ts: ts,
      channel: { id: CHANNELS.reap.id, name: 'reap-updates' },
      user: { id: PEOPLE.ana.id, name: 'ana' },
      team: { id: 'T0CITY' },
      message: { type: 'message', ts, user: PEOPLE.ana.id, text: 'Ran <https://x.org|two sessions>' },
    });
    expect(payload.message).not.toHaveProperty('source');
    expect(payload.response_url).toMatch(/\/_fake\/response\//);
    const client = webClient(fake);
    await expect(
      client.views.open({ trigger_id: payload.trigger_id, view: { type: 'modal', title: { type: 'plain_text', text: 'Hi' }, blocks: [] } }),
    ).resolves.toMatchObject({ ok: true });
    // Ben can read a public channel he has not joined; nobody runs a shortcut on an ephemeral,
    // a message that is not there, or in a private channel they are not in.
    expect(messageShortcutPayload(fake, { user: PEOPLE.ben.id, channel: CHANNELS.reap.id, messageTs: ts, callbackId: 'x' }).user.id).toBe(PEOPLE.ben.id);
    const ephemeral = await client.chat.postEphemeral({ channel: CHANNELS.reap.id, user: PEOPLE.ana.id, text: 'only you' });
    expect(() =>
      messageShortcutPayload(fake, { user: PEOPLE.ana.id, channel: CHANNELS.reap.id, messageTs: ephemeral.message_ts ?? '', callbackId: 'x' }),
    ).toThrow(/no message/);
    expect(() => messageShortcutPayload(fake, { user: PEOPLE.ana.id, channel: CHANNELS.leads.id, messageTs: ts, callbackId: 'x' })).toThrow(/cannot see/);
  });

  it('gives a permalink only for messages the bot can read (chat.getPermalink)', async () => {
    const client = webClient(fake);
    const [event] = userMessageEvents(fake, { user: PEOPLE.ana.id, channel: CHANNELS.general.id, text: 'in a channel the bot has not joined' });
    const reply = await client.chat.getPermalink({ channel: CHANNELS.general.id, message_ts: String(event?.ts) });
    expect(reply.permalink).toBe(`https://${fake.team.domain}.slack.com/archives/${CHANNELS.general.id}/p${String(event?.ts).replace('.', '')}`);
    fake.addChannel({ id: 'G0SECRET', name: 'secret', is_private: true, members: [PEOPLE.ana.id] });
    const [hidden] = userMessageEvents(fake, { user: PEOPLE.ana.id, channel: 'G0SECRET', text: 'private' });
    await expect(client.chat.getPermalink({ channel: 'G0SECRET', message_ts: String(hidden?.ts) })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(client.chat.getPermalink({ channel: CHANNELS.general.id, message_ts: '1.000001' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('builds a view block_actions payload without response_url and remembers the pick in the view', async () => {
    const opened = await webClient(fake).views.open({
      trigger_id: fake.issueTriggerId(PEOPLE.ana.id),
      view: {
        type: 'modal',
        title: { type: 'plain_text', text: 'Plan' },
        submit: { type: 'plain_text', text: 'Save' },
        blocks: [
          {
            type: 'input',
            block_id: 'dept',
            dispatch_action: true,
            label: { type: 'plain_text', text: 'Department' },
            element: {
              type: 'static_select',
              action_id: 'choose',
              options: [
                { text: { type: 'plain_text', text: 'Library' }, value: 'LIB' },
                { text: { type: 'plain_text', text: 'Parks' }, value: 'PRNS' },
              ],
            },
          },
          {
            type: 'input',
            block_id: 'note',
            label: { type: 'plain_text', text: 'Note' },
            element: { type: 'plain_text_input', action_id: 'text', max_length: 20 },
          },
        ],
      },
    });
    const viewId = opened.view?.id ?? '';
    const payload = viewActionPayload(fake, { user: PEOPLE.ana.id, viewId, actionId: 'choose', value: 'PRNS' });
    expect(payload.container).toEqual({ type: 'view', view_id: viewId });
    expect(payload).not.toHaveProperty('response_url');
    expect(payload.view?.state.values.dept?.choose?.selected_option?.value).toBe('PRNS');
    expect(fake.view(viewId)?.state.values.dept?.choose?.selected_option?.value).toBe('PRNS');
    // Non-dispatching inputs never produce block_actions in Slack.
    expect(() => viewActionPayload(fake, { user: PEOPLE.ana.id, viewId, actionId: 'text', value: 'x' })).toThrow(/dispatch_action/);

    const view = fake.workspace.view(viewId);
    if (!view) throw new Error('view missing');
    expect(missingRequiredInputs(view)).toEqual(['note']);
    expect(() => enterViewValues(view, { note: 'x'.repeat(21) })).toThrow(/at most 20 characters/);
    enterViewValues(view, { text: 'typed via action_id' });
    expect(missingRequiredInputs(view)).toEqual([]);
  });
});
