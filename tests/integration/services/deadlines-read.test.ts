// "What is due for me" reads with one SQL statement (every App Home); it must answer exactly
// what the Prisma queries it replaced answered, on both databases.
import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../support/test-db.js';
import { deadlineRows } from '../../../src/services/deadlines.js';
import type { PlanKind } from '../../../src/generated/prisma/enums.js';
import { citywidePlanOf } from '../../../src/services/strategy-records.js';
import { NOW, addCitywideStrategy, useFreshWorld, type World } from './support/world.js';

let db: TestDatabase;
let world: World;

useFreshWorld((d, w) => {
  db = d;
  world = w;
});

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const strategyPlace = {
  id: true,
  number: true,
  text: true,
  status: true,
  version: true,
  ownerId: true,
  leadDepartmentId: true,
  leadDepartment: { select: { code: true } },
  objective: { select: { number: true, plan: { select: { key: true, departmentId: true, kind: true, title: true, department: { select: { code: true } } } } } },
} as const;

/** What myDeadlines read before. */
async function viaPrisma(memberId: number, until: string) {
  const [milestones, strategies] = await Promise.all([
    db.prisma.milestone.findMany({
      where: {
        completedAt: null,
        dueDate: { lte: d(until) },
        strategy: { archivedAt: null },
        OR: [{ ownerId: memberId }, { ownerId: null, strategy: { ownerId: memberId } }],
      },
      select: { id: true, title: true, dueDate: true, ownerId: true, snoozedUntil: true, strategy: { select: strategyPlace } },
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    }),
    db.prisma.strategy.findMany({
      where: { ownerId: memberId, archivedAt: null, status: { not: 'COMPLETED' }, dueDate: { not: null, lte: d(until) } },
      select: { ...strategyPlace, dueDate: true },
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    }),
  ]);
  // The plan's kind and title become the citywide plan's name, as the statement returns it.
  const place = <T extends { objective: { plan: { kind: PlanKind; title: string } } }>({
    objective: {
      plan: { kind, title, ...plan },
      ...objective
    },
    ...s
  }: T) => ({
    ...s,
    objective: { ...objective, plan },
    citywidePlan: citywidePlanOf({ objective: { plan: { kind, title } } }),
  });
  return { milestones: milestones.map((m) => ({ ...m, strategy: place(m.strategy) })), strategies: strategies.map(place) };
}

describe('deadlineRows', () => {
  it('matches the Prisma queries it replaced: owned, unowned, done, snoozed, archived, completed, citywide', async () => {
    const { member, strategy } = world;
    await db.prisma.strategy.update({ where: { id: strategy.lib12 }, data: { version: 3, dueDate: d('2025-11-12') } });
    await db.prisma.strategy.create({
      data: { objectiveId: world.objective.LIB2, number: 5, text: 'Done', status: 'COMPLETED', ownerId: member.libStaff, dueDate: d('2025-11-02') },
    });
    const archived = await db.prisma.strategy.create({
      data: { objectiveId: world.objective.LIB2, number: 6, text: 'Archived', ownerId: member.libStaff, dueDate: d('2025-11-02'), archivedAt: NOW },
    });
    const citywide = await addCitywideStrategy(db.prisma, world.dept.LIB, [world.dept.HOUSING], {
      text: 'Library cards',
      ownerId: member.libStaff,
      dueDate: d('2025-11-14'),
    });
    await db.prisma.milestone.createMany({
      data: [
        {
          strategyId: strategy.lib11,
          title: 'Book rooms',
          dueDate: d('2025-11-15'),
          ownerId: member.libStaff,
          snoozedUntil: new Date('2025-11-13T16:00:00.250Z'),
        },
        { strategyId: strategy.lib11, title: 'Unowned, so mine as strategy owner', dueDate: d('2025-11-10') },
        { strategyId: strategy.lib11, title: 'Same day, later id', dueDate: d('2025-11-10'), ownerId: member.libStaff },
        { strategyId: strategy.lib11, title: 'Done already', dueDate: d('2025-11-11'), ownerId: member.libStaff, completedAt: NOW },
        { strategyId: strategy.lib11, title: 'Far away', dueDate: d('2026-02-01'), ownerId: member.libStaff },
        { strategyId: strategy.lib12, title: "Someone else's, on the deadline", dueDate: d('2025-11-22'), ownerId: member.libStaff2 },
        { strategyId: strategy.lib21, title: 'Mine on an unowned strategy', dueDate: d('2025-11-13'), ownerId: member.libStaff },
        { strategyId: strategy.lib21, title: "Unowned on an unowned strategy: no one's", dueDate: d('2025-11-13') },
        { strategyId: archived.id, title: 'On an archived strategy', dueDate: d('2025-11-13'), ownerId: member.libStaff },
        { strategyId: citywide, title: 'Unowned citywide', dueDate: d('2025-11-16') },
      ],
    });

    for (const [memberId, until] of [
      [member.libStaff, '2025-11-22'],
      [member.libStaff, '2026-03-01'],
      [member.libStaff2, '2025-11-22'],
      [member.libLead, '2025-11-22'],
    ] as const) {
      expect(await deadlineRows(db, memberId, until)).toEqual(await viaPrisma(memberId, until));
    }
    const mine = await deadlineRows(db, member.libStaff, '2025-11-22');
    expect(mine.milestones.map((m) => m.title)).toEqual([
      'Unowned, so mine as strategy owner',
      'Same day, later id',
      'Mine on an unowned strategy',
      'Book rooms',
      'Unowned citywide',
    ]);
    expect(mine.strategies.map((s) => s.text)).toEqual(['Multilingual story time', 'Library cards']);
    expect(mine.strategies[1]).toMatchObject({ leadDepartment: { code: 'LIB' }, objective: { plan: { key: 'WSJ-2021-2024', department: null } } });
    expect((await deadlineRows(db, member.libStaff2, '2025-11-22')).strategies).toMatchObject([{ version: 3, dueDate: d('2025-11-12') }]);
  });
});
