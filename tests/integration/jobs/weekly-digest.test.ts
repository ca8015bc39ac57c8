// The weekly manager digest end to end: the job runs through the real registry and run
// coordinator, its outbox rows are delivered by the dispatcher to the fake Slack, and each
// manager's DMs are read back: both departments for a manager of two, a long department
// split into several valid messages, Spanish for a Spanish reader, nobody who opted out,
// and nothing more when the week's digest runs again.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerWeeklyDigest } from '../../../src/jobs/composers/weekly-digest.js';
import { JobRegistry } from '../../../src/jobs/registry.js';
import { RunCoordinator } from '../../../src/jobs/run-coordinator.js';
import type { FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import { validateBlocks } from '../../../src/sandbox/fake-slack/index.js';
import type { AppContext } from '../../../src/services/app-context.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';
import { TestClock, dispatcherFor, startFakeSlack, testContext } from './support/harness.js';
import { addWelcomingPillar, addWelcomingStrategy } from '../../support/citywide-strategy.js';

const FIRE = new Date('2026-11-16T16:00:00Z'); // Monday 08:00 in San José, ISO week 2026-W47
const WEEK = '2026-W47';
const NASTY = 'Reach <!channel> & <@U123> with *bold* claims > 100% ';

const MGR_TWO = 'U0MGRTWO'; // manages LIB and DOT, English
const MGR_LONG = 'U0MGRLONG'; // manages HOUSING (30 overdue strategies), Spanish by Slack locale
const MGR_OUT = 'U0MGROUT'; // manages LIB, opted out
const MGR_GONE = 'U0MGRGONE'; // manages LIB, deactivated
const STAFF = 'U0STAFF';
const OWNERS = ['U0OWNA', 'U0OWNB'];

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
    'TRUNCATE "OutboxMessage", "JobRun", "AuditLog", "ProgressUpdate", "Milestone", "Strategy", "Objective", "Plan", "DigestSubscription", "ManagedDepartment", "Member", "Department" RESTART IDENTITY CASCADE',
  );
  clock = new TestClock(FIRE.getTime());
  fake = await startFakeSlack({
    postingRate: false,
    users: [MGR_TWO, MGR_LONG, MGR_OUT, MGR_GONE, STAFF, ...OWNERS].map((id) => ({ id, name: id.toLowerCase() })),
  });
  ctx = testContext(db, { now: clock.now, env: { SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: 'test-secret', SLACK_API_URL: fake.url } });
  await buildWorld();
});

afterEach(async () => {
  await fake.stop();
});

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

async function buildWorld(): Promise<void> {
  const p = db.prisma;
  const lib = await p.department.create({ data: { code: 'LIB', name: 'San José Public Library' } });
  const dot = await p.department.create({ data: { code: 'DOT', name: 'Transportation', reportingCadence: 'MONTHLY' } });
  const housing = await p.department.create({ data: { code: 'HOUSING', name: 'Housing' } });
  const owner = (i: number) => p.member.create({ data: { slackUserId: OWNERS[i]!, name: `Owner ${i}`, roles: ['STAFF'], departmentId: lib.id } });
  const ownA = await owner(0);
  const ownB = await owner(1);
  await p.member.create({ data: { slackUserId: STAFF, name: 'Staff', roles: ['STAFF'], departmentId: lib.id } });
  const manager = (slackUserId: string, departments: number[], extra: object = {}) =>
    p.member.create({
      data: {
        slackUserId,
        name: slackUserId,
        roles: ['MANAGER'],
        managedDepartments: { create: departments.map((departmentId) => ({ departmentId })) },
        ...extra,
      },
    });
  await manager(MGR_TWO, [lib.id, dot.id], { language: 'en' });
  await manager(MGR_LONG, [housing.id], { slackLocale: 'es-MX' });
  const out = await manager(MGR_OUT, [lib.id], { language: 'en' });
  await p.digestSubscription.create({ data: { memberId: out.id, kind: 'WEEKLY_DIGEST', active: false } });
  await manager(MGR_GONE, [lib.id], { active: false, deactivatedAt: FIRE });

  const plan = async (departmentId: number, code: string) =>
    p.plan.create({
      data: {
        key: `${code}-FY2024-2026`,
        kind: 'DEPARTMENT_REAP',
        title: `${code} REAP`,
        departmentId,
        fiscalStartYear: 2024,
        fiscalEndYear: 2026,
        objectives: { create: [{ number: 1, title: 'Objective one' }] },
      },
      include: { objectives: true },
    });
  const libPlan = await plan(lib.id, 'LIB');
  const dotPlan = await plan(dot.id, 'DOT');
  const housingPlan = await plan(housing.id, 'HOUSING');

  // Library: one strategy completed this week, one that changed status, one reported
  // without a change, one overdue and one at risk without an update this quarter.
  const libObjective = libPlan.objectives[0]!.id;
  const s = await Promise.all(
    [
      { number: 1, text: 'Publish the EDI toolkit', status: 'COMPLETED' as const, ownerId: ownA.id, dueDate: day('2026-12-15') },
      { number: 2, text: 'Open ESL circles at every branch', status: 'IN_PROGRESS' as const, ownerId: ownA.id, dueDate: day('2027-03-01') },
      { number: 3, text: 'Caption every recorded program', status: 'ONGOING' as const, ownerId: ownB.id, dueDate: null },
      { number: 4, text: 'Audit branch accessibility', status: 'IN_PROGRESS' as const, ownerId: ownB.id, dueDate: day('2026-11-01') },
      { number: 5, text: 'Survey teen patrons', status: 'NOT_STARTED' as const, ownerId: null, dueDate: day('2026-11-24') },
    ].map((x) => p.strategy.create({ data: { objectiveId: libObjective, ...x } })),
  );
  const upd = (strategyId: number, authorId: number, statusFrom: string, statusTo: string, createdAt: Date, key: string, narrative = 'n') =>
    p.progressUpdate.create({
      data: {
        strategyId,
        authorId,
        periodKey: 'FY2027-Q2',
        periodStart: day('2026-10-01'),
        periodEnd: day('2026-12-31'),
        statusFrom: statusFrom as never,
        statusTo: statusTo as never,
        narrative,
        idempotencyKey: key,
        createdAt,
      },
    });
  await upd(s[0]!.id, ownA.id, 'IN_PROGRESS', 'COMPLETED', new Date('2026-11-12T18:00:00Z'), 'u1');
  await upd(s[1]!.id, ownA.id, 'NOT_STARTED', 'IN_PROGRESS', new Date('2026-11-13T18:00:00Z'), 'u2');
  await upd(s[2]!.id, ownB.id, 'ONGOING', 'ONGOING', new Date('2026-11-10T18:00:00Z'), 'u3', 'Two new circles at Alum Rock;\nwaitlist of 40.');
  // Last week's news is not this week's.
  await upd(s[2]!.id, ownB.id, 'NOT_STARTED', 'ONGOING', new Date('2026-11-02T18:00:00Z'), 'u0');
  await p.milestone.create({ data: { strategyId: s[1]!.id, title: 'Recruit volunteer hosts', dueDate: day('2026-11-09') } });

  // Transportation: one strategy, reported in October, which is last period for a monthly department.
  const dotStrategy = await p.strategy.create({
    data: { objectiveId: dotPlan.objectives[0]!.id, number: 1, text: 'Light the second corridor', status: 'IN_PROGRESS', ownerId: ownB.id },
  });
  await p.progressUpdate.create({
    data: {
      strategyId: dotStrategy.id,
      authorId: ownB.id,
      periodKey: 'FY2027-M04',
      periodStart: day('2026-10-01'),
      periodEnd: day('2026-10-31'),
      statusFrom: 'NOT_STARTED',
      statusTo: 'IN_PROGRESS',
      narrative: 'n',
      idempotencyKey: 'dot1',
      createdAt: new Date('2026-10-20T18:00:00Z'),
    },
  });

  // Housing: 30 strategies, all overdue, with long texts full of characters to escape.
  await p.strategy.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({
      objectiveId: housingPlan.objectives[0]!.id,
      number: i + 1,
      text: `${i + 1}: ${NASTY}${'word '.repeat(400)}`.slice(0, 2000),
      status: 'IN_PROGRESS' as const,
      ownerId: i % 2 ? ownA.id : ownB.id,
      dueDate: day('2026-10-01'),
    })),
  });
}

function coordinator(options: Parameters<typeof registerWeeklyDigest>[1] = { appIdentity: async () => ({ teamId: 'T0SJ', appId: 'A0REAP' }) }) {
  const registry = new JobRegistry();
  registerWeeklyDigest(registry, options);
  return new RunCoordinator({ ctx, registry, instanceId: 'test-1' });
}

type Block = { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string; url?: string }[] };

function dms(user: string) {
  return fake.messages(fake.dmChannelId(user)) as unknown as { text: string; blocks: Block[] }[];
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

describe('weekly-digest', () => {
  it('sends a manager of two departments one digest with both', async () => {
    const outcome = await coordinator().runFire('weekly-digest', FIRE, 'cron');
    expect(outcome).toMatchObject({ outcome: 'succeeded' });
    await drain();

    const [digest, ...more] = dms(MGR_TWO);
    expect(more).toEqual([]);
    expect(digest!.text).toBe('Your weekly REAP digest: LIB, DOT');
    const text = JSON.stringify(digest!.blocks);
    expect(text).toContain('San José Public Library (LIB)');
    expect(text).toContain('Transportation (DOT)');
    // Library: the completion, the status change, the plain update, the overdue strategy
    // and its overdue milestone, the strategy at risk, and who has not reported.
    expect(text).toContain('Completed this week');
    expect(text).toMatch(/\*1\.1\* Publish the EDI toolkit\\n\s+:large_blue_circle: In Progress → :white_check_mark: Completed · <@U0OWNA>/);
    expect(text).toMatch(/Status changes\*\\n\*1\.2\* Open ESL circles/);
    // What the update says, not just that there was one.
    expect(text).toMatch(
      /Other updates this week\*\\n\*1\.3\* [^\\]*\\n\s+<@U0OWNB> · <!date\^\d+\^\{date_short\}\|2026-11-10>: _Two new circles at Alum Rock; waitlist of 40\._/,
    );
    expect(text).toMatch(/Overdue\*\\n\*1\.4\* Audit branch accessibility[^"]*15 days overdue[^"]*\\n\*1\.2\* milestone: Recruit volunteer hosts/);
    expect(text).toMatch(/At risk\*[^"]*\\n\*1\.5\* Survey teen patrons[^"]*in 8 days\) · no owner/);
    expect(text).toContain('No update yet for FY 2026-27 Q2*\\n<@U0OWNB>: 1.4\\nNo owner: 1.5');
    expect(text).not.toContain('NOT_STARTED → ONGOING');
    // Transportation reports monthly: October's update does not count for November.
    expect(text).toContain('No update yet for FY 2026-27 November*\\n<@U0OWNB>: 1.1');
    const buttons = digest!.blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
    expect(buttons.map((b) => [b.action_id, b.value ?? b.url])).toEqual([
      ['plan:open', 'LIB'],
      ['plan:open', 'DOT'],
      ['digest:home', 'slack://app?team=T0SJ&id=A0REAP&tab=home'],
    ]);
    fake.assertNoViolations();
  });

  it('lists a citywide strategy in its lead department’s digest, not in its partner’s', async () => {
    // The Welcoming plan has no department: its strategy is led by Transportation, with
    // Housing as partner, and was started this week.
    const p = ctx.prisma;
    await addWelcomingPillar(p, 2);
    const [strategyId, owner] = await Promise.all([
      addWelcomingStrategy(p, {
        pillar: 2,
        number: 1,
        text: 'Translate transit notices into five languages',
        lead: 'DOT',
        partners: ['HOUSING'],
        owner: OWNERS[0],
      }),
      p.member.findUniqueOrThrow({ where: { slackUserId: OWNERS[0] } }),
    ]);
    await p.progressUpdate.create({
      data: {
        strategyId,
        authorId: owner.id,
        periodKey: 'FY2027-M05',
        periodStart: day('2026-11-01'),
        periodEnd: day('2026-11-30'),
        statusFrom: 'NOT_STARTED',
        statusTo: 'IN_PROGRESS',
        narrative: 'n',
        idempotencyKey: 'wsj1',
        createdAt: new Date('2026-11-13T18:00:00Z'),
      },
    });

    await coordinator().runFire('weekly-digest', FIRE, 'cron');
    await drain();
    const [digest] = dms(MGR_TWO);
    const text = JSON.stringify(digest!.blocks);
    const dotPart = text.slice(text.indexOf('Transportation (DOT)'));
    // Named with its plan: DOT's own REAP may have a 2.1 too.
    expect(dotPart).toMatch(/Status changes\*\\n\*2\.1 \(Welcoming San José Plan 2\.0\)\* Translate transit notices into five languages/);
    expect(text.split('Translate transit notices')).toHaveLength(2);
    // Reported for November, Transportation's month: only 1.1 still owes an update.
    expect(dotPart).toContain('No update yet for FY 2026-27 November*\\n<@U0OWNB>: 1.1');
    expect(dotPart).not.toMatch(/No update yet[^"]*2\.1/);
    // Housing is a partner: it reads the strategy but does not answer for it.
    const housingText = dms(MGR_LONG)
      .map((m) => JSON.stringify(m.blocks))
      .join('');
    expect(housingText).toContain('Su resumen semanal de REAP');
    expect(housingText).not.toContain('Translate transit notices');
  });

  it('splits a department with 30 overdue strategies into several valid messages, in the reader’s language', async () => {
    await coordinator().runFire('weekly-digest', FIRE, 'cron');
    await drain();
    const parts = dms(MGR_LONG);
    expect(parts.length).toBeGreaterThan(1);
    for (const m of parts) {
      expect(validateBlocks(m.blocks, 'message')).toEqual([]);
      expect(m.blocks.length).toBeLessThanOrEqual(50);
    }
    const all = parts.map((m) => JSON.stringify(m.blocks)).join('');
    expect(all).toContain('Su resumen semanal de REAP');
    for (let i = 1; i <= 30; i++) expect(all).toContain(`*1.${i}* ${i}: Reach &lt;!channel&gt;`);
    expect(parts[1]!.text).toContain(`parte 2 de ${parts.length}`);
    const rows = await ctx.prisma.outboxMessage.findMany({ where: { userId: MGR_LONG }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.idempotencyKey)).toEqual(parts.map((_, i) => `weekly-digest:${WEEK}:${MGR_LONG}:${i + 1}`));
    expect(rows.every((r) => r.status === 'SENT')).toBe(true);
    // The parts arrive in order.
    expect(parts.map((m) => m.text)).toEqual(rows.map((r) => (r.payload as { text: string }).text));
  });

  it('respects an opt-out and never writes to deactivated managers or non-managers', async () => {
    const outcome = await coordinator().runFire('weekly-digest', FIRE, 'cron');
    expect(outcome.outcome === 'succeeded' ? outcome.detail : outcome).toMatch(/to 2 managers, 1 opted out/);
    await drain();
    for (const user of [MGR_OUT, MGR_GONE, STAFF, ...OWNERS]) expect(fake.messages(fake.dmChannelId(user))).toEqual([]);
    const recipients = await ctx.prisma.outboxMessage.findMany({ distinct: ['userId'], select: { userId: true } });
    expect(recipients.map((r) => r.userId).sort()).toEqual([MGR_LONG, MGR_TWO]);
  });

  it('sends nothing twice when the week’s digest runs again, even after new updates', async () => {
    await coordinator().runFire('weekly-digest', FIRE, 'cron');
    await drain();
    const before = { two: dms(MGR_TWO).length, long: dms(MGR_LONG).length };
    // More news arrives, then someone runs the job by hand later the same week.
    const strategy = await ctx.prisma.strategy.findFirstOrThrow({ where: { text: 'Survey teen patrons' } });
    const author = await ctx.prisma.member.findUniqueOrThrow({ where: { slackUserId: OWNERS[0] } });
    await ctx.prisma.progressUpdate.create({
      data: {
        strategyId: strategy.id,
        authorId: author.id,
        periodKey: 'FY2027-Q2',
        periodStart: day('2026-10-01'),
        periodEnd: day('2026-12-31'),
        statusFrom: 'NOT_STARTED',
        statusTo: 'IN_PROGRESS',
        narrative: 'started',
        idempotencyKey: 'late',
        createdAt: new Date('2026-11-16T17:00:00Z'),
      },
    });
    clock.set(new Date('2026-11-18T19:00:00Z'));
    const again = await coordinator().runManually('weekly-digest');
    expect(again).toMatchObject({ outcome: 'succeeded', enqueued: 0 });
    expect(again.outcome === 'succeeded' ? again.detail : again).toContain('2 already had theirs');
    // The same fire claimed again (another instance) does not run at all.
    expect(await coordinator().runFire('weekly-digest', FIRE, 'cron')).toMatchObject({ outcome: 'not-claimed' });
    await drain();
    expect({ two: dms(MGR_TWO).length, long: dms(MGR_LONG).length }).toEqual(before);
    // Next week is a new digest.
    clock.set(new Date('2026-11-23T16:00:00Z'));
    await coordinator().runFire('weekly-digest', new Date('2026-11-23T16:00:00Z'), 'cron');
    await drain();
    expect(dms(MGR_TWO)).toHaveLength(before.two + 1);
  });

  it('asks Slack for the app id and leaves the App Home button out when it does not say', async () => {
    // The fake's auth.test gives the team but no app_id; make bots.info fail as well.
    fake.failNext('bots.info', 'bot_not_found', 'always');
    const outcome = await coordinator({}).runFire('weekly-digest', FIRE, 'cron');
    expect(outcome.outcome === 'succeeded' ? outcome.detail : outcome).toContain('no App Home link');
    await drain();
    expect(fake.calls('auth.test').length).toBeGreaterThan(0);
    const [digest] = dms(MGR_TWO);
    expect(JSON.stringify(digest!.blocks)).not.toContain('digest:home');
    expect(JSON.stringify(digest!.blocks)).toContain('plan:open');
  });
});
