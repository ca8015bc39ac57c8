import { ErrorCode, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock, type FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import { CHANNELS, PEOPLE, rawCall, startFakeSlack, webClient } from '../../support/fake-slack-fixture.js';

/** The `data` of the WebAPIPlatformError Slack's client throws for `ok:false`. */
async function platformError(call: Promise<unknown>): Promise<WebAPIPlatformError['data']> {
  try {
    await call;
  } catch (error) {
    const e = error as WebAPIPlatformError;
    if (e.code !== ErrorCode.PlatformError) throw error;
    return e.data;
  }
  throw new Error('expected the call to fail');
}

let fake: FakeSlack;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock(new Date('2026-01-15T17:00:00Z'));
  fake = await startFakeSlack({ clock });
});

afterEach(async () => {
  await fake.stop();
});

describe('transport and authentication', () => {
  it('answers auth.test with the bot identity Bolt needs', async () => {
    const res = await webClient(fake).auth.test();
    expect(res).toMatchObject({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0CITY', team: 'City of San José' });
    expect(res.url).toBe('https://sanjose-city.slack.com/');
  });

  it('tells the app its own app id through bots.info, and bot_not_found for others', async () => {
    const res = await webClient(fake).bots.info({ bot: 'B0BOT' });
    expect(res.bot).toMatchObject({ id: 'B0BOT', app_id: 'A0REAP', user_id: 'U0BOT' });
    expect((await platformError(webClient(fake).bots.info({ bot: 'B0OTHER' }))).error).toBe('bot_not_found');
  });

  it('refuses a missing, unknown or revoked token', async () => {
    expect((await rawCall(fake, 'auth.test', '', {})).json).toEqual({ ok: false, error: 'not_authed' });
    expect((await platformError(webClient(fake, 'xoxb-wrong').auth.test())).error).toBe('invalid_auth');
    fake.revokeToken();
    expect((await platformError(webClient(fake).auth.test())).error).toBe('token_revoked');
  });

  it('accepts the token as a form field and JSON bodies with a Bearer header', async () => {
    const form = await rawCall(fake, 'auth.test', `token=${fake.botToken}`, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.json).toMatchObject({ ok: true, user_id: 'U0BOT' });
    expect(form.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const json = await rawCall(fake, 'chat.postMessage', JSON.stringify({ channel: CHANNELS.reap.id, blocks: [{ type: 'divider' }], text: 'x' }), {
      'content-type': 'application/json; charset=utf-8',
      authorization: `Bearer ${fake.botToken}`,
    });
    expect(json).toMatchObject({ status: 200, json: { ok: true, channel: CHANNELS.reap.id } });
  });

  it('answers unknown_method for methods it does not implement', async () => {
    expect((await platformError(webClient(fake).apiCall('reactions.fly'))).error).toBe('unknown_method');
  });

  it('logs every call with arguments and response, without the token', async () => {
    const seen: string[] = [];
    fake.on('call', (call) => seen.push(call.method));
    await webClient(fake).chat.postMessage({ channel: CHANNELS.reap.id, text: 'Hello' });
    const [call] = fake.calls('chat.postMessage');
    expect(call?.args).toMatchObject({ channel: CHANNELS.reap.id, text: 'Hello' });
    expect(call?.args).not.toHaveProperty('token');
    expect(call?.response).toMatchObject({ ok: true });
    expect(seen).toEqual(['chat.postMessage']);
  });
});

describe('chat.*', () => {
  it('stores a posted message with a unique increasing ts', async () => {
    const client = webClient(fake);
    const first = await client.chat.postMessage({ channel: CHANNELS.reap.id, text: 'one' });
    const second = await client.chat.postMessage({ channel: CHANNELS.reap.id, text: 'two' });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(fake.messages(CHANNELS.reap.id).map((m) => m.text)).toEqual(['one', 'two']);
    expect(first.message).toMatchObject({ user: 'U0BOT', bot_id: 'B0BOT', text: 'one' });
  });

  it('posts to a user id through the bot DM', async () => {
    const res = await webClient(fake).chat.postMessage({ channel: PEOPLE.ana.id, text: 'Your report is due' });
    expect(res.channel).toMatch(/^D/);
    expect(fake.messages(fake.dmChannelId(PEOPLE.ana.id))).toHaveLength(1);
  });

  it('needs text, blocks, attachments or markdown_text', async () => {
    expect((await platformError(webClient(fake).chat.postMessage({ channel: CHANNELS.reap.id } as never))).error).toBe('no_text');
  });

  it('rejects invalid blocks with Slack’s messages and records violations', async () => {
    const data = await platformError(
      webClient(fake).chat.postMessage({
        channel: CHANNELS.reap.id,
        text: 'x',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'y'.repeat(3001) } }],
      }),
    );
    expect(data.error).toBe('invalid_blocks');
    expect(data.response_metadata?.messages).toEqual([
      '[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/text]',
      '[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
    ]);
    expect(fake.violations()).toMatchObject([{ method: 'chat.postMessage', code: 'invalid_blocks', pointer: '/blocks/0/text/text' }]);
    expect(() => fake.assertNoViolations()).toThrow(/chat\.postMessage: invalid_blocks at \/blocks\/0\/text\/text/);
    expect(fake.messages(CHANNELS.reap.id)).toEqual([]);
  });

  it('answers invalid_blocks_format when blocks is not a JSON array', async () => {
    const res = await rawCall(fake, 'chat.postMessage', `channel=${CHANNELS.reap.id}&blocks=%7Bnope`, {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Bearer ${fake.botToken}`,
    });
    expect(res.json).toMatchObject({ ok: false, error: 'invalid_blocks_format' });
  });

  it('enforces where the bot may post', async () => {
    const client = webClient(fake);
    const post = (channel: string) => platformError(client.chat.postMessage({ channel, text: 'hi' }));
    expect((await post('C0NOPE')).error).toBe('channel_not_found');
    expect((await post(CHANNELS.general.id)).error).toBe('not_in_channel');
    expect((await post(CHANNELS.old.id)).error).toBe('is_archived');
    expect((await post(PEOPLE.gone.id)).error).toBe('account_inactive');
    fake.clearViolations();
  });

  it('lets chat:write.public post to public channels without joining', async () => {
    const open = await startFakeSlack({ chatWritePublic: true });
    try {
      await expect(webClient(open).chat.postMessage({ channel: CHANNELS.general.id, text: 'hi' })).resolves.toMatchObject({ ok: true });
      expect((await platformError(webClient(open).chat.postMessage({ channel: 'G0NOPE', text: 'x' }))).error).toBe('channel_not_found');
    } finally {
      await open.stop();
    }
  });

  it('answers account_inactive when a DM opened earlier belongs to a deactivated user', async () => {
    const client = webClient(fake);
    const dm = await client.conversations.open({ users: PEOPLE.ben.id });
    fake.deactivateUser(PEOPLE.ben.id);
    expect((await platformError(client.chat.postMessage({ channel: dm.channel?.id ?? '', text: 'hi' }))).error).toBe('account_inactive');
    fake.clearViolations();
  });

  it('shows ephemerals only to channel members', async () => {
    const client = webClient(fake);
    const res = await client.chat.postEphemeral({ channel: CHANNELS.reap.id, user: PEOPLE.ana.id, text: 'Only you' });
    expect(res.message_ts).toBeTruthy();
    expect(fake.ephemerals(PEOPLE.ana.id)).toMatchObject([{ channel: CHANNELS.reap.id, text: 'Only you' }]);
    const notMember = await platformError(client.chat.postEphemeral({ channel: CHANNELS.reap.id, user: PEOPLE.ben.id, text: 'x' }));
    expect(notMember.error).toBe('user_not_in_channel');
    fake.clearViolations();
  });

  it('updates and deletes only the bot’s own messages', async () => {
    const client = webClient(fake);
    const posted = await client.chat.postMessage({ channel: CHANNELS.reap.id, text: 'Draft' });
    const updated = await client.chat.update({ channel: CHANNELS.reap.id, ts: posted.ts ?? '', text: 'Final' });
    expect(updated.message).toMatchObject({ text: 'Final', edited: { user: 'U0BOT' } });
    expect((await platformError(client.chat.update({ channel: CHANNELS.reap.id, ts: '1.000001', text: 'x' }))).error).toBe('message_not_found');
    const long = await platformError(client.chat.update({ channel: CHANNELS.reap.id, ts: posted.ts ?? '', text: 'x'.repeat(4001) }));
    expect(long.error).toBe('msg_too_long');
    await client.chat.delete({ channel: CHANNELS.reap.id, ts: posted.ts ?? '' });
    expect(fake.messages(CHANNELS.reap.id)).toEqual([]);
    fake.clearViolations();
  });

  it('builds permalinks in Slack’s archive format', async () => {
    const client = webClient(fake);
    const posted = await client.chat.postMessage({ channel: CHANNELS.reap.id, text: 'Link me' });
    const link = await client.chat.getPermalink({ channel: CHANNELS.reap.id, message_ts: posted.ts ?? '' });
    expect(link.permalink).toBe(`https://sanjose-city.slack.com/archives/C0REAP/p${(posted.ts ?? '').replace('.', '')}`);
  });
});

describe('posting rate', () => {
  it('answers 429 with Retry-After once a channel’s burst is used, and recovers with time', async () => {
    const client = webClient(fake, fake.botToken, { rejectRateLimitedCalls: true });
    for (let i = 0; i < 4; i += 1) await client.chat.postMessage({ channel: CHANNELS.reap.id, text: `burst ${i}` });
    const error = (await client.chat.postMessage({ channel: CHANNELS.reap.id, text: 'one too many' }).catch((e: unknown) => e)) as WebAPIRateLimitedError;
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.retryAfter).toBe(1);
    // Another channel has its own budget.
    await expect(client.chat.postMessage({ channel: PEOPLE.ana.id, text: 'elsewhere' })).resolves.toMatchObject({ ok: true });
    clock.advance(1000);
    await expect(client.chat.postMessage({ channel: CHANNELS.reap.id, text: 'later' })).resolves.toMatchObject({ ok: true });
    expect(fake.calls('chat.postMessage').filter((c) => c.httpStatus === 429)).toHaveLength(1);
    expect(fake.violations()).toEqual([]);
  });

  it('sends the 429 body and header Slack sends', async () => {
    const post = () =>
      rawCall(fake, 'chat.postMessage', `channel=${CHANNELS.reap.id}&text=hi`, {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Bearer ${fake.botToken}`,
      });
    for (let i = 0; i < 4; i += 1) await post();
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.json).toEqual({ ok: false, error: 'ratelimited' });
  });
});

describe('conversations.*', () => {
  it('opens one DM per user and reports when it already existed', async () => {
    const client = webClient(fake);
    const first = await client.conversations.open({ users: PEOPLE.ana.id });
    const again = await client.conversations.open({ users: PEOPLE.ana.id });
    expect(first.channel?.id).toMatch(/^D/);
    expect(again).toMatchObject({ channel: { id: first.channel?.id }, already_open: true });
    expect((await platformError(client.conversations.open({ users: 'U0NOBODY' }))).error).toBe('user_not_found');
    fake.clearViolations();
  });

  it('lists public channels by default, private ones only where the bot is a member, with cursors', async () => {
    const client = webClient(fake);
    const publicOnes = await client.conversations.list({});
    expect(publicOnes.channels?.map((c) => c.id)).toEqual([CHANNELS.reap.id, CHANNELS.general.id, CHANNELS.old.id]);
    const page1 = await client.conversations.list({ types: 'public_channel,private_channel', exclude_archived: true, limit: 2 });
    expect(page1.channels?.map((c) => c.id)).toEqual([CHANNELS.reap.id, CHANNELS.general.id]);
    const cursor = page1.response_metadata?.next_cursor ?? '';
    expect(cursor).not.toBe('');
    const page2 = await client.conversations.list({ types: 'public_channel,private_channel', exclude_archived: true, limit: 2, cursor });
    expect(page2.channels?.map((c) => c.id)).toEqual([CHANNELS.leads.id]);
    expect(page2.response_metadata?.next_cursor).toBe('');
  });

  it('describes channels and hides private ones the bot is not in', async () => {
    const client = webClient(fake);
    const info = await client.conversations.info({ channel: CHANNELS.leads.id, include_num_members: true });
    expect(info.channel).toMatchObject({ id: CHANNELS.leads.id, is_private: true, is_member: true, num_members: 2 });
    fake.leaveChannel(CHANNELS.leads.id);
    expect((await platformError(client.conversations.info({ channel: CHANNELS.leads.id }))).error).toBe('channel_not_found');
    const members = await client.conversations.members({ channel: CHANNELS.general.id });
    expect(members.members).toEqual([PEOPLE.ana.id, PEOPLE.ben.id]);
    fake.clearViolations();
  });

  it('returns history newest first, without thread replies', async () => {
    const client = webClient(fake);
    const parent = await client.chat.postMessage({ channel: CHANNELS.reap.id, text: 'parent' });
    await client.chat.postMessage({ channel: CHANNELS.reap.id, text: 'reply', thread_ts: parent.ts ?? '' });
    clock.advance(2000);
    await client.chat.postMessage({ channel: CHANNELS.reap.id, text: 'latest' });
    const history = await client.conversations.history({ channel: CHANNELS.reap.id });
    expect(history.messages?.map((m) => m.text)).toEqual(['latest', 'parent']);
    expect((await platformError(client.conversations.history({ channel: CHANNELS.general.id }))).error).toBe('not_in_channel');
    fake.clearViolations();
  });
});

describe('users.* and team.info', () => {
  it('reports time zone, DST-aware offset and, on request, locale', async () => {
    const client = webClient(fake);
    const winter = await client.users.info({ user: PEOPLE.ana.id, include_locale: true });
    expect(winter.user).toMatchObject({ tz: 'America/Los_Angeles', tz_offset: -28800, tz_label: 'Pacific Standard Time', locale: 'es-ES' });
    clock.set(new Date('2026-07-01T17:00:00Z'));
    const summer = await client.users.info({ user: PEOPLE.ana.id });
    expect(summer.user).toMatchObject({ tz_offset: -25200, tz_label: 'Pacific Daylight Time' });
    expect(summer.user).not.toHaveProperty('locale');
  });

  it('shows deactivated users as deleted and unknown ones as user_not_found', async () => {
    const client = webClient(fake);
    expect((await client.users.info({ user: PEOPLE.gone.id })).user?.deleted).toBe(true);
    expect((await platformError(client.users.info({ user: 'U0NOBODY' }))).error).toBe('user_not_found');
    fake.clearViolations();
  });

  it('finds users by email case-insensitively and answers users_not_found (plural) otherwise', async () => {
    const client = webClient(fake);
    const found = await client.users.lookupByEmail({ email: 'Ben.Tran@SanJoseCA.gov' });
    expect(found.user?.id).toBe(PEOPLE.ben.id);
    expect((await platformError(client.users.lookupByEmail({ email: 'nobody@sanjoseca.gov' }))).error).toBe('users_not_found');
    // Not finding someone is an ordinary answer, not a mistake by the app.
    expect(fake.violations()).toEqual([]);
  });

  it('describes the team', async () => {
    const res = await webClient(fake).team.info();
    expect(res.team).toMatchObject({ id: 'T0CITY', name: 'City of San José', domain: 'sanjose-city' });
  });
});

describe('blocks.validate', () => {
  it('answers with pointer/code/message errors like Slack’s method', async () => {
    const res = await rawCall(fake, 'blocks.validate', JSON.stringify({ blocks: [{ type: 'section', text: { type: 'invalid', text: 'x' } }] }), {
      'content-type': 'application/json',
      authorization: `Bearer ${fake.botToken}`,
    });
    expect(res.json).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
      errors: expect.arrayContaining([{ pointer: '/0/text/type', code: 'failed_constraint', message: 'unsupported type: invalid' }]),
    });
  });
});
