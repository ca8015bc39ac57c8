// A small world for the reminder and prompt job tests: two departments (Library reports
// quarterly, Housing monthly), the people the rules are about, the City holidays, and a
// driver that fires a job at a given instant through the real run coordinator and delivers
// the outbox to the fake Slack.
import type { Prisma } from '../../../src/db/client.js';
import { cityHolidaysForFiscalYear } from '../../../src/db/seed/holidays.js';
import type { FiscalPeriod } from '../../../src/domain/fiscal-calendar.js';
import type { Language, Role, StrategyStatus } from '../../../src/generated/prisma/enums.js';
import { registerDeadlineReminders } from '../../../src/jobs/composers/deadline-reminders.js';
import { registerUpdatePrompts } from '../../../src/jobs/composers/update-prompts.js';
import { JobRegistry, RunCoordinator, type RunOutcome } from '../../../src/jobs/index.js';
import type { AppContext } from '../../../src/services/app-context.js';
import type { FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import type { StoredMessage } from '../../../src/sandbox/fake-slack/types.js';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';
import { TestClock, dispatcherFor, startFakeSlack, testContext } from './support/harness.js';
import { addWelcomingPillar } from '../../support/citywide-strategy.js';

export const PEOPLE = {
  ana: { slackUserId: 'U0ANA', dept: 'LIB', roles: ['STAFF'], language: 'es' },
  ben: { slackUserId: 'U0BEN', dept: 'LIB', roles: ['STAFF'], language: null },
  lee: { slackUserId: 'U0LEE', dept: 'LIB', roles: ['EQUITY_LEAD'], language: 'vi' },
  hana: { slackUserId: 'U0HANA', dept: 'HOUSING', roles: ['STAFF'], language: 'en' },
  hugo: { slackUserId: 'U0HUGO', dept: 'HOUSING', roles: ['STAFF'], language: 'en' },
  gone: { slackUserId: 'U0GONE', dept: 'LIB', roles: ['STAFF'], language: 'en' },
} as const satisfies Record<string, { slackUserId: string; dept: 'LIB' | 'HOUSING'; roles: readonly Role[]; language: Language | null }>;

export type Person = keyof typeof PEOPLE;

export const SLACK_USERS = Object.values(PEOPLE).map((p) => ({ id: p.slackUserId, name: p.slackUserId.toLowerCase() }));

export interface ReminderWorld {
  dept: { LIB: number; HOUSING: number };
  member: Record<Person, number>;
  objective: { LIB: number; HOUSING: number };
}

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export async function resetReminderTables(prisma: Prisma): Promise<void> {
  await prisma.$executeRawUnsafe(
    'TRUNCATE "OutboxMessage", "DeliveryFailureNotice", "JobRun", "AuditLog", "AppSetting", "Holiday", "ProgressUpdateRevision", "ProgressUpdate", "Milestone", "Strategy", "Objective", "Plan", "ManagedDepartment", "DigestSubscription", "Member", "Department" RESTART IDENTITY CASCADE',
  );
}

export async function buildReminderWorld(prisma: Prisma): Promise<ReminderWorld> {
  const lib = await prisma.department.create({ data: { code: 'LIB', name: 'San José Public Library', reportingCadence: 'QUARTERLY' } });
  const hsg = await prisma.department.create({ data: { code: 'HOUSING', name: 'Housing Department', reportingCadence: 'MONTHLY' } });
  const dept = { LIB: lib.id, HOUSING: hsg.id };
  const member = {} as Record<Person, number>;
  for (const [key, p] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    const m = await prisma.member.create({
      data: {
        slackUserId: p.slackUserId,
        name: key[0]!.toUpperCase() + key.slice(1),
        roles: [...p.roles],
        language: p.language,
        departmentId: dept[p.dept],
        active: key !== 'gone',
      },
    });
    member[key] = m.id;
  }
  const libPlan = await prisma.plan.create({
    data: { key: 'LIB-FY2026-2027', kind: 'DEPARTMENT_REAP', title: 'Library REAP', departmentId: lib.id, fiscalStartYear: 2026, fiscalEndYear: 2027 },
  });
  const hsgPlan = await prisma.plan.create({
    data: { key: 'HOUSING-FY2026-2027', kind: 'DEPARTMENT_REAP', title: 'Housing REAP', departmentId: hsg.id, fiscalStartYear: 2026, fiscalEndYear: 2027 },
  });
  const libObjective = await prisma.objective.create({ data: { planId: libPlan.id, number: 1, title: 'Welcoming libraries' } });
  const hsgObjective = await prisma.objective.create({ data: { planId: hsgPlan.id, number: 1, title: 'Housing stability' } });
  await prisma.holiday.createMany({
    data: [...cityHolidaysForFiscalYear(2026), ...cityHolidaysForFiscalYear(2027)].map((h) => ({ date: d(h.date), name: h.name })),
  });
  return { dept, member, objective: { LIB: libObjective.id, HOUSING: hsgObjective.id } };
}

let strategyNumber = 0;

export async function addStrategy(
  prisma: Prisma,
  world: ReminderWorld,
  input: { dept: 'LIB' | 'HOUSING'; owner: Person | null; due?: string | null; status?: StrategyStatus; text?: string; archived?: boolean },
): Promise<number> {
  strategyNumber++;
  const s = await prisma.strategy.create({
    data: {
      objectiveId: world.objective[input.dept],
      number: strategyNumber,
      text: input.text ?? `Strategy ${strategyNumber}`,
      status: input.status ?? 'IN_PROGRESS',
      ownerId: input.owner ? world.member[input.owner] : null,
      dueDate: input.due ? d(input.due) : null,
      archivedAt: input.archived ? new Date('2026-01-01T00:00:00Z') : null,
    },
  });
  return s.id;
}

/**
 * A strategy of the Welcoming San José Plan (a citywide plan: no department of its own), led
 * by `lead` with `partners`. Its reporting period is its lead department's.
 */
export async function addCitywideStrategy(
  prisma: Prisma,
  world: ReminderWorld,
  input: { lead: 'LIB' | 'HOUSING'; partners: readonly ('LIB' | 'HOUSING')[]; owner: Person; due?: string; text: string },
): Promise<number> {
  const pillar = { id: (await addWelcomingPillar(prisma, 2)).objectiveId };
  strategyNumber++;
  const s = await prisma.strategy.create({
    data: {
      objectiveId: pillar.id,
      number: strategyNumber,
      text: input.text,
      status: 'IN_PROGRESS',
      ownerId: world.member[input.owner],
      dueDate: input.due ? d(input.due) : null,
      leadDepartmentId: world.dept[input.lead],
      partners: { create: input.partners.map((p) => ({ departmentId: world.dept[p] })) },
    },
  });
  return s.id;
}

export async function addMilestone(
  prisma: Prisma,
  world: ReminderWorld,
  strategyId: number,
  input: { title: string; due: string; owner?: Person | null; completed?: boolean },
): Promise<number> {
  const m = await prisma.milestone.create({
    data: {
      strategyId,
      title: input.title,
      dueDate: d(input.due),
      ownerId: input.owner ? world.member[input.owner] : null,
      completedAt: input.completed ? new Date('2026-01-01T00:00:00Z') : null,
    },
  });
  return m.id;
}

let updateNumber = 0;

export async function addUpdate(
  prisma: Prisma,
  world: ReminderWorld,
  strategyId: number,
  author: Person,
  period: Pick<FiscalPeriod, 'key' | 'start' | 'end'>,
): Promise<void> {
  updateNumber++;
  await prisma.progressUpdate.create({
    data: {
      strategyId,
      periodKey: period.key,
      periodStart: d(period.start),
      periodEnd: d(period.end),
      statusFrom: 'IN_PROGRESS',
      statusTo: 'IN_PROGRESS',
      narrative: 'Progress.',
      authorId: world.member[author],
      idempotencyKey: `test-update-${updateNumber}`,
    },
  });
}

/** Fires jobs as the scheduler would (at a given instant, source cron) and delivers the outbox. */
export class JobDriver {
  readonly registry = new JobRegistry();
  private readonly coordinator: RunCoordinator;

  constructor(
    private readonly ctx: AppContext,
    private readonly clock: TestClock,
    private readonly fake: FakeSlack,
  ) {
    registerDeadlineReminders(this.registry);
    registerUpdatePrompts(this.registry);
    this.coordinator = new RunCoordinator({ ctx, registry: this.registry, instanceId: 'test-instance' });
  }

  /** Runs the job's fire at `at` (the clock moves there), then sends what it queued. */
  async fire(job: 'deadline-reminders' | 'update-prompts', at: string | Date, source: 'cron' | 'catch-up' = 'cron'): Promise<RunOutcome> {
    const when = new Date(at);
    this.clock.set(when);
    const outcome = await this.coordinator.runFire(job, when, source);
    await dispatcherFor(this.ctx, this.fake).drain();
    return outcome;
  }

  /** A manual run "now" (e.g. `reap jobs run`), then delivery. */
  async runNow(job: 'deadline-reminders' | 'update-prompts'): Promise<RunOutcome> {
    const outcome = await this.coordinator.runManually(job);
    await dispatcherFor(this.ctx, this.fake).drain();
    return outcome;
  }

  dms(person: Person): StoredMessage[] {
    return this.fake.messages(this.fake.dmChannelId(PEOPLE[person].slackUserId));
  }
}

type Block = { type: string; block_id?: string; text?: { text: string }; elements?: { action_id?: string; value?: string }[] };

/** The item block ids of a reminder DM ("reminder:m:12", "reminder:s:7"), in order. */
export function reminderItems(message: StoredMessage): string[] {
  return ((message.blocks ?? []) as Block[]).filter((b) => b.type === 'actions' && b.block_id?.startsWith('reminder:')).map((b) => b.block_id!);
}

/** The strategy ids behind the Update buttons of a prompt. */
export function promptStrategyIds(message: StoredMessage): number[] {
  return ((message.blocks ?? []) as (Block & { accessory?: { action_id: string; value: string } })[])
    .filter((b) => b.accessory?.action_id === 'update:open')
    .map((b) => Number(b.accessory!.value));
}

export const textOf = (message: StoredMessage): string => JSON.stringify(message.blocks ?? []);

export interface ReminderTestBed {
  db: TestDatabase;
  fake: FakeSlack;
  ctx: AppContext;
  clock: TestClock;
  world: ReminderWorld;
  jobs: JobDriver;
}

/**
 * One database per file; before each test a fresh world, a clock at `startAt` and a fake
 * Slack (checked for violations after the test). `use` receives the new bed each time.
 */
export function useReminderTestBed(startAt: string, use: (bed: ReminderTestBed) => void): void {
  let db: TestDatabase;
  let fake: FakeSlack | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await dropTestDatabase(db);
  });
  beforeEach(async () => {
    await resetReminderTables(db.prisma);
    const world = await buildReminderWorld(db.prisma);
    const clock = new TestClock(Date.parse(startAt));
    const ctx = testContext(db, { now: clock.now });
    fake = await startFakeSlack({ postingRate: false, users: SLACK_USERS });
    use({ db, fake, ctx, clock, world, jobs: new JobDriver(ctx, clock, fake) });
  });
  afterEach(async () => {
    fake?.assertNoViolations();
    await fake?.stop();
  });
}
