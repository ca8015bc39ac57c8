// /reap redi join|leave: the caller joins or leaves the monthly REDI digest, confirmed in
// their language; `/reap redi` alone says where they stand; people REAP Tracker does not
// know get the unknown-member message; and the next REDI digest follows what they chose.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerRediDigest } from '../../src/jobs/composers/redi-digest.js';
import { createDispatcherClient } from '../../src/jobs/slack-client.js';
import { JobRegistry } from '../../src/jobs/registry.js';
import { OutboxDispatcher } from '../../src/jobs/outbox/dispatcher.js';
import { RunCoordinator } from '../../src/jobs/run-coordinator.js';
import { createLogger } from '../../src/logger.js';
import { REDI_CHANNEL_SETTING } from '../../src/services/digests.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0GENERAL';
const AISHA = 'U0ORSE03'; // ORSE staff, English by Slack locale, not subscribed
const MINH = 'U0LIB02'; // Library staff, Vietnamese, not subscribed
const TOMAS = 'U0HSG02'; // Housing staff, Spanish by Slack locale (es-LA), subscribed in the demo data
const STRANGER = 'U0NEWBIE'; // in Slack, unknown to REAP Tracker

describe('/reap redi', () => {
  let app: ListenerApp;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    app.fake.addUser({ id: STRANGER, name: 'newbie', real_name: 'New Person', tz: 'America/Los_Angeles', locale: 'en-US' });
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    const unexpected = app.fake.violations().filter((v) => !(v.method === 'views.publish' && v.code === 'hash_conflict'));
    app.fake.clearViolations();
    expect(unexpected).toEqual([]);
  });

  async function say(user: string, text: string): Promise<string> {
    const res = await app.driver.slashCommand({ user, channel: CHANNEL, text });
    expect(res.status).toBe(200);
    const body = res.json as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    return body.text;
  }
  async function subscribed(user: string): Promise<boolean | null> {
    const row = await app.db.prisma.digestSubscription.findFirst({ where: { kind: 'REDI_DIGEST', member: { slackUserId: user } } });
    return row ? row.active : null;
  }

  it('joins and then leaves, confirming each in English, and says so when nothing changes', async () => {
    const status = await say(AISHA, 'redi');
    expect(status).toContain('You do not get the REDI digest by direct message.');
    expect(status).toContain('`/reap redi join`');

    expect(await say(AISHA, 'redi join')).toBe('Done: you will get the REDI digest by direct message once a month. `/reap redi leave` stops it.');
    expect(await subscribed(AISHA)).toBe(true);
    expect(await say(AISHA, 'redi')).toContain('You get the REDI digest of shared practices and roadblocks by direct message once a month.');
    // Slack retries, or the person types it twice: nothing changes, and they are told.
    expect(await say(AISHA, 'redi JOIN')).toContain('You are already on the REDI digest');

    expect(await say(AISHA, 'redi leave')).toBe('Done: you will no longer get the REDI digest. `/reap redi join` brings it back.');
    expect(await subscribed(AISHA)).toBe(false);
    expect(await say(AISHA, 'redi leave')).toContain('You were not on the REDI digest, so nothing changed.');

    const audit = await app.db.prisma.auditLog.findMany({ where: { actor: AISHA, entityType: 'digestSubscription' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['subscription.join', 'subscription.leave']);
  });

  it('answers in the member’s language', async () => {
    expect(await say(MINH, 'redi join')).toBe('Xong: bạn sẽ nhận bản tin REDI qua tin nhắn riêng mỗi tháng một lần. `/reap redi leave` để ngừng nhận.');
    expect(await say(MINH, 'redi leave')).toBe('Xong: bạn sẽ không nhận bản tin REDI nữa. `/reap redi join` để nhận lại.');
    expect(await say(TOMAS, 'redi')).toContain('Recibe el resumen REDI');
    expect(await say(TOMAS, 'redi salir')).toBe('Listo: ya no recibirá el resumen REDI. `/reap redi join` lo vuelve a activar.');
    expect(await subscribed(TOMAS)).toBe(false);
  });

  it('gives the usage for anything else, and the unknown-member message to strangers', async () => {
    expect(await say(AISHA, 'redi maybe')).toContain('`/reap redi join` sends you the monthly REDI digest');
    const stranger = await say(STRANGER, 'redi join');
    expect(stranger).toContain('REAP Tracker doesn’t know you yet');
    expect(stranger).toContain('<@U0ORSE01>'); // an ORSE admin to ask
    expect(await app.db.prisma.member.count({ where: { slackUserId: STRANGER } })).toBe(0);
    expect(await app.db.prisma.digestSubscription.count({ where: { member: { slackUserId: STRANGER } } })).toBe(0);
  });

  it('lists /reap redi in help as available', async () => {
    const help = await app.driver.slashCommand({ user: AISHA, channel: CHANNEL, text: 'help' });
    const text = JSON.stringify(help.json);
    expect(text).toContain('/reap redi join|leave');
    expect(text).toContain('Join or leave the REDI digest');
  });

  it('sends the next REDI digest to whoever joined, and not to whoever left', async () => {
    // Aisha and Minh left (above); Aisha joins again; Tomás left.
    await say(AISHA, 'redi join');
    const { ctx } = app;
    await ctx.prisma.appSetting.create({ data: { key: REDI_CHANNEL_SETTING, value: 'C0REDI' } });
    const registry = new JobRegistry();
    registerRediDigest(registry);
    // The digest of December 2026 covers November, where the demo data (seeded around
    // 18 November) has REDI and PUBLIC updates.
    const outcome = await new RunCoordinator({ ctx, registry, instanceId: 'e2e' }).runFire('redi-digest', new Date('2026-12-01T17:00:00Z'), 'cron');
    expect(outcome.outcome).toBe('succeeded');
    const queued = await ctx.prisma.outboxMessage.findMany({ where: { job: 'redi-digest' } });
    expect(queued.length).toBeGreaterThan(0);
    await new OutboxDispatcher({
      prisma: ctx.prisma,
      client: createDispatcherClient(app.fake.botToken, { apiUrl: app.fake.url }),
      instanceId: 'e2e',
      logger: createLogger('silent'),
      now: ctx.now,
      perChannelIntervalMs: 0,
    }).drain();
    const recipients = queued.map((r) => r.userId ?? r.channelId).sort();
    expect(recipients).toContain(AISHA);
    expect(recipients).toContain('C0REDI');
    expect(recipients).not.toContain(TOMAS);
    expect(recipients).not.toContain(MINH);
    expect(app.fake.messages(app.fake.dmChannelId(AISHA)).some((m) => m.text.startsWith('REDI digest for November 2026'))).toBe(true);
    expect(app.fake.messages('C0REDI').length).toBeGreaterThan(0);
    // The demo data's Housing roadblock meets SJCE's practice from the quarter before.
    const post = JSON.stringify(app.fake.messages('C0REDI').map((m) => m.blocks));
    expect(post).toContain('No Vietnamese legal interpreter available this month.');
    expect(post).toContain('San José Clean Energy shared a practice on language access that may help: “Testing the inserts with Vietnamese-speaking customers');
    // The demo's INTERNAL updates stay inside their departments.
    const internal = await ctx.prisma.progressUpdate.findMany({ where: { visibility: 'INTERNAL', NOT: { roadblocks: '' } }, select: { roadblocks: true } });
    expect(internal.length).toBeGreaterThan(0);
    for (const u of internal) expect(post).not.toContain(u.roadblocks);
  });
});
