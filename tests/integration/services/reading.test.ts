import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../support/test-db.js';
import { loadActor } from '../../../src/services/authz.js';
import { citywideStatus, departmentStatus } from '../../../src/services/status.js';
import { myDeadlines } from '../../../src/services/deadlines.js';
import { planView } from '../../../src/services/plans.js';
import { submitUpdate } from '../../../src/services/progress-updates.js';
import { NOW, addCitywideStrategy, refusal, serviceContext, useFreshWorld, updateInput, type World } from './support/world.js';

let db: TestDatabase;
let world: World;
const ctx = () => serviceContext(db.prisma);
const actor = (slackUserId: string) => loadActor(ctx(), slackUserId);
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

useFreshWorld((d, w) => {
  db = d;
  world = w;
});

describe('departmentStatus', () => {
  it("summarizes the actor's own department on the City's calendar", async () => {
    const status = await departmentStatus(ctx(), await actor('ULIBSTAFF'));
    expect(status.department.code).toBe('LIB');
    expect(status.today).toBe('2025-11-12');
    expect(status.quarter.key).toBe('FY2026-Q2');
    expect(status.total).toBe(3);
    expect(status.byStatus).toEqual({ COMPLETED: 0, IN_PROGRESS: 1, ONGOING: 1, NOT_STARTED: 1, DEFERRED: 0 });
    expect(status.overdue.map((s) => [s.label, s.daysUntilDue])).toEqual([['1.1', -11]]);
    expect(status.dueSoon.map((s) => [s.label, s.daysUntilDue])).toEqual([['1.2', 8]]);
    expect(status.notUpdatedThisQuarter.map((s) => s.label)).toEqual(['1.1', '1.2', '2.1']);
    expect(status.lastUpdateAt).toBeNull();
    expect(status.lastUpdateAgeDays).toBeNull();
    expect(status.overdue[0]).toMatchObject({ canUpdate: true, canManage: false, owner: { slackUserId: 'ULIBSTAFF' } });
  });

  it('counts a strategy due today as not yet overdue, late in the evening in San José', async () => {
    await db.prisma.strategy.update({ where: { id: world.strategy.lib11 }, data: { dueDate: d('2025-11-12') } });
    // 23:30 in San José is already the 13th in UTC.
    const lateEvening = new Date('2025-11-13T07:30:00Z');
    const status = await departmentStatus(ctx(), await actor('ULIBSTAFF'), undefined, lateEvening);
    expect(status.today).toBe('2025-11-12');
    expect(status.overdue).toEqual([]);
    expect(status.dueSoon.map((s) => s.label)).toEqual(['1.1', '1.2']);
  });

  it('drops a strategy from "not updated" once it is reported on, and ages the last update', async () => {
    const staff = await actor('ULIBSTAFF');
    const threeDaysAgo = serviceContext(db.prisma, new Date('2025-11-09T20:00:00Z'));
    await submitUpdate(threeDaysAgo, staff, await updateInput(db.prisma, world.strategy.lib11), { idempotencyKey: 'k' });
    const status = await departmentStatus(ctx(), staff);
    expect(status.notUpdatedThisQuarter.map((s) => s.label)).toEqual(['1.2', '2.1']);
    expect(status.lastUpdateAgeDays).toBe(3);
  });

  it('finds a department by code or name, in any case, with or without accents', async () => {
    const manager = await actor('UMANAGER');
    for (const q of ['LIB', 'lib', 'library', 'San José Public Library', 'san jose public library', 'public lib']) {
      expect((await departmentStatus(ctx(), manager, q)).department.code).toBe('LIB');
    }
    // A manager of one department without a department of their own gets that one.
    expect((await departmentStatus(ctx(), manager)).department.code).toBe('LIB');
    // Of two, they must say which.
    await db.prisma.managedDepartment.create({ data: { memberId: world.member.manager, departmentId: world.dept.HOUSING } });
    const e = await refusal(departmentStatus(ctx(), await actor('UMANAGER')));
    expect(e).toMatchObject({ code: 'invalid', messageKey: 'errors.invalid.departmentRequired' });
    expect(e.params.choices).toEqual([
      { code: 'HOUSING', name: 'Housing Department' },
      { code: 'LIB', name: 'San José Public Library' },
    ]);
  });

  it('answers an unknown department with suggestions', async () => {
    const e = await refusal(departmentStatus(ctx(), await actor('UADMIN'), 'libary'));
    expect(e.code).toBe('not_found');
    expect(e.messageKey).toBe('errors.notFound.department');
    expect(e.params.suggestions).toContainEqual({ code: 'LIB', name: 'San José Public Library' });
  });

  it("refuses and audits reading another department's status", async () => {
    const e = await refusal(departmentStatus(ctx(), await actor('UHSGSTAFF'), 'LIB'));
    expect(e.code).toBe('forbidden');
    expect(e.messageKey).toBe('errors.forbidden.read');
    expect(await db.prisma.auditLog.count({ where: { action: 'authz.denied', actor: 'UHSGSTAFF' } })).toBe(1);
  });
});

describe('status of a citywide strategy', () => {
  // Led by the Library, with Housing as partner: the Library's to count and manage.
  const addWelcoming = () =>
    addCitywideStrategy(db.prisma, world.dept.LIB, [world.dept.HOUSING], {
      text: 'Library cards at every community center',
      status: 'IN_PROGRESS',
      ownerId: world.member.libStaff2,
      dueDate: d('2025-11-05'),
    });

  it('counts it for its lead department, which may manage it, and not for its partner', async () => {
    await addWelcoming();
    const lib = await departmentStatus(ctx(), await actor('ULIBLEAD'));
    expect(lib.total).toBe(4);
    expect(lib.byStatus).toEqual({ COMPLETED: 0, IN_PROGRESS: 2, ONGOING: 1, NOT_STARTED: 1, DEFERRED: 0 });
    expect(lib.overdue.map((s) => [s.label, s.planKey, s.canManage, s.canUpdate])).toEqual([
      ['1.1', 'LIB-FY2024-2026', true, true],
      ['2.1', 'WSJ-2021-2024', true, true],
    ]);
    expect(lib.notUpdatedThisQuarter.map((s) => `${s.planKey} ${s.label}`)).toEqual([
      'LIB-FY2024-2026 1.1',
      'LIB-FY2024-2026 1.2',
      'LIB-FY2024-2026 2.1',
      'WSJ-2021-2024 2.1',
    ]);
    const housing = await departmentStatus(ctx(), await actor('UHSGSTAFF'));
    expect(housing.total).toBe(1);
    expect(housing.overdue).toEqual([]);
  });

  it('adds it to its lead department once in the citywide figures, with its updates', async () => {
    const id = await addWelcoming();
    await submitUpdate(ctx(), await actor('ULIBSTAFF2'), await updateInput(db.prisma, id), { idempotencyKey: 'wsj' });
    const city = await citywideStatus(ctx(), await actor('UADMIN'));
    const lib = city.departments.find((r) => r.department.code === 'LIB')!;
    expect(lib).toMatchObject({ total: 4, overdue: 2, notUpdatedThisQuarter: 3, updatesThisQuarter: 1, silent: false, lastUpdateAgeDays: 0 });
    const hsg = city.departments.find((r) => r.department.code === 'HOUSING')!;
    expect(hsg).toMatchObject({ total: 1, overdue: 0, updatesThisQuarter: 0 });
    expect(city.totals).toMatchObject({ total: 5, overdue: 2 });
  });
});

describe('citywideStatus', () => {
  it('shows departments by status, overdue work and who is silent this quarter', async () => {
    await submitUpdate(ctx(), await actor('UHSGSTAFF'), await updateInput(db.prisma, world.strategy.hsg11), { idempotencyKey: 'k' });
    const city = await citywideStatus(ctx(), await actor('UADMIN'));
    expect(city.quarter.key).toBe('FY2026-Q2');
    expect(city.departments.map((r) => r.department.code)).toEqual(['HOUSING', 'ORSE', 'LIB']);
    const lib = city.departments.find((r) => r.department.code === 'LIB')!;
    expect(lib).toMatchObject({ total: 3, overdue: 1, dueSoon: 1, notUpdatedThisQuarter: 3, updatesThisQuarter: 0, silent: true, lastUpdateAt: null });
    expect(lib.byStatus).toEqual({ COMPLETED: 0, IN_PROGRESS: 1, ONGOING: 1, NOT_STARTED: 1, DEFERRED: 0 });
    const hsg = city.departments.find((r) => r.department.code === 'HOUSING')!;
    expect(hsg).toMatchObject({ total: 1, overdue: 0, updatesThisQuarter: 1, silent: false, lastUpdateAgeDays: 0 });
    // ORSE has no plan here: nothing to report, so not silent.
    expect(city.silentDepartments.map((x) => x.code)).toEqual(['LIB']);
    expect(city.totals).toMatchObject({ total: 4, overdue: 1, dueSoon: 1 });
  });

  it('is for ORSE admins only', async () => {
    const e = await refusal(citywideStatus(ctx(), await actor('ULIBLEAD')));
    expect(e).toMatchObject({ code: 'forbidden', messageKey: 'errors.forbidden.adminOnly' });
  });
});

describe('myDeadlines', () => {
  it("lists the person's overdue and upcoming milestones and strategies", async () => {
    await db.prisma.milestone.createMany({
      data: [
        { strategyId: world.strategy.lib11, title: 'Book rooms', dueDate: d('2025-11-15'), ownerId: world.member.libStaff },
        { strategyId: world.strategy.lib11, title: 'Unowned, so mine as strategy owner', dueDate: d('2025-11-10') },
        { strategyId: world.strategy.lib11, title: 'Done already', dueDate: d('2025-11-11'), ownerId: world.member.libStaff, completedAt: NOW },
        { strategyId: world.strategy.lib11, title: 'Far away', dueDate: d('2026-02-01'), ownerId: world.member.libStaff },
        { strategyId: world.strategy.lib12, title: "Someone else's", dueDate: d('2025-11-14'), ownerId: world.member.libStaff2 },
      ],
    });
    const mine = await myDeadlines(ctx(), await actor('ULIBSTAFF'));
    expect(mine.today).toBe('2025-11-12');
    expect(mine.overdue.map((i) => [i.kind, i.title, i.daysUntilDue])).toEqual([
      ['strategy', 'Multilingual story time', -11],
      ['milestone', 'Unowned, so mine as strategy owner', -2],
    ]);
    expect(mine.upcoming.map((i) => [i.kind, i.title, i.daysUntilDue])).toEqual([['milestone', 'Book rooms', 3]]);
    expect(mine.upcoming[0]).toMatchObject({
      strategy: { label: '1.1' },
      plan: { key: 'LIB-FY2024-2026' },
      canUpdate: true,
      canManage: false,
      canComplete: true,
    });

    const wider = await myDeadlines(ctx(), await actor('ULIBSTAFF'), NOW, { horizonDays: 120 });
    expect(wider.upcoming.map((i) => i.title)).toEqual(['Book rooms', 'Far away']);
  });

  it('shows a citywide strategy under its lead department, managed by its equity lead', async () => {
    // Welcoming plan 2.1, led by the Library, Housing a partner, owned by the Library's equity lead.
    await addCitywideStrategy(db.prisma, world.dept.LIB, [world.dept.HOUSING], {
      text: 'Library cards at every community center',
      status: 'IN_PROGRESS',
      ownerId: world.member.libLead,
      dueDate: d('2025-11-14'),
    });
    const mine = await myDeadlines(ctx(), await actor('ULIBLEAD'));
    expect(mine.upcoming).toHaveLength(1);
    expect(mine.upcoming[0]).toMatchObject({
      title: 'Library cards at every community center',
      plan: { key: 'WSJ-2021-2024' },
      department: { code: 'LIB' },
      canUpdate: true,
      canManage: true,
    });
  });
});

describe('planView', () => {
  it('groups strategies by objective with buttons per reader', async () => {
    const view = await planView(ctx(), await actor('ULIBSTAFF'));
    expect(view.plan.key).toBe('LIB-FY2024-2026');
    expect(view.objectives.map((o) => [o.number, o.strategies.map((s) => s.label)])).toEqual([
      [1, ['1.1', '1.2']],
      [2, ['2.1']],
    ]);
    expect(view.objectives.flatMap((o) => o.strategies).every((s) => s.canUpdate && !s.canManage)).toBe(true);
    expect(view).toMatchObject({ page: 1, totalPages: 1, totalStrategies: 3, hasNext: false, canManage: false });

    const lead = await planView(ctx(), await actor('ULIBLEAD'), 'library');
    expect(lead.canManage).toBe(true);
    expect(lead.objectives[0]!.strategies[0]!.canManage).toBe(true);

    const manager = await planView(ctx(), await actor('UMANAGER'), 'LIB');
    expect(manager.objectives[0]!.strategies[0]).toMatchObject({ canUpdate: false, canManage: false });
  });

  it('pages through the plan and keeps the page in range', async () => {
    const staff = await actor('ULIBSTAFF');
    const first = await planView(ctx(), staff, undefined, 1, 2);
    expect(first.objectives.flatMap((o) => o.strategies.map((s) => s.label))).toEqual(['1.1', '1.2']);
    expect(first).toMatchObject({ totalPages: 2, hasNext: true, hasPrevious: false });
    const second = await planView(ctx(), staff, undefined, 2, 2);
    expect(second.objectives.map((o) => o.number)).toEqual([2]);
    expect(second).toMatchObject({ hasNext: false, hasPrevious: true });
    expect((await planView(ctx(), staff, undefined, 99, 2)).page).toBe(2);
  });

  it("refuses another department's plan to staff", async () => {
    const e = await refusal(planView(ctx(), await actor('ULIBSTAFF'), 'housing'));
    expect(e.code).toBe('forbidden');
  });
});
