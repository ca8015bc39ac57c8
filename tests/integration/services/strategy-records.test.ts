// A strategy with its place in the plan is read with one SQL statement (submissions, forms
// and every managing action start there); it must answer exactly what Prisma's include
// answered, on both databases, inside a transaction as well as outside.
import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../support/test-db.js';
import { findStrategy, loadLiveStrategy, strategyWithPlace } from '../../../src/services/strategy-records.js';
import { ServiceError } from '../../../src/services/errors.js';
import { addCitywideStrategy, useFreshWorld, type World } from './support/world.js';

let db: TestDatabase;
let world: World;

useFreshWorld((d, w) => {
  db = d;
  world = w;
});

const viaInclude = (id: number) => db.prisma.strategy.findUnique({ where: { id }, include: strategyWithPlace });

describe('findStrategy', () => {
  it('matches the include field for field: owned, unowned, deferred, archived, in a plan without a department', async () => {
    await db.prisma.strategy.update({
      where: { id: world.strategy.lib12 },
      data: {
        status: 'DEFERRED',
        deferredReason: 'Budget: «next year» 📅',
        performanceMeasures: '% satisfied',
        outputs: '3 guides',
        languageAccess: true,
        genderEquity: true,
      },
    });
    await db.prisma.strategy.update({ where: { id: world.strategy.hsg11 }, data: { archivedAt: new Date('2025-11-01T12:00:00.123Z') } });
    // The ORSE work plan has no department; its strategy's owner has left.
    const plan = await db.prisma.plan.create({
      data: { key: 'ORSE-FY2023-2024', kind: 'ORSE_WORK_PLAN', title: 'ORSE work plan', fiscalStartYear: 2023, fiscalEndYear: 2024 },
    });
    const objective = await db.prisma.objective.create({ data: { planId: plan.id, number: 1, title: 'Capacity' } });
    const orse = await db.prisma.strategy.create({
      data: { objectiveId: objective.id, number: 3, text: 'Train staff', ownerId: world.member.gone, needsReassignment: true },
    });

    // A citywide strategy led by Housing.
    const wsj = await addCitywideStrategy(db.prisma, world.dept.HOUSING, [world.dept.LIB], { text: 'Tenant rights', ownerId: world.member.hsgStaff });

    for (const id of [world.strategy.lib11, world.strategy.lib12, world.strategy.lib21, world.strategy.hsg11, orse.id, wsj]) {
      expect(await findStrategy(db.prisma, id)).toEqual(await viaInclude(id));
    }
    expect((await findStrategy(db.prisma, orse.id))?.objective.plan).toMatchObject({ kind: 'ORSE_WORK_PLAN', departmentId: null, department: null });
    expect((await findStrategy(db.prisma, orse.id))?.owner).toMatchObject({ active: false });
    expect(await findStrategy(db.prisma, wsj)).toMatchObject({
      objective: { plan: { kind: 'CITYWIDE_PLAN', department: null } },
      leadDepartment: { code: 'HOUSING', reportingCadence: 'MONTHLY' },
    });
    expect(await findStrategy(db.prisma, 999_999)).toBeNull();
  });

  it('reads inside a transaction, and refuses an archived or missing strategy as gone', async () => {
    const inside = await db.prisma.$transaction(async (tx) => {
      await tx.strategy.update({ where: { id: world.strategy.lib11 }, data: { version: { increment: 1 } } });
      return findStrategy(tx, world.strategy.lib11);
    });
    expect(inside?.version).toBe(2);
    await db.prisma.strategy.update({ where: { id: world.strategy.lib21 }, data: { archivedAt: new Date() } });
    await expect(loadLiveStrategy(db.prisma, world.strategy.lib21)).rejects.toBeInstanceOf(ServiceError);
    await expect(loadLiveStrategy(db.prisma, 999_999)).rejects.toMatchObject({ code: 'not_found' });
  });
});
