// The monthly REDI digest end to end: run through the real registry and run coordinator,
// delivered by the dispatcher to the fake Slack. The REDI channel (from AppSetting) and each
// subscribed member get it; INTERNAL content never appears anywhere; a roadblock points to
// another department's practice on the same theme; a citywide strategy's practice is its
// lead department's; a second run sends nothing more.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerRediDigest } from '../../../src/jobs/composers/redi-digest.js';
import { JobRegistry } from '../../../src/jobs/registry.js';
import { RunCoordinator } from '../../../src/jobs/run-coordinator.js';
import type { FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import { validateBlocks } from '../../../src/sandbox/fake-slack/index.js';
import type { AppContext } from '../../../src/services/app-context.js';
import { REDI_CHANNEL_SETTING, parseRediChannelSetting } from '../../../src/services/digests.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';
import { TestClock, dispatcherFor, startFakeSlack, testContext } from './support/harness.js';
import { addWelcomingPillar, addWelcomingStrategy } from '../../support/citywide-strategy.js';

const FIRE = new Date('2026-12-01T17:00:00Z'); // 1 December 09:00 in San José
const MONTH = '2026-11';
const CHANNEL = 'C0REDI';
const SECRET = 'ZZ-INTERNAL-ONLY-7731';

const SUB_ES = 'U0REDIES'; // subscribed, Spanish
const SUB_VI = 'U0REDIVI'; // subscribed, Vietnamese
const SUB_OFF = 'U0REDIOFF'; // left the digest
const SUB_GONE = 'U0REDIGONE'; // subscribed but deactivated
const AUTHOR = 'U0AUTHOR';

let db: TestDatabase;
let fake: FakeSlack;
let ctx: AppContext;
let clock: TestClock;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await dropTestDatabase(db);
});

beforeEach(async () => {
  await db.prisma.$executeRawUnsafe(
    'TRUNCATE "OutboxMessage", "JobRun", "AuditLog", "AppSetting", "ProgressUpdate", "Strategy", "Objective", "Plan", "DigestSubscription", "Member", "Department" RESTART IDENTITY CASCADE',
  );
  clock = new TestClock(FIRE.getTime());
  ctx = testContext(db, { now: clock.now });
  fake = await startFakeSlack({
    postingRate: false,
    users: [SUB_ES, SUB_VI, SUB_OFF, SUB_GONE, AUTHOR].map((id) => ({ id, name: id.toLowerCase() })),
    channels: [{ id: CHANNEL, name: 'redi-network', members: ['U0BOT'] }],
  });
  await buildWorld();
});

afterEach(async () => {
  await fake.stop();
});

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

let updates = 0;
/**
 * A progress update of FY2027-Q2 by AUTHOR, made at `createdAt`; `fields` say what it
 * shares. Its narrative is never part of the digest, whatever the visibility.
 */
async function addUpdate(strategyId: number, createdAt: string, fields: object) {
  const author = await db.prisma.member.findUniqueOrThrow({ where: { slackUserId: AUTHOR } });
  return db.prisma.progressUpdate.create({
    data: {
      strategyId,
      authorId: author.id,
      periodKey: 'FY2027-Q2',
      periodStart: day('2026-10-01'),
      periodEnd: day('2026-12-31'),
      statusFrom: 'IN_PROGRESS',
      statusTo: 'IN_PROGRESS',
      narrative: `narrative ${SECRET}`,
      idempotencyKey: `u${++updates}`,
      createdAt: new Date(createdAt),
      ...fields,
    },
  });
}

async function buildWorld(): Promise<void> {
  const p = db.prisma;
  await p.member.create({ data: { slackUserId: AUTHOR, name: 'Author', roles: ['STAFF'] } });
  const subscriber = async (slackUserId: string, extra: object, active = true) => {
    const m = await p.member.create({ data: { slackUserId, name: slackUserId, roles: ['REDI_MEMBER'], ...extra } });
    await p.digestSubscription.create({ data: { memberId: m.id, kind: 'REDI_DIGEST', active } });
  };
  await subscriber(SUB_ES, { language: 'es' });
  await subscriber(SUB_VI, { slackLocale: 'en-US', language: 'vi' });
  await subscriber(SUB_OFF, {}, false);
  await subscriber(SUB_GONE, { active: false, deactivatedAt: FIRE });
  await p.appSetting.create({ data: { key: REDI_CHANNEL_SETTING, value: CHANNEL } });

  const strategyIn = async (code: string, name: string) => {
    const d = await p.department.create({ data: { code, name } });
    const plan = await p.plan.create({
      data: {
        key: `${code}-FY2024-2026`,
        kind: 'DEPARTMENT_REAP',
        title: `${code} REAP`,
        departmentId: d.id,
        fiscalStartYear: 2024,
        fiscalEndYear: 2026,
        objectives: { create: [{ number: 2, title: 'Objective', strategies: { create: [{ number: 3, text: `${code} strategy`, status: 'IN_PROGRESS' }] } }] },
      },
      include: { objectives: { include: { strategies: true } } },
    });
    return plan.objectives[0]!.strategies[0]!.id;
  };
  const sjce = await strategyIn('SJCE', 'San José Clean Energy');
  const housing = await strategyIn('HOUSING', 'Housing');
  const lib = await strategyIn('LIB', 'Library');
  // October: SJCE's practice, before the month but one that may help in it.
  await addUpdate(sjce, '2026-10-15T18:00:00Z', {
    visibility: 'REDI',
    practices: 'Testing the inserts with Vietnamese-speaking customers first caught two confusing translations.',
  });
  // November.
  await addUpdate(housing, '2026-11-05T18:00:00Z', {
    visibility: 'REDI',
    roadblocks: 'No Vietnamese legal interpreter available this month.',
    helpNeeded: 'Does anyone have an interpreter agency contract?',
  });
  await addUpdate(lib, '2026-11-12T18:00:00Z', {
    visibility: 'PUBLIC',
    practices: 'Teens rewrote the survey rubric in their own words; response data improved.',
  });
  await addUpdate(lib, '2026-11-20T18:00:00Z', {
    visibility: 'INTERNAL',
    practices: `Translation ${SECRET}`,
    roadblocks: `Interpreter ${SECRET}`,
    helpNeeded: SECRET,
  });
  // December: next month's news.
  await addUpdate(lib, '2026-12-01T10:00:00Z', { visibility: 'REDI', practices: 'December practice about translation' });
}

function coordinator() {
  const registry = new JobRegistry();
  registerRediDigest(registry);
  return new RunCoordinator({ ctx, registry, instanceId: 'test-1' });
}

async function drain(): Promise<void> {
  const dispatcher = dispatcherFor(ctx, fake);
  for (let i = 0; i < 10; i++) {
    await dispatcher.drain();
    if ((await ctx.prisma.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] } } })) === 0) return;
    clock.advance(60_000);
  }
  throw new Error('outbox did not settle');
}

type Message = { text: string; blocks: unknown[] };
const dms = (user: string) => fake.messages(fake.dmChannelId(user)) as unknown as Message[];
const channel = () => fake.messages(CHANNEL) as unknown as Message[];

describe('redi-digest', () => {
  it('posts to the REDI channel in English and DMs subscribers in their language, with a cross-department hint', async () => {
    const outcome = await coordinator().runFire('redi-digest', FIRE, 'cron');
    expect(outcome).toMatchObject({ outcome: 'succeeded', enqueued: 3 });
    await drain();

    const [post, ...more] = channel();
    expect(more).toEqual([]);
    expect(validateBlocks(post!.blocks, 'message')).toEqual([]);
    const text = JSON.stringify(post!.blocks);
    expect(post!.text).toBe('REDI digest for November 2026: practices and roadblocks shared across departments.');
    expect(text).toContain('REDI digest: November 2026');
    expect(text).toContain('Practices: 1 · Roadblocks: 1 · Departments: 2');
    expect(text).toContain('*Housing* · 2.3: No Vietnamese legal interpreter available this month.');
    expect(text).toContain('_Asking for:_ Does anyone have an interpreter agency contract?');
    expect(text).toContain(
      'San José Clean Energy shared a practice on language access that may help: “Testing the inserts with Vietnamese-speaking customers first caught two confusing translations.”',
    );
    expect(text).toContain('*Library* · 2.3: Teens rewrote the survey rubric');
    expect(text).not.toContain('December practice');
    expect(text).toContain('/reap redi join');

    expect(JSON.stringify(dms(SUB_ES))).toContain('Resumen REDI: noviembre 2026');
    expect(JSON.stringify(dms(SUB_ES))).toContain('San José Clean Energy compartió una práctica sobre acceso lingüístico que podría ayudar');
    expect(JSON.stringify(dms(SUB_VI))).toContain('Bản tin REDI');
    expect(JSON.stringify(dms(SUB_VI))).toContain('/reap redi leave');
    for (const user of [SUB_OFF, SUB_GONE, AUTHOR]) expect(dms(user)).toEqual([]);

    const keys = (await ctx.prisma.outboxMessage.findMany({ orderBy: { idempotencyKey: 'asc' } })).map((r) => [r.idempotencyKey, r.status]);
    expect(keys).toEqual([
      [`redi-digest:${MONTH}:${CHANNEL}`, 'SENT'],
      [`redi-digest:${MONTH}:${SUB_ES}`, 'SENT'],
      [`redi-digest:${MONTH}:${SUB_VI}`, 'SENT'],
    ]);
    fake.assertNoViolations();
  });

  it('tells a citywide strategy’s practice as its lead department’s, never its plan’s', async () => {
    // Housing leads a Welcoming San José strategy, with the Library as partner; the plan
    // has no department of its own.
    const p = ctx.prisma;
    await addWelcomingPillar(p, 2);
    const strategyId = await addWelcomingStrategy(p, {
      pillar: 2,
      number: 1,
      text: 'Tenant clinics in the languages of each neighborhood',
      lead: 'HOUSING',
      partners: ['LIB'],
    });
    await addUpdate(strategyId, '2026-11-08T18:00:00Z', {
      visibility: 'REDI',
      practices: 'A Vietnamese legal interpreter from the county sat in on every tenant clinic.',
    });

    await coordinator().runFire('redi-digest', FIRE, 'cron');
    await drain();
    const text = JSON.stringify(channel()[0]!.blocks);
    expect(text).toContain('*Housing* · 2.1 (Welcoming San José Plan 2.0): A Vietnamese legal interpreter from the county sat in on every tenant clinic.');
    // The plan names the strategy; it is never told as the department.
    expect(text).not.toContain('*Welcoming San José Plan 2.0*');
    // Housing counts once, and its own practice is no hint for its own roadblock.
    expect(text).toContain('Practices: 2 · Roadblocks: 1 · Departments: 2');
    expect(text).toContain('San José Clean Energy shared a practice on language access that may help');
    expect(text).not.toMatch(/Housing shared a practice/);
  });

  it('never lets INTERNAL content out: not in Slack, not in the outbox', async () => {
    await coordinator().runFire('redi-digest', FIRE, 'cron');
    await drain();
    const everything = JSON.stringify([channel(), ...[SUB_ES, SUB_VI].map(dms), await ctx.prisma.outboxMessage.findMany()]);
    expect(everything).toContain('Vietnamese legal interpreter');
    expect(everything).not.toContain(SECRET);
    expect(fake.calls('chat.postMessage').some((c) => JSON.stringify(c).includes(SECRET))).toBe(false);
  });

  it('sends nothing twice when the month’s digest runs again', async () => {
    await coordinator().runFire('redi-digest', FIRE, 'cron');
    await drain();
    // Someone shares more, then an admin runs the job by hand mid-December.
    const strategy = await ctx.prisma.strategy.findFirstOrThrow({ where: { text: 'SJCE strategy' } });
    await addUpdate(strategy.id, '2026-11-29T18:00:00Z', { visibility: 'REDI', practices: 'A late November practice on hiring interns' });
    clock.set(new Date('2026-12-15T20:00:00Z'));
    const again = await coordinator().runManually('redi-digest');
    expect(again).toMatchObject({ outcome: 'succeeded', enqueued: 0 });
    await drain();
    expect(channel()).toHaveLength(1);
    expect(dms(SUB_ES)).toHaveLength(1);
    expect(dms(SUB_VI)).toHaveLength(1);
  });

  it('sends only DMs when no REDI channel is set, and nothing in a month nobody shared anything', async () => {
    await ctx.prisma.appSetting.deleteMany();
    await coordinator().runFire('redi-digest', FIRE, 'cron');
    await drain();
    expect(channel()).toEqual([]);
    expect(dms(SUB_ES)).toHaveLength(1);

    await ctx.prisma.appSetting.create({ data: { key: REDI_CHANNEL_SETTING, value: { channelId: CHANNEL } } });
    // September 2026 had nothing shareable.
    const october = new Date('2026-10-01T16:00:00Z');
    clock.set(october);
    const quiet = await coordinator().runFire('redi-digest', october, 'cron');
    expect(quiet).toMatchObject({ outcome: 'succeeded', enqueued: 0 });
    expect(quiet.outcome === 'succeeded' ? quiet.detail : quiet).toContain('2026-09: nothing shared');
  });

  it('reads the channel setting as a channel id or an object naming one', () => {
    expect(parseRediChannelSetting('C0REDI')).toBe('C0REDI');
    expect(parseRediChannelSetting({ channelId: 'G0PRIVATE' })).toBe('G0PRIVATE');
    expect(parseRediChannelSetting('#redi-network')).toBeNull();
    expect(parseRediChannelSetting(null)).toBeNull();
    expect(parseRediChannelSetting(42)).toBeNull();
  });
});
