// The outbox dispatcher against the fake Slack: delivery, pacing, and every fault the brief
// names: 429s and 5xx for a while (delayed, never lost or doubled), recipients who left
// (reported once, no retry storm), and the crash window (checked in history, not resent).
import type { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueOutbox, type OutboxMessageInput } from '../../../src/jobs/outbox/enqueue.js';
import { OUTBOX_METADATA_EVENT, type DispatchStats } from '../../../src/jobs/outbox/dispatcher.js';
import type { AppContext } from '../../../src/services/app-context.js';
import type { FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';
import { addAdmins, clientFor, dispatcherFor, dmTexts, startFakeSlack, TestClock, testContext } from './support/harness.js';

let db: TestDatabase;
let fake: FakeSlack;
let ctx: AppContext;
let clock: TestClock;

const PEOPLE = ['U0ANA', 'U0BAO', 'U0CHI', 'U0DEV', 'U0EVA'];

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await dropTestDatabase(db);
});

beforeEach(async () => {
  await db.prisma.$executeRawUnsafe('TRUNCATE "OutboxMessage", "DeliveryFailureNotice", "Member", "AuditLog" RESTART IDENTITY CASCADE');
  clock = new TestClock();
  ctx = testContext(db, { now: clock.now });
  fake = await startFakeSlack({
    postingRate: false,
    users: [...PEOPLE, 'U0ADMIN1', 'U0ADMIN2'].map((id) => ({ id, name: id.toLowerCase() })),
    channels: [
      { id: 'C0REDI', name: 'redi-network', members: ['U0BOT'] },
      { id: 'C0OUT', name: 'bot-not-invited' },
    ],
  });
});

afterEach(async () => {
  await fake.stop();
});

async function enqueue(messages: OutboxMessageInput[], job = 'test-job') {
  return enqueueOutbox(ctx.prisma, job, messages, clock.now());
}

const dm = (userId: string, key = `t:${userId}`): OutboxMessageInput => ({ idempotencyKey: key, userId, payload: { text: `hello ${userId}` } });

async function statuses() {
  const rows = await ctx.prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } });
  return rows.map((r) => ({ key: r.idempotencyKey, status: r.status, attempts: r.attempts, lastError: r.lastError }));
}

/** Drains repeatedly, moving the clock past each retry time, until nothing is pending. */
async function drainUntilSettled(dispatch: { drain: () => Promise<DispatchStats> }, maxRounds = 20): Promise<DispatchStats[]> {
  const rounds: DispatchStats[] = [];
  for (let i = 0; i < maxRounds; i++) {
    rounds.push(await dispatch.drain());
    const open = await ctx.prisma.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] } } });
    if (open === 0) return rounds;
    clock.advance(60_000);
  }
  throw new Error(`outbox not settled after ${maxRounds} rounds: ${JSON.stringify(await statuses())}`);
}

describe('delivering the outbox', () => {
  it('posts channel messages and DMs once, keeping ts and channel, with the key in metadata', async () => {
    await enqueue([...PEOPLE.map((u) => dm(u)), { idempotencyKey: 't:redi', channelId: 'C0REDI', payload: { text: 'to REDI' } }]);
    const stats = await dispatcherFor(ctx, fake).drain();
    expect(stats.sent).toBe(6);
    for (const u of PEOPLE) expect(dmTexts(fake, u)).toEqual([`hello ${u}`]);
    const redi = fake.messages('C0REDI');
    expect(redi.map((m) => m.text)).toEqual(['to REDI']);
    expect(redi[0]!.metadata).toEqual({ event_type: OUTBOX_METADATA_EVENT, event_payload: { outbox_key: 't:redi' } });
    const row = await ctx.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 't:redi' } });
    expect([row.status, row.slackChannel, row.slackTs, row.attempts]).toEqual(['SENT', 'C0REDI', redi[0]!.ts, 1]);
    // A second drain sends nothing; enqueuing the same keys again adds nothing.
    expect((await dispatcherFor(ctx, fake).drain()).sent).toBe(0);
    expect(await enqueue(PEOPLE.map((u) => dm(u)))).toEqual({ created: 0, duplicates: 5 });
    fake.assertNoViolations();
  });

  it('opens each DM once and reuses it, also after a restart', async () => {
    await enqueue([dm('U0ANA', 'a1'), dm('U0ANA', 'a2'), dm('U0ANA', 'a3')]);
    await dispatcherFor(ctx, fake).drain();
    await enqueue([dm('U0ANA', 'a4')]);
    await dispatcherFor(ctx, fake, { instanceId: 'restarted' }).drain();
    expect(dmTexts(fake, 'U0ANA')).toHaveLength(4);
    expect(fake.calls('conversations.open')).toHaveLength(1);
  });

  it('opens a DM again when Slack forgot the stored one, and sends once', async () => {
    await enqueue([dm('U0ANA', 'a1')]);
    await dispatcherFor(ctx, fake).drain();
    const forgotten = fake.forgetDm('U0ANA');
    expect(forgotten).not.toBeNull();
    await enqueue([dm('U0ANA', 'a2')]);
    // A restarted dispatcher finds the old DM id in the outbox's history and tries it first.
    await drainUntilSettled(dispatcherFor(ctx, fake, { instanceId: 'restarted' }));
    const a2 = await ctx.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'a2' } });
    expect(a2.status).toBe('SENT');
    expect(a2.slackChannel).not.toBe(forgotten);
    expect(dmTexts(fake, 'U0ANA')).toEqual(['hello U0ANA']);
    expect(fake.calls('conversations.open')).toHaveLength(2);
    expect(await ctx.prisma.deliveryFailureNotice.count()).toBe(0);
    fake.assertNoViolations({ allow: ['channel_not_found'] });
  });

  it('keeps to the per-channel rate, so Slack never has to say 429', async () => {
    await fake.stop();
    fake = await startFakeSlack({
      postingRate: { perSecond: 10, burst: 2 },
      channels: [{ id: 'C0REDI', name: 'redi-network', members: ['U0BOT'] }],
    });
    await enqueue(Array.from({ length: 6 }, (_, i) => ({ idempotencyKey: `r${i}`, channelId: 'C0REDI', payload: { text: `m${i}` } })));
    const started = Date.now();
    const rounds = await drainUntilSettled(dispatcherFor(ctx, fake, { perChannelIntervalMs: 150 }));
    expect(rounds.reduce((n, s) => n + s.sent, 0)).toBe(6);
    expect(fake.messages('C0REDI').map((m) => m.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect(fake.calls('chat.postMessage').filter((c) => c.httpStatus === 429)).toHaveLength(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(5 * 100);
  });
});

describe('Slack failing for a while', () => {
  it('delays messages through 429s, never losing or doubling them', async () => {
    await enqueue(PEOPLE.map((u) => dm(u)));
    fake.rateLimitNext('chat.postMessage', 1, 4);
    const rounds = await drainUntilSettled(dispatcherFor(ctx, fake));
    for (const u of PEOPLE) expect(dmTexts(fake, u)).toEqual([`hello ${u}`]);
    expect(rounds.reduce((n, s) => n + s.retried, 0)).toBeGreaterThanOrEqual(4);
    expect((await statuses()).every((s) => s.status === 'SENT')).toBe(true);
  });

  it('checks history after a 5xx before sending again, and sends once', async () => {
    await enqueue(PEOPLE.map((u) => dm(u)));
    fake.httpErrorNext('chat.postMessage', 503, undefined, 3);
    const rounds = await drainUntilSettled(dispatcherFor(ctx, fake));
    for (const u of PEOPLE) expect(dmTexts(fake, u)).toEqual([`hello ${u}`]);
    const total = rounds.reduce((a, s) => ({ unconfirmed: a.unconfirmed + s.unconfirmed, resent: a.resent + s.resent }), { unconfirmed: 0, resent: 0 });
    expect(total).toEqual({ unconfirmed: 3, resent: 3 });
    expect(fake.calls('conversations.history').length).toBeGreaterThanOrEqual(3);
  });

  it('finds a message Slack posted although the answer timed out, and does not post it again', async () => {
    await enqueue([dm('U0ANA')]);
    fake.delayNext('chat.postMessage', 1500);
    const first = await dispatcherFor(ctx, fake, { client: clientFor(fake, 300) }).drain();
    expect(first.unconfirmed).toBe(1);
    clock.advance(60_000);
    const second = await dispatcherFor(ctx, fake).drain();
    expect(second).toMatchObject({ confirmed: 1, sent: 0, resent: 0 });
    expect(dmTexts(fake, 'U0ANA')).toEqual(['hello U0ANA']);
    const row = await ctx.prisma.outboxMessage.findFirstOrThrow();
    expect([row.status, row.slackTs]).toEqual(['SENT', fake.messages(fake.dmChannelId('U0ANA'))[0]!.ts]);
  });

  it('resends after a dropped connection when history shows nothing arrived', async () => {
    await enqueue([dm('U0BAO')]);
    fake.disconnectNext('chat.postMessage');
    await drainUntilSettled(dispatcherFor(ctx, fake));
    expect(dmTexts(fake, 'U0BAO')).toEqual(['hello U0BAO']);
  });

  it('pauses, keeping messages, when Slack refuses the token', async () => {
    await enqueue([dm('U0ANA')]);
    fake.revokeToken();
    const stats = await dispatcherFor(ctx, fake).drain();
    expect(stats.sent).toBe(0);
    const [row] = await statuses();
    expect(row).toMatchObject({ status: 'PENDING', lastError: 'token_revoked' });
  });
});

describe('recipients who cannot receive', () => {
  it('reports a person who left Slack to the admins once, without retrying', async () => {
    await addAdmins(ctx.prisma, ['U0ADMIN1', 'U0ADMIN2']);
    await ctx.prisma.member.update({ where: { slackUserId: 'U0ADMIN2' }, data: { language: 'es' } });
    fake.deactivateUser('U0EVA');
    fake.addUser({ id: 'U0DEAD', name: 'dead' });
    fake.dmChannelId('U0DEAD'); // DM opened while they were here
    await enqueue([dm('U0EVA', 'e1'), dm('U0EVA', 'e2'), dm('U0EVA', 'e3'), dm('U0ANA')], 'deadline-reminders');
    const rounds = await drainUntilSettled(dispatcherFor(ctx, fake));
    expect(rounds.reduce((n, s) => n + s.failed, 0)).toBe(3);
    const eva = (await statuses()).filter((s) => s.key.startsWith('e'));
    expect(eva.map((s) => [s.status, s.attempts, s.lastError])).toEqual([
      ['FAILED', 0, 'user_disabled'],
      ['FAILED', 0, 'user_disabled'],
      ['FAILED', 0, 'user_disabled'],
    ]);
    // One conversations.open per message, no retries.
    expect(fake.calls('conversations.open').filter((c) => (c.args.users as string) === 'U0EVA')).toHaveLength(3);
    expect(await ctx.prisma.deliveryFailureNotice.findMany({ select: { cause: true, target: true } })).toEqual([{ cause: 'user_disabled', target: 'U0EVA' }]);
    expect(dmTexts(fake, 'U0ADMIN1')).toHaveLength(1);
    expect(dmTexts(fake, 'U0ADMIN1')[0]).toMatch(/could not deliver a message \(deadline-reminders\) to <@U0EVA>/);
    expect(dmTexts(fake, 'U0ADMIN2')[0]).toMatch(/no pudo entregar/);
    expect(dmTexts(fake, 'U0ANA')).toEqual(['hello U0ANA']);

    // Later messages to the same person fail the same way, without telling the admins again.
    await enqueue([dm('U0EVA', 'e4')]);
    await drainUntilSettled(dispatcherFor(ctx, fake));
    expect(dmTexts(fake, 'U0ADMIN1')).toHaveLength(1);

    // account_inactive (DM already open) is its own cause: reported once too.
    fake.deactivateUser('U0DEAD');
    await ctx.prisma.outboxMessage.create({
      data: { idempotencyKey: 'd1', userId: 'U0DEAD', slackChannel: fake.dmChannelId('U0DEAD'), payload: { text: 'x' } },
    });
    await drainUntilSettled(dispatcherFor(ctx, fake));
    expect((await statuses()).find((s) => s.key === 'd1')).toMatchObject({ status: 'FAILED', attempts: 1, lastError: 'account_inactive' });
    expect(dmTexts(fake, 'U0ADMIN1')).toHaveLength(2);
  });

  it('fails channel problems for good and says which', async () => {
    await addAdmins(ctx.prisma, ['U0ADMIN1']);
    await enqueue([
      { idempotencyKey: 'c1', channelId: 'C0OUT', payload: { text: 'x' } },
      { idempotencyKey: 'c2', channelId: 'C0NOPE', payload: { text: 'x' } },
    ]);
    await drainUntilSettled(dispatcherFor(ctx, fake));
    expect((await statuses()).slice(0, 2).map((s) => s.lastError)).toEqual(['not_in_channel', 'channel_not_found']);
    const told = dmTexts(fake, 'U0ADMIN1');
    expect(told).toHaveLength(2);
    expect(told.join('\n')).toMatch(/Invite it there with \/invite/);
    fake.assertNoViolations({ allow: ['not_in_channel', 'channel_not_found'] });
  });
});

describe('the crash window', () => {
  /** A client that posts for real, then never answers: the process "dies" right after Slack accepted. */
  function crashingAfterPost(real: WebClient, posted: () => void): WebClient {
    return new Proxy(real, {
      get(target, prop, receiver) {
        if (prop !== 'chat') return Reflect.get(target, prop, receiver);
        return {
          postMessage: async (args: Parameters<WebClient['chat']['postMessage']>[0]) => {
            await target.chat.postMessage(args);
            posted();
            return new Promise(() => {});
          },
        };
      },
    });
  }

  it('after a crash between Slack’s answer and our record, finds the post instead of resending', async () => {
    await enqueue([dm('U0ANA'), dm('U0BAO')]);
    let posts = 0;
    const dying = dispatcherFor(ctx, fake, { instanceId: 'dying', concurrency: 1, client: crashingAfterPost(clientFor(fake), () => posts++) });
    void dying.drain();
    await fake.waitFor(() => posts === 1, 5000, 'the first post');
    // The instance is gone; its rows are SENDING (one posted) or claimed (one not yet sent).
    expect((await statuses()).map((s) => s.status).sort()).toEqual(['PENDING', 'SENDING']);
    clock.advance(5 * 60_000); // past the send and claim leases
    const rescue = await dispatcherFor(ctx, fake, { instanceId: 'rescuer' }).drain();
    expect(rescue).toMatchObject({ confirmed: 1, sent: 1, resent: 0 });
    expect(dmTexts(fake, 'U0ANA')).toHaveLength(1);
    expect(dmTexts(fake, 'U0BAO')).toHaveLength(1);
  });

  it('does not let a stale history check undo a newer attempt (attempts fence the row)', async () => {
    await enqueue([dm('U0EVA')]);
    await ctx.prisma.outboxMessage.updateMany({
      data: { status: 'SENDING', attempts: 1, slackChannel: fake.dmChannelId('U0EVA'), lockedBy: 'dead', lockedUntil: clock.now() },
    });
    clock.advance(1000);
    // Checker 1 looks in history but its answer comes late…
    let answer!: () => void;
    const late = new Promise<void>((resolve) => (answer = resolve));
    const real = clientFor(fake);
    const slowHistory = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop !== 'conversations') return Reflect.get(target, prop, receiver);
        return {
          ...target.conversations,
          history: async (args: Parameters<WebClient['conversations']['history']>[0]) => {
            const r = await target.conversations.history(args);
            await late;
            return r;
          },
        };
      },
    });
    const first = dispatcherFor(ctx, fake, { instanceId: 'same', client: slowHistory, claimLeaseMs: 100 }).drain();
    await fake.waitFor(() => fake.calls('conversations.history').length === 1, 5000, 'the first history check');
    // …meanwhile its claim runs out, a second checker finds nothing and sends (slowly).
    clock.advance(1000);
    fake.delayNext('chat.postMessage', 1500);
    const second = dispatcherFor(ctx, fake, { instanceId: 'same' }).drain();
    await fake.waitFor(() => fake.calls('conversations.history').length === 2, 5000, 'the second history check');
    for (let i = 0; i < 100 && (await statuses())[0]!.attempts < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await statuses())[0]).toMatchObject({ status: 'SENDING', attempts: 2 });
    answer(); // checker 1's stale "not found" must not send the row back to PENDING
    await Promise.all([first, second]);
    expect(dmTexts(fake, 'U0EVA')).toHaveLength(1);
    expect((await statuses())[0]).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('resends a message marked SENDING that never reached Slack', async () => {
    await enqueue([dm('U0CHI')]);
    await ctx.prisma.outboxMessage.updateMany({
      data: { status: 'SENDING', attempts: 1, slackChannel: fake.dmChannelId('U0CHI'), lockedBy: 'dead', lockedUntil: clock.now() },
    });
    clock.advance(1000);
    const stats = await dispatcherFor(ctx, fake).drain();
    expect(stats).toMatchObject({ resent: 1, sent: 1 });
    expect(dmTexts(fake, 'U0CHI')).toHaveLength(1);
  });

  it('gives up rather than risk a duplicate when history cannot be read', async () => {
    await addAdmins(ctx.prisma, ['U0ADMIN1']);
    await enqueue([dm('U0DEV')]);
    await ctx.prisma.outboxMessage.updateMany({
      data: { status: 'SENDING', attempts: 1, slackChannel: fake.dmChannelId('U0DEV'), lockedBy: 'dead', lockedUntil: clock.now() },
    });
    clock.advance(1000);
    fake.failNext('conversations.history', 'missing_scope');
    await dispatcherFor(ctx, fake).drain();
    expect((await statuses())[0]).toMatchObject({ status: 'FAILED', lastError: 'delivery_unconfirmed: missing_scope' });
    expect(dmTexts(fake, 'U0DEV')).toHaveLength(0);
    await dispatcherFor(ctx, fake).drain();
    expect(dmTexts(fake, 'U0ADMIN1')[0]).toMatch(/could not check whether the message arrived/);
  });
});

describe('several dispatchers at once', () => {
  it('never sends a row twice when three drain the same outbox', async () => {
    const users = Array.from({ length: 30 }, (_, i) => `U0P${String(i).padStart(3, '0')}`);
    for (const id of users) fake.addUser({ id, name: id });
    await enqueue(users.flatMap((u) => [dm(u, `${u}:1`), dm(u, `${u}:2`)]));
    const all = await Promise.all(['d1', 'd2', 'd3'].map((id) => dispatcherFor(ctx, fake, { instanceId: id, batchSize: 7 }).drain()));
    expect(all.reduce((n, s) => n + s.sent, 0)).toBe(60);
    for (const u of users) expect(dmTexts(fake, u)).toHaveLength(2);
  });
});
