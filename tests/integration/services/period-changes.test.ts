// What changed since last quarter, read for a person: their department's strategies against
// the snapshots of FY2026 Q1, in one statement, refused for a department they may not read;
// and reporting coverage per quarter from the same snapshots.
import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../support/test-db.js';
import type { StrategyStatus } from '../../../src/generated/prisma/enums.js';
import { loadActor } from '../../../src/services/authz.js';
import { citywideChanges, departmentChanges } from '../../../src/services/period-changes.js';
import { reportingCoverage } from '../../../src/services/reporting-coverage.js';
import { countingClient } from './support/query-counter.js';
import { addCitywideStrategy, serviceContext, useFreshWorld, type World } from './support/world.js';

let db: TestDatabase;
let world: World;
const ctx = () => serviceContext(db.prisma);

useFreshWorld((d, w) => {
  db = d;
  world = w;
});

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
async function snapshot(strategyId: number, status: StrategyStatus, reported: boolean, lastUpdateId: number | null = null) {
  await db.prisma.periodSnapshot.create({
    data: {
      strategyId,
      lastUpdateId,
      periodKey: 'FY2026-Q1',
      periodStart: d('2025-07-01'),
      periodEnd: d('2025-09-30'),
      status,
      reported,
      takenAt: new Date('2025-10-01T08:00:00Z'),
    },
  });
}

describe('changes since last quarter', () => {
  it('compares a department with its snapshots of last quarter, in one statement', async () => {
    await snapshot(world.strategy.lib11, 'IN_PROGRESS', true);
    await snapshot(world.strategy.lib12, 'NOT_STARTED', false);
    await snapshot(world.strategy.hsg11, 'IN_PROGRESS', true);
    await db.prisma.strategy.update({ where: { id: world.strategy.lib11 }, data: { status: 'COMPLETED' } });
    await db.prisma.strategy.update({ where: { id: world.strategy.lib12 }, data: { status: 'IN_PROGRESS' } });
    await db.prisma.strategy.update({ where: { id: world.strategy.hsg11 }, data: { status: 'DEFERRED' } });

    const lead = await loadActor(ctx(), 'ULIBLEAD');
    const counter = countingClient(db.prisma);
    const c = await departmentChanges(serviceContext(counter.prisma), lead, world.dept.LIB);
    expect(counter.count()).toBe(1);
    expect(c?.since.key).toBe('FY2026-Q1');
    expect(c?.changes.changes.map((x) => [x.kind, x.strategy.label, x.from, x.to])).toEqual([
      ['completed', '1.1', 'IN_PROGRESS', 'COMPLETED'],
      ['started', '1.2', 'NOT_STARTED', 'IN_PROGRESS'],
      // 2.1 has no snapshot of Q1: it is new since.
      ['new', '2.1', null, 'ONGOING'],
    ]);

    // ORSE sees every department together.
    const city = await citywideChanges(ctx(), await loadActor(ctx(), 'UADMIN'));
    expect(city?.changes.counts).toMatchObject({ completed: 1, started: 1, deferred: 1, new: 1 });
  });

  it('shows a citywide strategy’s change to its lead department, not to its partner', async () => {
    // Welcoming plan 2.1, led by the Library with Housing as partner, started since Q1.
    const wsj = await addCitywideStrategy(db.prisma, world.dept.LIB, [world.dept.HOUSING], {
      text: 'Library cards at every community center',
      status: 'IN_PROGRESS',
    });
    await snapshot(wsj, 'NOT_STARTED', false);
    await snapshot(world.strategy.hsg11, 'IN_PROGRESS', true);

    const lib = await departmentChanges(ctx(), await loadActor(ctx(), 'ULIBLEAD'), world.dept.LIB);
    expect(lib?.changes.changes.map((x) => [x.kind, x.strategy.label, x.strategy.text])).toContainEqual([
      'started',
      '2.1',
      'Library cards at every community center',
    ]);
    const housing = await departmentChanges(ctx(), await loadActor(ctx(), 'UHSGSTAFF'), world.dept.HOUSING);
    expect(housing?.changes.changes.map((x) => x.strategy.text)).not.toContain('Library cards at every community center');
    expect(housing?.changes).toMatchObject({ compared: 1, withHistory: 1 });
    // ORSE's citywide view counts it once.
    const city = await citywideChanges(ctx(), await loadActor(ctx(), 'UADMIN'));
    expect(city?.changes.counts).toMatchObject({ started: 1 });
  });

  it('says which measures reached or fell short of their targets since last quarter', async () => {
    const trained = await db.prisma.measure.create({
      data: { strategyId: world.strategy.lib11, position: 1, label: 'Staff trained', kind: 'PERCENT', target: 98, direction: 'INCREASE' },
    });
    const events = await db.prisma.measure.create({
      data: { strategyId: world.strategy.lib11, position: 2, label: 'Story times held', kind: 'COUNT', unit: 'events', target: 15, direction: 'INCREASE' },
    });
    // A measure without a target has nothing to reach.
    const languages = await db.prisma.measure.create({
      data: { strategyId: world.strategy.lib11, position: 3, label: 'Languages offered', kind: 'COUNT', direction: 'INCREASE' },
    });
    const report = async (period: { key: string; start: string; end: string }, values: [number, number][], createdAt: string) =>
      db.prisma.progressUpdate.create({
        data: {
          strategyId: world.strategy.lib11,
          periodKey: period.key,
          periodStart: d(period.start),
          periodEnd: d(period.end),
          statusFrom: 'IN_PROGRESS',
          statusTo: 'IN_PROGRESS',
          narrative: `Report for ${period.key}`,
          authorId: world.member.libStaff,
          idempotencyKey: `measures-test-${period.key}`,
          createdAt: new Date(createdAt),
          values: { create: values.map(([measureId, value]) => ({ measureId, value })) },
        },
      });
    const q1 = await report(
      { key: 'FY2026-Q1', start: '2025-07-01', end: '2025-09-30' },
      [
        [trained.id, 90],
        [events.id, 15],
        [languages.id, 3],
      ],
      '2025-09-20T17:00:00Z',
    );
    await report(
      { key: 'FY2026-Q2', start: '2025-10-01', end: '2025-12-31' },
      [
        [trained.id, 98.5],
        [events.id, 10],
        [languages.id, 5],
      ],
      '2025-11-05T17:00:00Z',
    );
    await snapshot(world.strategy.lib11, 'IN_PROGRESS', true, q1.id);
    await snapshot(world.strategy.lib12, 'NOT_STARTED', false);

    const counter = countingClient(db.prisma);
    const c = await departmentChanges(serviceContext(counter.prisma), await loadActor(ctx(), 'ULIBLEAD'), world.dept.LIB);
    expect(counter.count()).toBe(1);
    expect(c?.changes.counts).toMatchObject({ reachedTarget: 1, missedTarget: 1 });
    const moves = c?.changes.changes.filter((x) => x.measure).map((x) => [x.kind, x.strategy.label, x.measure?.label, x.measure?.previous, x.measure?.current]);
    expect(moves).toEqual([
      ['missedTarget', '1.1', 'Story times held', 15, 10],
      ['reachedTarget', '1.1', 'Staff trained', 90, 98.5],
    ]);
  });

  it('refuses a department the reader may not see, and shows nothing without last quarter’s snapshots', async () => {
    const housingStaff = await loadActor(ctx(), 'UHSGSTAFF');
    await expect(departmentChanges(ctx(), housingStaff, world.dept.LIB)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await departmentChanges(ctx(), await loadActor(ctx(), 'ULIBLEAD'), world.dept.LIB)).toBeNull();
  });

  it('counts, per quarter, the strategies expected to report and those that did', async () => {
    await snapshot(world.strategy.lib11, 'IN_PROGRESS', true);
    await snapshot(world.strategy.lib12, 'NOT_STARTED', false);
    // Completed before the quarter and silent: not expected to report.
    await snapshot(world.strategy.lib21, 'COMPLETED', false);
    await snapshot(world.strategy.hsg11, 'DEFERRED', true);
    const lib = await reportingCoverage(ctx(), { departmentId: world.dept.LIB });
    expect(lib.map((q) => [q.period.key, q.expected, q.reported, q.notReported])).toEqual([['FY2026-Q1', 2, 1, 1]]);
    const city = await reportingCoverage(ctx(), 'citywide');
    expect(city.map((q) => [q.period.key, q.expected, q.reported, q.notReported])).toEqual([['FY2026-Q1', 3, 2, 1]]);
  });

  it('covers a citywide strategy in its lead department’s chart, not its partner’s', async () => {
    const wsj = await addCitywideStrategy(db.prisma, world.dept.LIB, [world.dept.HOUSING], { text: 'Library cards at every community center' });
    await snapshot(wsj, 'IN_PROGRESS', true);
    await snapshot(world.strategy.lib11, 'IN_PROGRESS', false);
    await snapshot(world.strategy.hsg11, 'IN_PROGRESS', true);
    const lib = await reportingCoverage(ctx(), { departmentId: world.dept.LIB });
    expect(lib.map((q) => [q.period.key, q.expected, q.reported])).toEqual([['FY2026-Q1', 2, 1]]);
    const housing = await reportingCoverage(ctx(), { departmentId: world.dept.HOUSING });
    expect(housing.map((q) => [q.period.key, q.expected, q.reported])).toEqual([['FY2026-Q1', 1, 1]]);
  });
});
