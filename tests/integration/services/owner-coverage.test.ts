// ORSE's owner coverage is read with one SQL statement; it must answer what the plain
// Prisma query and the domain rules answer, on both databases, and only for ORSE admins.
import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../support/test-db.js';
import { isoDateOf, todayIn } from '../../../src/domain/calendar-dates.js';
import { groupByReason } from '../../../src/domain/owner-coverage.js';
import { loadActor } from '../../../src/services/authz.js';
import { ownerCoverage, type CoverageItem } from '../../../src/services/owner-coverage.js';
import { citywidePlanOf, inStrategyDepartments, strategyDepartment } from '../../../src/services/strategy-records.js';
import { NOW, ZONE, addCitywideStrategy, refusal, serviceContext, useFreshWorld, type World } from './support/world.js';

let db: TestDatabase;
let world: World;
const ctx = () => serviceContext(db.prisma);
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

useFreshWorld((fresh, w) => {
  db = fresh;
  world = w;
});

/** The same rows through a Prisma include, classified by the domain rules. */
async function reference(departmentId: number | null) {
  const rows = await db.prisma.strategy.findMany({
    where: { archivedAt: null, status: { not: 'COMPLETED' }, ...(departmentId !== null ? inStrategyDepartments([departmentId]) : {}) },
    include: {
      leadDepartment: { select: { id: true, code: true, name: true } },
      objective: {
        select: { number: true, plan: { select: { key: true, kind: true, title: true, department: { select: { id: true, code: true, name: true } } } } },
      },
      owner: { select: { slackUserId: true, name: true, active: true } },
      _count: { select: { updates: true } },
    },
  });
  const items: CoverageItem[] = rows
    .map((s) => ({
      id: s.id,
      label: `${s.objective.number}.${s.number}`,
      citywidePlan: citywidePlanOf(s),
      text: s.text,
      status: s.status,
      dueDate: s.dueDate ? isoDateOf(s.dueDate) : null,
      planKey: s.objective.plan.key,
      department: strategyDepartment(s),
      owner: s.owner,
      needsReassignment: s.needsReassignment,
      hasUpdate: s._count.updates > 0,
      sortKey: [strategyDepartment(s)?.code ?? '', s.objective.plan.key, String(s.objective.number).padStart(4, '0'), String(s.number).padStart(4, '0')].join(
        ' ',
      ),
    }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .map(({ sortKey: _, ...item }) => item);
  return groupByReason(items, todayIn(NOW, ZONE));
}

async function update(strategyId: number, authorId: number, key: string) {
  await db.prisma.progressUpdate.create({
    data: {
      strategyId,
      periodKey: 'FY2026-Q1',
      periodStart: d('2025-07-01'),
      periodEnd: d('2025-09-30'),
      statusFrom: 'NOT_STARTED',
      statusTo: 'IN_PROGRESS',
      narrative: 'Reported',
      authorId,
      idempotencyKey: key,
    },
  });
}

describe('owner coverage', () => {
  it('matches the Prisma query and the domain rules, leaving out what is covered, completed or archived', async () => {
    const m = world.member;
    // Housing 1.1: owned, reported on, due next year: covered.
    await update(world.strategy.hsg11, m.hsgStaff, 'hsg11');
    // Library 1.2: its owner left. 2.1: no owner, text the JSON path must carry unchanged.
    await db.prisma.strategy.update({ where: { id: world.strategy.lib12 }, data: { ownerId: m.gone } });
    await db.prisma.strategy.update({ where: { id: world.strategy.lib21 }, data: { text: 'مكتبة 📚 "biblioteca" — thư viện\n\\' } });
    const extra = async (number: number, data: Record<string, unknown>) =>
      (await db.prisma.strategy.create({ data: { objectiveId: world.objective.LIB2, number, text: `Extra ${number}`, ...data } })).id;
    const flagged = await extra(2, { ownerId: m.libStaff, needsReassignment: true, status: 'IN_PROGRESS' });
    await update(flagged, m.libStaff, 'flagged');
    const deferred = await extra(3, { ownerId: m.libStaff, status: 'DEFERRED', dueDate: d('2025-01-01') });
    await update(deferred, m.libStaff, 'deferred');
    await extra(4, { status: 'COMPLETED' });
    await extra(5, { archivedAt: NOW });
    const dueToday = await extra(6, { ownerId: m.libStaff, status: 'IN_PROGRESS', dueDate: d('2025-11-12') });
    await update(dueToday, m.libStaff, 'today');

    const admin = await loadActor(ctx(), 'UADMIN');
    const c = await ownerCoverage(ctx(), admin);
    expect(c.groups).toEqual(await reference(null));
    const ids = (list: CoverageItem[]) => list.map((i) => i.id);
    const { lib11, lib12, lib21 } = world.strategy;
    expect(ids(c.groups.noOwner)).toEqual([lib21]);
    expect(ids(c.groups.inactiveOwner)).toEqual([lib12, flagged]);
    expect(ids(c.groups.neverUpdated)).toEqual([lib11, lib12, lib21]);
    expect(ids(c.groups.overdue)).toEqual([lib11]);
    expect(c.counts).toEqual({ noOwner: 1, inactiveOwner: 2, neverUpdated: 3, overdue: 1 });
    expect(c.total).toBe(4);
    expect(c).toMatchObject({ today: '2025-11-12', department: null });
    expect(c.groups.inactiveOwner[0]).toMatchObject({
      label: '1.2',
      owner: { slackUserId: 'UGONE', active: false },
      department: { code: 'LIB' },
      dueDate: '2025-11-20',
    });
    expect(c.groups.noOwner[0]!.text).toBe('مكتبة 📚 "biblioteca" — thư viện\n\\');
  });

  it('narrows to a department by name or code', async () => {
    await db.prisma.strategy.update({ where: { id: world.strategy.hsg11 }, data: { ownerId: null } });
    const admin = await loadActor(ctx(), 'UADMIN');
    const housing = await ownerCoverage(ctx(), admin, 'housing');
    expect(housing.department).toMatchObject({ code: 'HOUSING' });
    expect(housing.groups).toEqual(await reference(world.dept.HOUSING));
    expect(housing.groups.noOwner.map((i) => i.id)).toEqual([world.strategy.hsg11]);
    expect((await refusal(ownerCoverage(ctx(), admin, 'narnia'))).code).toBe('not_found');
  });

  it('lists a citywide strategy under its lead department, not its partner', async () => {
    // Welcoming plan 2.1, led by Housing with the Library as partner: nobody owns it.
    const wsj = await addCitywideStrategy(db.prisma, world.dept.HOUSING, [world.dept.LIB], { text: 'Tenant rights in five languages' });
    const admin = await loadActor(ctx(), 'UADMIN');
    const housing = await ownerCoverage(ctx(), admin, 'HOUSING');
    expect(housing.groups).toEqual(await reference(world.dept.HOUSING));
    expect(housing.groups.noOwner.map((i) => [i.id, i.planKey, i.department?.code])).toEqual([[wsj, 'WSJ-2021-2024', 'HOUSING']]);
    const lib = await ownerCoverage(ctx(), admin, 'LIB');
    expect(lib.groups.noOwner.map((i) => i.id)).toEqual([world.strategy.lib21]);
    expect((await ownerCoverage(ctx(), admin)).groups).toEqual(await reference(null));
  });

  it('refuses anyone but ORSE admins, and audits the refusal before looking anything up', async () => {
    for (const who of ['ULIBLEAD', 'ULIBSTAFF', 'UMANAGER']) {
      const actor = await loadActor(ctx(), who);
      const e = await refusal(ownerCoverage(ctx(), actor, 'narnia'));
      expect(e).toMatchObject({ code: 'forbidden', messageKey: 'errors.forbidden.adminOnly' });
      const audit = await db.prisma.auditLog.findFirst({ where: { actor: who, action: 'authz.denied' } });
      expect(audit).toMatchObject({ detail: 'status.coverage', entityType: 'department', entityId: 'narnia' });
    }
  });
});
