// The `briefings` and `briefing-reminder` jobs through the real registry, run coordinator,
// outbox and dispatcher, against the fake Slack, with a clock the test moves: a scheduled
// briefing reaches each of its channels exactly once however often the jobs run, its posts
// are recorded with their links and its composer is told where it landed (and where not);
// the reminder goes to each ORSE admin once per quarter, catching up after a missed day.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobName } from '../../../src/config.js';
import { registerBriefingReminder } from '../../../src/jobs/composers/briefing-reminder.js';
import { registerBriefings } from '../../../src/jobs/composers/briefings.js';
import { outboxJob } from '../../../src/jobs/outbox/outbox-job.js';
import { JobRegistry } from '../../../src/jobs/registry.js';
import { RunCoordinator } from '../../../src/jobs/run-coordinator.js';
import type { AppContext } from '../../../src/services/app-context.js';
import { loadActor } from '../../../src/services/authz.js';
import { cancelBriefing, scheduleBriefing } from '../../../src/services/briefings.js';
import { ServiceError } from '../../../src/services/errors.js';
import type { FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';
import { clientFor, dispatcherFor, dmTexts, startFakeSlack, TestClock, testContext } from './support/harness.js';

let db: TestDatabase;
let fake: FakeSlack;
let ctx: AppContext;
let clock: TestClock;
let coordinator: RunCoordinator;

const MARISOL = 'U0ADMIN1'; // ORSE admin, Spanish
const DANIEL = 'U0ADMIN2'; // ORSE admin, Vietnamese
const GONE = 'U0ADMIN3'; // ORSE admin who left
const STAFF = 'U0STAFF';
const COUNCIL = 'C0COUNCIL';
const REDI = 'C0REDI';
const NOT_INVITED = 'C0OUTSIDE';

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await dropTestDatabase(db);
});

beforeEach(async () => {
  await db.prisma.$executeRawUnsafe(
    'TRUNCATE "Briefing", "BriefingPost", "OutboxMessage", "JobRun", "AuditLog", "DeliveryFailureNotice", "Member" RESTART IDENTITY CASCADE',
  );
  clock = new TestClock(Date.parse('2026-11-18T17:00:00Z')); // Wednesday 09:00 in San José, FY2027-Q2
  ctx = testContext(db, { now: clock.now });
  fake = await startFakeSlack({
    postingRate: false,
    users: [MARISOL, DANIEL, STAFF].map((id) => ({ id, name: id.toLowerCase() })),
    channels: [
      { id: COUNCIL, name: 'council-updates', members: ['U0BOT', MARISOL] },
      { id: REDI, name: 'redi-network', members: ['U0BOT'] },
      { id: NOT_INVITED, name: 'community' },
    ],
  });
  await db.prisma.member.createMany({
    data: [
      { slackUserId: MARISOL, name: 'Marisol Vega', roles: ['ORSE_ADMIN'], language: 'es' },
      { slackUserId: DANIEL, name: 'Daniel Tran', roles: ['ORSE_ADMIN', 'EQUITY_LEAD'], language: 'vi' },
      { slackUserId: GONE, name: 'Former Admin', roles: ['ORSE_ADMIN'], active: false },
      { slackUserId: STAFF, name: 'Staff', roles: ['STAFF'], language: 'en' },
    ],
  });
  const registry = new JobRegistry();
  registerBriefings(registry, { client: clientFor(fake) });
  registerBriefingReminder(registry);
  registry.register('outbox', outboxJob(dispatcherFor(ctx, fake)));
  coordinator = new RunCoordinator({ ctx, registry, instanceId: 'test' });
});

afterEach(async () => {
  await fake.stop();
});

/** A manual run a few seconds after the previous one (each is its own fire). */
async function run(job: JobName) {
  clock.advance(5_000);
  const outcome = await coordinator.runManually(job);
  expect(outcome.outcome, JSON.stringify(outcome)).toBe('succeeded');
  return outcome as { outcome: 'succeeded'; enqueued?: number; detail?: string };
}

async function schedule(channelIds: string[], scheduledFor: Date | null = null) {
  const actor = await loadActor(ctx, MARISOL);
  return scheduleBriefing(ctx, actor, {
    quarterKey: 'FY2027-Q2',
    title: 'Avances de equidad racial, T2',
    body: '*Biblioteca*\n• 1.200 tarjetas nuevas\n\n*Transporte*\n• 3 talleres comunitarios',
    channelIds,
    scheduledFor,
  });
}

const briefingTexts = (channel: string) => fake.messages(channel).map((m) => m.text);

describe('posting a scheduled briefing', () => {
  it('posts to each channel exactly once, records the links and tells the composer, however often it runs', async () => {
    const b = await schedule([COUNCIL, REDI]);
    expect((await run('briefings')).enqueued).toBe(2);
    expect((await run('briefings')).enqueued).toBe(0); // queued already: nothing twice
    await run('outbox');
    expect(briefingTexts(COUNCIL)).toEqual(['Avances de equidad racial, T2 (AF 2026-27 T2)']);
    expect(briefingTexts(REDI)).toHaveLength(1);
    // The posted message speaks the composer's language and carries the body as sections.
    expect(JSON.stringify(fake.messages(COUNCIL)[0]!.blocks)).toContain('Oficina de Equidad Racial y Social · Informe trimestral · AF 2026-27 T2');

    const finishing = await run('briefings');
    expect(finishing.detail).toContain('2 recorded, 1 finished');
    const posts = await db.prisma.briefingPost.findMany({ where: { briefingId: b.id }, orderBy: { channelId: 'asc' } });
    expect(posts.map((p) => [p.channelId, p.ts])).toEqual([
      [COUNCIL, fake.messages(COUNCIL)[0]!.ts],
      [REDI, fake.messages(REDI)[0]!.ts],
    ]);
    for (const p of posts) expect(p.permalink).toMatch(new RegExp(`^https://.+/archives/${p.channelId}/p\\d+$`));
    const saved = await db.prisma.briefing.findUniqueOrThrow({ where: { id: b.id } });
    expect(saved.status).toBe('POSTED');
    expect(saved.postedAt).not.toBeNull();

    await run('outbox');
    const dm = fake.messages(fake.dmChannelId(MARISOL));
    expect(dm.map((m) => m.text)).toEqual(['Su informe “Avances de equidad racial, T2” está publicado.']);
    const dmText = JSON.stringify(dm[0]!.blocks);
    for (const p of posts) expect(dmText).toContain(`<#${p.channelId}> (<${p.permalink}|abrir>)`);

    // Later runs of both jobs change nothing.
    for (let i = 0; i < 3; i++) {
      await run('briefings');
      await run('outbox');
    }
    expect(briefingTexts(COUNCIL)).toHaveLength(1);
    expect(briefingTexts(REDI)).toHaveLength(1);
    expect(dmTexts(fake, MARISOL)).toHaveLength(1);
    expect(fake.calls('chat.getPermalink').filter((c) => (c.response as { ok?: boolean }).ok)).toHaveLength(2);
    expect(await db.prisma.auditLog.count({ where: { action: 'briefing.posted', entityId: String(b.id) } })).toBe(1);
  });

  it('waits for the chosen time', async () => {
    const b = await schedule([COUNCIL], new Date(clock.now().getTime() + 3_600_000));
    expect((await run('briefings')).enqueued).toBe(0);
    await run('outbox');
    expect(briefingTexts(COUNCIL)).toEqual([]);
    clock.advance(3_600_000);
    expect((await run('briefings')).enqueued).toBe(1);
    await run('outbox');
    expect(briefingTexts(COUNCIL)).toHaveLength(1);
    expect((await db.prisma.briefing.findUniqueOrThrow({ where: { id: b.id } })).status).toBe('SCHEDULED');
  });

  it('finishes when a channel refuses the post, and says which and why', async () => {
    const b = await schedule([COUNCIL, NOT_INVITED]);
    await run('briefings');
    await run('outbox');
    await run('briefings');
    const saved = await db.prisma.briefing.findUniqueOrThrow({ where: { id: b.id }, include: { posts: true } });
    expect(saved.status).toBe('POSTED');
    expect(saved.posts.map((p) => p.channelId)).toEqual([COUNCIL]);
    await run('outbox');
    const dm = JSON.stringify(fake.messages(fake.dmChannelId(MARISOL)).map((m) => m.blocks));
    expect(dm).toContain(`No se pudo publicar en <#${NOT_INVITED}> (\`not_in_channel\`)`);
  });

  it('can be cancelled until the job queues it, not after', async () => {
    const actor = await loadActor(ctx, MARISOL);
    const later = await schedule([COUNCIL], new Date(clock.now().getTime() + 3_600_000));
    expect((await cancelBriefing(ctx, actor, later.id)).status).toBe('CANCELLED');
    clock.advance(3_600_000);
    await run('briefings');
    await run('outbox');
    expect(briefingTexts(COUNCIL)).toEqual([]);

    const now = await schedule([REDI]);
    await run('briefings');
    const refused = await cancelBriefing(ctx, actor, now.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as ServiceError).messageKey).toBe('briefings.errors.alreadyPosting');
    await run('outbox');
    expect(briefingTexts(REDI)).toHaveLength(1);
  });
});

describe('the briefing reminder', () => {
  const reminders = (user: string) => dmTexts(fake, user);

  it('reminds each active ORSE admin once per quarter, from 14 days before its end, catching up a missed day', async () => {
    clock.set(new Date('2026-12-16T17:00:00Z')); // 15 days before 31 December
    expect((await run('briefing-reminder')).detail).toBe('FY2027-Q2: reminders start 2026-12-17');
    await run('outbox');
    expect(reminders(MARISOL)).toEqual([]);

    // The run of the 17th was missed (say the server was down); Saturday the 19th sends.
    clock.set(new Date('2026-12-19T17:00:00Z'));
    expect((await run('briefing-reminder')).enqueued).toBe(2);
    await run('outbox');
    expect(reminders(MARISOL)).toHaveLength(1);
    expect(reminders(MARISOL)[0]).toContain('Se acerca el informe de AF 2026-27 T2');
    expect(reminders(DANIEL)[0]).toContain('Sắp đến hạn bản tin NTC 2026-27 Quý 2');
    expect(reminders(STAFF)).toEqual([]);
    const button = (fake.messages(fake.dmChannelId(MARISOL))[0]!.blocks as { accessory?: { action_id: string; value: string } }[])[0]!.accessory;
    expect(button).toMatchObject({ action_id: 'briefing:compose', value: 'FY2027-Q2' });

    // Every later run of the quarter sends nothing more.
    for (const day of ['2026-12-20', '2026-12-28', '2026-12-31']) {
      clock.set(new Date(`${day}T17:00:00Z`));
      expect((await run('briefing-reminder')).enqueued).toBe(0);
      await run('outbox');
    }
    expect(reminders(MARISOL)).toHaveLength(1);
    expect(reminders(DANIEL)).toHaveLength(1);

    // The next quarter has its own reminder.
    clock.set(new Date('2027-03-17T16:00:00Z'));
    expect((await run('briefing-reminder')).enqueued).toBe(2);
    await run('outbox');
    expect(reminders(MARISOL)).toHaveLength(2);
    expect(reminders(MARISOL)[1]).toContain('AF 2026-27 T3');
  });

  it('stays quiet when the quarter’s briefing is already scheduled', async () => {
    await schedule([COUNCIL], new Date('2026-12-30T17:00:00Z'));
    clock.set(new Date('2026-12-18T17:00:00Z'));
    const outcome = await run('briefing-reminder');
    expect(outcome.enqueued).toBe(0);
    expect(outcome.detail).toContain('already scheduled');
  });
});
