// The form's strategy list is read with one SQL statement (for speed under load); it must
// answer exactly what the Prisma query it replaced answered, on both databases.
import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../support/test-db.js';
import { loadActor } from '../../../src/services/authz.js';
import { listReportableStrategies, summarizeStrategy, submitUpdate } from '../../../src/services/progress-updates.js';
import { reportableStrategyRows } from '../../../src/services/reportable-strategy-rows.js';
import { inStrategyDepartments, strategyDepartment, strategyDepartmentId, strategyWithPlace } from '../../../src/services/strategy-records.js';
import { isoDateOf } from '../../../src/domain/calendar-dates.js';
import { addCitywideStrategy, serviceContext, updateInput, useFreshWorld, type World } from './support/world.js';

let db: TestDatabase;
let world: World;
const ctx = () => serviceContext(db.prisma);

useFreshWorld((d, w) => {
  db = d;
  world = w;
});

/** The Prisma query (include + grouped latest dates) that listReportableStrategies used to run. */
async function reference(departmentId: number | null, ownerId: number | null) {
  const strategies = await db.prisma.strategy.findMany({
    where: {
      archivedAt: null,
      OR: [...(ownerId !== null ? [{ ownerId }] : []), ...(departmentId !== null ? [inStrategyDepartments([departmentId])] : [])],
    },
    include: strategyWithPlace,
    orderBy: [{ objective: { plan: { key: 'asc' } } }, { objective: { number: 'asc' } }, { number: 'asc' }],
  });
  const latest = await db.prisma.progressUpdate.groupBy({
    by: ['strategyId'],
    where: { strategyId: { in: strategies.map((s) => s.id) } },
    _max: { periodStart: true },
  });
  return strategies.map((s) => {
    const last = latest.find((l) => l.strategyId === s.id)?._max;
    return {
      ...summarizeStrategy(s),
      ownerId: s.ownerId,
      departmentId: strategyDepartmentId(s),
      reportingCadence: strategyDepartment(s)?.reportingCadence ?? null,
      lastPeriodStart: last?.periodStart ? isoDateOf(last.periodStart) : null,
    };
  });
}

describe('the strategy list read for forms and App Home', () => {
  it('matches the Prisma query field for field: place in the plan, owner, due date, latest update', async () => {
    const staff = await loadActor(ctx(), 'ULIBSTAFF');
    await submitUpdate(ctx(), staff, await updateInput(db.prisma, world.strategy.lib11), { idempotencyKey: 'first' });
    // Text the SQL path must carry unchanged; a strategy with no owner; one archived (left out).
    await db.prisma.strategy.update({ where: { id: world.strategy.lib21 }, data: { text: 'مكتبة 📚 biblioteca — thư viện', needsReassignment: true } });
    await db.prisma.strategy.update({ where: { id: world.strategy.lib12 }, data: { archivedAt: new Date() } });
    // Someone in the Library who also owns a Housing strategy, reported on at a time with milliseconds.
    await db.prisma.strategy.update({ where: { id: world.strategy.hsg11 }, data: { ownerId: staff.memberId } });
    await db.prisma.progressUpdate.create({
      data: {
        strategyId: world.strategy.hsg11,
        periodKey: 'FY2026-M04',
        periodStart: new Date('2025-10-01'),
        periodEnd: new Date('2025-10-31'),
        statusFrom: 'IN_PROGRESS',
        statusTo: 'IN_PROGRESS',
        narrative: 'October',
        authorId: staff.memberId,
        idempotencyKey: 'ms',
        createdAt: new Date('2025-10-31T23:59:59.987Z'),
      },
    });

    // A citywide strategy led by Housing, the Library a partner: Housing's, not the Library's.
    const wsj = await addCitywideStrategy(db.prisma, world.dept.HOUSING, [world.dept.LIB], { text: 'Tenant rights in five languages' });

    for (const [departmentId, ownerId] of [
      [world.dept.LIB, staff.memberId],
      [world.dept.HOUSING, null],
      [null, staff.memberId],
      [world.dept.ORSE, null],
    ] as const) {
      const rows = await reportableStrategyRows(ctx(), { departmentId, ownerId });
      expect(rows).toEqual(await reference(departmentId, ownerId));
    }
    const lib = await reportableStrategyRows(ctx(), { departmentId: world.dept.LIB, ownerId: staff.memberId });
    expect(lib.map((s) => `${s.plan.key} ${s.label}`)).toEqual(['HOUSING-FY2024-2026 1.1', 'LIB-FY2024-2026 1.1', 'LIB-FY2024-2026 2.1']);
    expect(lib.find((s) => s.id === world.strategy.lib21)).toMatchObject({
      text: 'مكتبة 📚 biblioteca — thư viện',
      owner: null,
      needsReassignment: true,
      lastPeriodStart: null,
    });
    expect(lib.find((s) => s.id === world.strategy.lib11)).toMatchObject({
      lastPeriodStart: '2025-10-01',
      dueDate: '2025-11-01',
      reportingCadence: 'QUARTERLY',
    });
    expect(lib.find((s) => s.id === world.strategy.hsg11)).toMatchObject({
      lastPeriodStart: '2025-10-01',
      reportingCadence: 'MONTHLY',
    });
    const housing = await reportableStrategyRows(ctx(), { departmentId: world.dept.HOUSING, ownerId: null });
    expect(housing.map((s) => [s.plan.key, s.label, s.department?.code, s.reportingCadence])).toEqual([
      ['HOUSING-FY2024-2026', '1.1', 'HOUSING', 'MONTHLY'],
      ['WSJ-2021-2024', '2.1', 'HOUSING', 'MONTHLY'],
    ]);
    expect(housing.find((s) => s.id === wsj)?.departmentId).toBe(world.dept.HOUSING);
    expect(await reportableStrategyRows(ctx(), { departmentId: null, ownerId: null })).toEqual([]);
  });

  it('lists what a person may report on from those rows, with the period of their own department', async () => {
    const staff = await loadActor(ctx(), 'ULIBSTAFF');
    await db.prisma.strategy.update({ where: { id: world.strategy.hsg11 }, data: { ownerId: staff.memberId } });
    const list = await listReportableStrategies(ctx(), staff);
    expect(list.map((s) => [s.label, s.department?.code, s.ownedByActor, s.periodKey])).toEqual([
      // Housing reports monthly: its own strategy there is in November's period.
      ['1.1', 'HOUSING', true, 'FY2026-M05'],
      ['1.1', 'LIB', true, 'FY2026-Q2'],
      ['1.2', 'LIB', false, 'FY2026-Q2'],
      ['2.1', 'LIB', false, 'FY2026-Q2'],
    ]);
  });
});
