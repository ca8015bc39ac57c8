// A department's status reads its department and its strategies with one SQL statement each
// (every /reap status and lead's App Home); they must answer exactly what the Prisma queries
// they replaced answered, on both databases: the department's row, the strategies with
// where they sit, and their latest update's facts.
import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../support/test-db.js';
import { departmentById } from '../../../src/services/departments.js';
import { departmentStrategies } from '../../../src/services/status.js';
import { citywidePlanOf, inStrategyDepartments } from '../../../src/services/strategy-records.js';
import { addCitywideStrategy, useFreshWorld, type World } from './support/world.js';

let db: TestDatabase;
let world: World;

useFreshWorld((d, w) => {
  db = d;
  world = w;
});

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** What departmentStatus read before: a nested select, then the latest facts grouped. */
async function viaPrisma(departmentId: number) {
  const strategies = await db.prisma.strategy.findMany({
    where: { archivedAt: null, ...inStrategyDepartments([departmentId]) },
    select: {
      id: true,
      number: true,
      text: true,
      status: true,
      dueDate: true,
      ownerId: true,
      needsReassignment: true,
      leadDepartmentId: true,
      owner: { select: { slackUserId: true, name: true } },
      objective: { select: { number: true, plan: { select: { key: true, departmentId: true, kind: true, title: true } } } },
    },
    orderBy: [{ objective: { plan: { key: 'asc' } } }, { objective: { number: 'asc' } }, { number: 'asc' }],
  });
  const latest = await db.prisma.progressUpdate.groupBy({
    by: ['strategyId'],
    where: { strategyId: { in: strategies.map((s) => s.id) } },
    _max: { createdAt: true, periodStart: true },
  });
  const by = new Map(latest.map((r) => [r.strategyId, r._max]));
  return strategies.map(
    ({
      objective: {
        plan: { kind, title, ...plan },
        ...objective
      },
      ...s
    }) => ({
      ...s,
      objective: { ...objective, plan },
      citywidePlan: citywidePlanOf({ objective: { plan: { kind, title } } }),
      lastUpdateAt: by.get(s.id)?.createdAt ?? null,
      lastPeriodStart: by.get(s.id)?.periodStart ?? null,
    }),
  );
}

async function addUpdate(strategyId: number, key: string, start: string, end: string, createdAt: Date) {
  await db.prisma.progressUpdate.create({
    data: {
      strategyId,
      periodKey: key,
      periodStart: d(start),
      periodEnd: d(end),
      statusFrom: 'IN_PROGRESS',
      statusTo: 'IN_PROGRESS',
      narrative: 'Story time in Spanish',
      authorId: world.member.libStaff,
      idempotencyKey: `${strategyId}:${key}:${createdAt.toISOString()}`,
      createdAt,
    },
  });
}

describe('departmentStrategies', () => {
  it('matches the Prisma queries it replaced: owned, unowned, archived, reported on, citywide led and partnered', async () => {
    await db.prisma.strategy.update({ where: { id: world.strategy.lib12 }, data: { needsReassignment: true, ownerId: world.member.gone } });
    const archived = await db.prisma.strategy.create({ data: { objectiveId: world.objective.LIB2, number: 9, text: 'Gone', archivedAt: new Date() } });
    // Led by the Library with Housing as partner, then one led by Housing with the Library as partner.
    const led = await addCitywideStrategy(db.prisma, world.dept.LIB, [world.dept.HOUSING], {
      text: 'Library cards',
      ownerId: world.member.libLead,
      dueDate: d('2025-11-05'),
    });
    const pillar = await db.prisma.objective.findFirstOrThrow({ where: { plan: { key: 'WSJ-2021-2024' } } });
    const partnered = await db.prisma.strategy.create({
      data: {
        objectiveId: pillar.id,
        number: 2,
        text: 'Tenant rights',
        leadDepartmentId: world.dept.HOUSING,
        partners: { create: [{ departmentId: world.dept.LIB }] },
      },
    });
    // The latest update filed is about an earlier quarter than another one: each max on its own.
    await addUpdate(world.strategy.lib11, 'FY2026-Q1', '2025-07-01', '2025-09-30', new Date('2025-11-03T10:00:00.123Z'));
    await addUpdate(world.strategy.lib11, 'FY2026-Q2', '2025-10-01', '2025-12-31', new Date('2025-10-20T10:00:00.456Z'));
    await addUpdate(led, 'FY2026-Q2', '2025-10-01', '2025-12-31', new Date('2025-11-01T08:00:00Z'));
    await addUpdate(partnered.id, 'FY2026-Q2', '2025-10-01', '2025-12-31', new Date('2025-11-02T08:00:00Z'));
    await addUpdate(archived.id, 'FY2026-Q2', '2025-10-01', '2025-12-31', new Date('2025-11-02T08:00:00Z'));

    for (const department of [world.dept.LIB, world.dept.HOUSING, world.dept.ORSE]) {
      expect(await departmentStrategies(db, department)).toEqual(await viaPrisma(department));
    }
    const lib = await departmentStrategies(db, world.dept.LIB);
    expect(lib.map((s) => `${s.objective.plan.key} ${s.objective.number}.${s.number}`)).toEqual([
      'LIB-FY2024-2026 1.1',
      'LIB-FY2024-2026 1.2',
      'LIB-FY2024-2026 2.1',
      'WSJ-2021-2024 2.1',
    ]);
    expect(lib[0]).toMatchObject({ lastUpdateAt: new Date('2025-11-03T10:00:00.123Z'), lastPeriodStart: d('2025-10-01') });
    expect(lib[2]).toMatchObject({ owner: null, lastUpdateAt: null, lastPeriodStart: null });
    expect((await departmentStrategies(db, world.dept.HOUSING)).map((s) => s.id)).toEqual([world.strategy.hsg11, partnered.id]);
  });
});

describe('departmentById', () => {
  it('matches findUnique, every column, and finds nothing for an unknown id', async () => {
    await db.prisma.department.update({
      where: { id: world.dept.HOUSING },
      data: { maturityTier: 'ADVANCED', hasDedicatedEquityStaff: true, slackChannelId: 'C0HOUSING', hasActiveEquityActionTeam: true, isDemo: true },
    });
    for (const id of [world.dept.ORSE, world.dept.LIB, world.dept.HOUSING]) {
      expect(await departmentById(db, id)).toEqual(await db.prisma.department.findUnique({ where: { id } }));
    }
    expect(await departmentById(db, 999_999)).toBeNull();
  });
});
