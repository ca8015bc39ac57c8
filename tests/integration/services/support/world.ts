// A small, readable world for the service tests: three departments, the people the rules
// are about, and one plan per department. `scale` multiplies the strategies, milestones
// and updates (for the query-count tests) without changing who is who.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { ServiceError } from '../../../../src/services/errors.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../../support/test-db.js';
import type { Prisma } from '../../../../src/db/client.js';
import type { ServiceContext } from '../../../../src/services/service-context.js';
import type { Role } from '../../../../src/generated/prisma/enums.js';

export const ZONE = 'America/Los_Angeles';

/** Mid-morning on 2025-11-12 in San José: FY2026 Q2 (Oct-Dec), month M05. */
export const NOW = new Date('2025-11-12T18:00:00Z');

export function serviceContext(prisma: Prisma, now: Date | (() => Date) = NOW): ServiceContext {
  return { prisma, config: { timeZone: ZONE }, now: typeof now === 'function' ? now : () => now };
}

export interface World {
  dept: { ORSE: number; LIB: number; HOUSING: number };
  member: Record<PersonKey, number>;
  plan: { LIB: number; HOUSING: number };
  objective: { LIB1: number; LIB2: number; HOUSING1: number };
  /** LIB 1.1 owned by libStaff, LIB 1.2 owned by libStaff2, LIB 2.1 unowned, HOUSING 1.1 owned by hsgStaff. */
  strategy: { lib11: number; lib12: number; lib21: number; hsg11: number };
}

export const PEOPLE = {
  admin: { slackUserId: 'UADMIN', roles: ['ORSE_ADMIN'], dept: 'ORSE' },
  admin2: { slackUserId: 'UADMIN2', roles: ['ORSE_ADMIN', 'EQUITY_LEAD'], dept: 'ORSE' },
  libLead: { slackUserId: 'ULIBLEAD', roles: ['EQUITY_LEAD'], dept: 'LIB' },
  libStaff: { slackUserId: 'ULIBSTAFF', roles: ['STAFF'], dept: 'LIB' },
  libStaff2: { slackUserId: 'ULIBSTAFF2', roles: ['STAFF'], dept: 'LIB' },
  hsgLead: { slackUserId: 'UHSGLEAD', roles: ['EQUITY_LEAD'], dept: 'HOUSING' },
  hsgStaff: { slackUserId: 'UHSGSTAFF', roles: ['STAFF'], dept: 'HOUSING' },
  manager: { slackUserId: 'UMANAGER', roles: ['MANAGER'], dept: null },
  gone: { slackUserId: 'UGONE', roles: ['STAFF'], dept: 'LIB' },
} as const satisfies Record<string, { slackUserId: string; roles: readonly Role[]; dept: 'ORSE' | 'LIB' | 'HOUSING' | null }>;

export type PersonKey = keyof typeof PEOPLE;

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export async function buildWorld(prisma: Prisma, options: { scale?: number } = {}): Promise<World> {
  const scale = options.scale ?? 1;
  const orse = await prisma.department.create({ data: { code: 'ORSE', name: 'Office of Racial and Social Equity' } });
  const lib = await prisma.department.create({ data: { code: 'LIB', name: 'San José Public Library', reportingCadence: 'QUARTERLY' } });
  const hsg = await prisma.department.create({ data: { code: 'HOUSING', name: 'Housing Department', reportingCadence: 'MONTHLY' } });
  const deptIds = { ORSE: orse.id, LIB: lib.id, HOUSING: hsg.id };

  const member = {} as Record<PersonKey, number>;
  for (const [key, p] of Object.entries(PEOPLE) as [PersonKey, (typeof PEOPLE)[PersonKey]][]) {
    const m = await prisma.member.create({
      data: {
        slackUserId: p.slackUserId,
        name: `Person ${key}`,
        roles: [...p.roles],
        departmentId: p.dept ? deptIds[p.dept] : null,
        active: key !== 'gone',
        deactivatedAt: key === 'gone' ? d('2025-10-01') : null,
      },
    });
    member[key] = m.id;
  }
  await prisma.managedDepartment.create({ data: { memberId: member.manager, departmentId: lib.id } });

  const libPlan = await prisma.plan.create({
    data: { key: 'LIB-FY2024-2026', kind: 'DEPARTMENT_REAP', title: 'Library REAP', departmentId: lib.id, fiscalStartYear: 2024, fiscalEndYear: 2026 },
  });
  const hsgPlan = await prisma.plan.create({
    data: { key: 'HOUSING-FY2024-2026', kind: 'DEPARTMENT_REAP', title: 'Housing REAP', departmentId: hsg.id, fiscalStartYear: 2024, fiscalEndYear: 2026 },
  });
  const lib1 = await prisma.objective.create({ data: { planId: libPlan.id, number: 1, title: 'Welcoming libraries' } });
  const lib2 = await prisma.objective.create({ data: { planId: libPlan.id, number: 2, title: 'Equitable collections' } });
  const hsg1 = await prisma.objective.create({ data: { planId: hsgPlan.id, number: 1, title: 'Housing stability' } });

  const lib11 = await prisma.strategy.create({
    data: { objectiveId: lib1.id, number: 1, text: 'Multilingual story time', status: 'IN_PROGRESS', ownerId: member.libStaff, dueDate: d('2025-11-01') },
  });
  const lib12 = await prisma.strategy.create({
    data: { objectiveId: lib1.id, number: 2, text: 'Accessible branch signage', ownerId: member.libStaff2, dueDate: d('2025-11-20') },
  });
  const lib21 = await prisma.strategy.create({ data: { objectiveId: lib2.id, number: 1, text: 'Audit collections', status: 'ONGOING' } });
  const hsg11 = await prisma.strategy.create({
    data: { objectiveId: hsg1.id, number: 1, text: 'Tenant outreach', status: 'IN_PROGRESS', ownerId: member.hsgStaff, dueDate: d('2026-03-31') },
  });

  // Extra rows for the query-count tests: the same shapes, more of them.
  for (let i = 1; i < scale; i++) {
    for (const [objectiveId, owner] of [
      [lib1.id, member.libStaff],
      [lib2.id, member.libStaff2],
      [hsg1.id, member.hsgStaff],
    ] as const) {
      const s = await prisma.strategy.create({
        data: {
          objectiveId,
          number: 100 + i,
          text: `Extra ${i}`,
          status: i % 2 ? 'IN_PROGRESS' : 'NOT_STARTED',
          ownerId: owner,
          dueDate: d(i % 3 ? '2025-10-01' : '2025-11-20'),
        },
      });
      await prisma.milestone.create({ data: { strategyId: s.id, title: `Milestone ${i}`, dueDate: d('2025-11-15'), ownerId: owner } });
      await prisma.progressUpdate.create({
        data: {
          strategyId: s.id,
          periodKey: 'FY2026-Q1',
          periodStart: d('2025-07-01'),
          periodEnd: d('2025-09-30'),
          statusFrom: 'NOT_STARTED',
          statusTo: 'IN_PROGRESS',
          narrative: `Extra update ${i}`,
          authorId: owner,
          idempotencyKey: `extra-${objectiveId}-${i}`,
          createdAt: new Date('2025-08-01T17:00:00Z'),
        },
      });
    }
  }

  return {
    dept: deptIds,
    member,
    plan: { LIB: libPlan.id, HOUSING: hsgPlan.id },
    objective: { LIB1: lib1.id, LIB2: lib2.id, HOUSING1: hsg1.id },
    strategy: { lib11: lib11.id, lib12: lib12.id, lib21: lib21.id, hsg11: hsg11.id },
  };
}

/**
 * Strategy 2.1 of a citywide plan (which has no department of its own), led by `lead` with
 * `partners`: the Welcoming San José Plan's shape. Returns the strategy's id.
 */
export async function addCitywideStrategy(
  prisma: Prisma,
  lead: number,
  partners: readonly number[],
  data: { text: string; status?: 'NOT_STARTED' | 'IN_PROGRESS' | 'ONGOING'; ownerId?: number | null; dueDate?: Date | null },
): Promise<number> {
  const plan = await prisma.plan.create({
    data: { key: 'WSJ-2021-2024', kind: 'CITYWIDE_PLAN', title: 'Welcoming San José Plan 2.0', fiscalStartYear: 2021, fiscalEndYear: 2024 },
  });
  const pillar = await prisma.objective.create({ data: { planId: plan.id, number: 2, title: 'Access and Engagement' } });
  const s = await prisma.strategy.create({
    data: {
      objectiveId: pillar.id,
      number: 1,
      leadDepartmentId: lead,
      partners: { create: partners.map((departmentId) => ({ departmentId })) },
      ...data,
    },
  });
  return s.id;
}

/** A valid submission for a strategy, at its current version. */
export async function updateInput(prisma: Prisma, strategyId: number, overrides: Record<string, unknown> = {}) {
  const s = await prisma.strategy.findUniqueOrThrow({ where: { id: strategyId } });
  return {
    strategyId,
    expectedVersion: s.version,
    status: 'IN_PROGRESS',
    narrative: 'Two story times a week in Spanish and Vietnamese.',
    visibility: 'INTERNAL',
    ...overrides,
  };
}

const TABLES = [
  'AuditLog',
  'ProgressUpdateRevision',
  'ProgressUpdate',
  'Milestone',
  'Strategy',
  'Objective',
  'Plan',
  'ManagedDepartment',
  'DigestSubscription',
  'Member',
  'Department',
];

/** Empties the tables the services touch, so each test starts from the same world. */
export async function resetDatabase(prisma: Prisma): Promise<void> {
  await prisma.$executeRawUnsafe(`TRUNCATE ${TABLES.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
}

/**
 * A fresh database for the file and a freshly built world before each test; `use` receives
 * both every time they change.
 */
export function useFreshWorld(use: (db: TestDatabase, world: World) => void): void {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await dropTestDatabase(db);
  });
  beforeEach(async () => {
    await resetDatabase(db.prisma);
    use(db, await buildWorld(db.prisma));
  });
}

/** The ServiceError a refused call rejects with (fails the test if it resolves). */
export async function refusal(p: Promise<unknown>): Promise<ServiceError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ServiceError);
  return e as ServiceError;
}
