// The weekly digest loads everything for all managers in a fixed number of queries: the
// same count for 20 managers as for 200 (no query per manager or per department), counted
// with a Prisma extension around the job's client for the whole run (claim, compose,
// enqueue, record).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWeeklyDigest } from '../../../src/jobs/composers/weekly-digest.js';
import { JobRegistry } from '../../../src/jobs/registry.js';
import { RunCoordinator } from '../../../src/jobs/run-coordinator.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';
import { countingClient } from '../services/support/query-counter.js';
import { TestClock, testContext } from './support/harness.js';

const FIRE = new Date('2026-11-16T16:00:00Z');
const DEPARTMENTS = 12;
const STRATEGIES = 6;
const UPDATES = 3;

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  await p.department.createMany({
    data: Array.from({ length: DEPARTMENTS }, (_, d) => ({ code: `D${d}`, name: `Department ${d}`, reportingCadence: d % 3 ? 'QUARTERLY' : 'MONTHLY' })),
  });
  const departments = await p.department.findMany({ orderBy: { id: 'asc' } });
  await p.member.createMany({ data: departments.map((d) => ({ slackUserId: `U0OWN${d.id}`, name: `Owner ${d.id}`, roles: ['STAFF'], departmentId: d.id })) });
  const owners = await p.member.findMany({ orderBy: { id: 'asc' } });
  await p.plan.createMany({
    data: departments.map((d) => ({
      key: `${d.code}-FY2024-2026`,
      kind: 'DEPARTMENT_REAP',
      title: d.code,
      departmentId: d.id,
      fiscalStartYear: 2024,
      fiscalEndYear: 2026,
    })),
  });
  const plans = await p.plan.findMany({ orderBy: { id: 'asc' } });
  await p.objective.createMany({ data: plans.map((pl) => ({ planId: pl.id, number: 1, title: 'Objective' })) });
  const objectives = await p.objective.findMany({ orderBy: { id: 'asc' } });
  await p.strategy.createMany({
    data: objectives.flatMap((o, i) =>
      Array.from({ length: STRATEGIES }, (_, n) => ({
        objectiveId: o.id,
        number: n + 1,
        text: `Strategy ${n + 1}`,
        status: (['IN_PROGRESS', 'NOT_STARTED', 'ONGOING', 'COMPLETED'] as const)[n % 4],
        ownerId: owners[i]!.id,
        dueDate: new Date(Date.UTC(2026, 10, 1 + n * 5)),
      })),
    ),
  });
  const strategies = await p.strategy.findMany({ orderBy: { id: 'asc' } });
  await p.milestone.createMany({ data: strategies.map((s) => ({ strategyId: s.id, title: 'Milestone', dueDate: new Date(Date.UTC(2026, 10, 20)) })) });
  await p.progressUpdate.createMany({
    data: strategies.flatMap((s, i) =>
      Array.from({ length: UPDATES }, (_, u) => ({
        strategyId: s.id,
        periodKey: 'FY2027-Q2',
        periodStart: new Date(Date.UTC(2026, 9, 1)),
        periodEnd: new Date(Date.UTC(2026, 11, 31)),
        statusFrom: 'NOT_STARTED' as const,
        statusTo: (u === 0 ? 'IN_PROGRESS' : 'NOT_STARTED') as 'IN_PROGRESS' | 'NOT_STARTED',
        narrative: 'n',
        authorId: owners[i % owners.length]!.id,
        idempotencyKey: `u${s.id}-${u}`,
        createdAt: new Date(FIRE.getTime() - (u * 5 + (i % 4)) * 86_400_000),
      })),
    ),
  });
});

afterAll(async () => {
  await dropTestDatabase(db);
});

async function addManagers(from: number, to: number): Promise<void> {
  const departments = await db.prisma.department.findMany({ orderBy: { id: 'asc' } });
  await db.prisma.member.createMany({
    data: Array.from({ length: to - from }, (_, i) => ({
      slackUserId: `U0MGR${from + i}`,
      name: `Manager ${from + i}`,
      roles: ['MANAGER' as const],
      language: (['en', 'es', 'vi'] as const)[i % 3],
    })),
  });
  const managers = await db.prisma.member.findMany({ where: { slackUserId: { startsWith: 'U0MGR' } }, orderBy: { id: 'asc' }, skip: from });
  await db.prisma.managedDepartment.createMany({
    data: managers.flatMap((m, i) => [0, 1, 2].map((k) => ({ memberId: m.id, departmentId: departments[(i * 3 + k) % departments.length]!.id }))),
    skipDuplicates: true,
  });
  // Every tenth manager opted out.
  await db.prisma.digestSubscription.createMany({
    data: managers.filter((_, i) => i % 10 === 9).map((m) => ({ memberId: m.id, kind: 'WEEKLY_DIGEST' as const, active: false })),
  });
}

async function countRun(): Promise<{ queries: number; enqueued: number; managers: number }> {
  await db.prisma.$executeRawUnsafe('TRUNCATE "OutboxMessage", "JobRun" RESTART IDENTITY');
  const counter = countingClient(db.prisma);
  const ctx = testContext({ ...db, prisma: counter.prisma }, { now: new TestClock(FIRE.getTime()).now });
  const registry = new JobRegistry();
  registerWeeklyDigest(registry, { appIdentity: async () => null });
  const outcome = await new RunCoordinator({ ctx, registry, instanceId: 'count' }).runFire('weekly-digest', FIRE, 'cron');
  if (outcome.outcome !== 'succeeded') throw new Error(JSON.stringify(outcome));
  const managers = await db.prisma.outboxMessage.findMany({ distinct: ['userId'], select: { userId: true } });
  return { queries: counter.count(), enqueued: outcome.enqueued ?? 0, managers: managers.length };
}

describe('weekly-digest queries', () => {
  it('are the same for 20 managers as for 200', async () => {
    await addManagers(0, 20);
    const few = await countRun();
    await addManagers(20, 200);
    const many = await countRun();
    expect(few.managers).toBe(18);
    expect(many.managers).toBe(180);
    expect(many.enqueued).toBeGreaterThanOrEqual(180);
    expect(many.queries).toBe(few.queries);
    // Claim and record (3), managers, five set-based reads, existing keys, the insert, the
    // citywide status counts behind the charts (2), and the changes since last quarter (1).
    expect(few.queries).toBeLessThanOrEqual(15);
  });
});
