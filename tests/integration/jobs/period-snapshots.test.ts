// The period-snapshots job: after a quarter closes, every live strategy gets its closing
// snapshot (status, owner, the quarter's latest update), quarters missed while the app was
// down are rebuilt from the update history and marked derived, and a second run writes
// nothing.
import { describe, expect, it } from 'vitest';
import type { Prisma } from '../../../src/db/client.js';
import type { StrategyStatus } from '../../../src/generated/prisma/enums.js';
import { registerPeriodSnapshots } from '../../../src/jobs/composers/period-snapshots.js';
import { JobRegistry, RunCoordinator } from '../../../src/jobs/index.js';
import type { AppContext } from '../../../src/services/app-context.js';
import { addStrategy, useReminderTestBed, type ReminderWorld } from './reminders-support.js';

let prisma: Prisma;
let ctx: AppContext;
let world: ReminderWorld;

useReminderTestBed('2026-10-01T14:00:00Z', (bed) => {
  prisma = bed.db.prisma;
  ctx = bed.ctx;
  world = bed.world;
});

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
let n = 0;
async function update(strategyId: number, at: string, period: { key: string; start: string; end: string }, from: StrategyStatus, to: StrategyStatus) {
  const u = await prisma.progressUpdate.create({
    data: {
      strategyId,
      periodKey: period.key,
      periodStart: d(period.start),
      periodEnd: d(period.end),
      statusFrom: from,
      statusTo: to,
      narrative: 'Progress.',
      authorId: world.member.ana,
      idempotencyKey: `snap-${++n}`,
      createdAt: new Date(at),
    },
  });
  return u.id;
}

const Q1 = { key: 'FY2027-Q1', start: '2026-07-01', end: '2026-09-30' };
const Q2 = { key: 'FY2027-Q2', start: '2026-10-01', end: '2026-12-31' };

async function fire(at: string) {
  const registry = new JobRegistry();
  registerPeriodSnapshots(registry);
  return new RunCoordinator({ ctx, registry, instanceId: 'test' }).runFire('period-snapshots', new Date(at), 'cron');
}

const snapshotsOf = (strategyId: number) =>
  prisma.periodSnapshot.findMany({
    where: { strategyId },
    orderBy: { periodKey: 'asc' },
    select: { periodKey: true, status: true, reported: true, lastUpdateId: true, derived: true, ownerId: true },
  });

describe('period-snapshots job', () => {
  it('closes the quarter that just ended, rebuilds older ones from history, and writes nothing twice', async () => {
    // Made in May (FY2026 Q4), started in August, completed on October 1st after the close.
    const completed = await addStrategy(prisma, world, { dept: 'LIB', owner: 'ana', status: 'COMPLETED' });
    await prisma.strategy.update({ where: { id: completed }, data: { createdAt: new Date('2026-05-01T18:00:00Z') } });
    const started = await update(completed, '2026-08-01T18:00:00Z', Q1, 'NOT_STARTED', 'IN_PROGRESS');
    await update(completed, '2026-10-01T10:00:00Z', Q2, 'IN_PROGRESS', 'COMPLETED');
    // Made in September, never reported; its live snapshot from September is out of date.
    const quiet = await addStrategy(prisma, world, { dept: 'HOUSING', owner: 'hana', status: 'ONGOING' });
    await prisma.strategy.update({ where: { id: quiet }, data: { createdAt: new Date('2026-09-01T18:00:00Z') } });
    await prisma.periodSnapshot.create({
      data: {
        strategyId: quiet,
        periodKey: Q1.key,
        periodStart: d(Q1.start),
        periodEnd: d(Q1.end),
        status: 'NOT_STARTED',
        takenAt: new Date('2026-09-20T18:00:00Z'),
      },
    });
    // Made after the close, and archived work: no snapshot of a quarter they were not in.
    const fresh = await addStrategy(prisma, world, { dept: 'LIB', owner: 'ben' });
    await prisma.strategy.update({ where: { id: fresh }, data: { createdAt: new Date('2026-10-01T12:00:00Z') } });
    const archived = await addStrategy(prisma, world, { dept: 'LIB', owner: 'ben', archived: true });

    const first = await fire('2026-10-01T14:00:00Z');
    expect(first).toMatchObject({ outcome: 'succeeded', detail: 'FY2027-Q1: 3 snapshots of 2 strategies closed (1 rebuilt from history)' });
    expect(await snapshotsOf(completed)).toEqual([
      // FY2026 Q4 closed while the app was not running: rebuilt, and marked so.
      { periodKey: 'FY2026-Q4', status: 'NOT_STARTED', reported: false, lastUpdateId: null, derived: true, ownerId: world.member.ana },
      // Closed in time: the status it had on September 30th, not today's.
      { periodKey: 'FY2027-Q1', status: 'IN_PROGRESS', reported: true, lastUpdateId: started, derived: false, ownerId: world.member.ana },
    ]);
    expect(await snapshotsOf(quiet)).toEqual([
      { periodKey: 'FY2027-Q1', status: 'ONGOING', reported: false, lastUpdateId: null, derived: false, ownerId: world.member.hana },
    ]);
    expect(await snapshotsOf(fresh)).toEqual([]);
    expect(await snapshotsOf(archived)).toEqual([]);

    const before = await prisma.periodSnapshot.findMany({ orderBy: { id: 'asc' } });
    const second = await fire('2026-10-01T14:15:00Z');
    expect(second).toMatchObject({ outcome: 'succeeded' });
    expect((second as { detail?: string }).detail).toBeUndefined();
    expect(await prisma.periodSnapshot.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });
});
