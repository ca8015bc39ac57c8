// A new progress update is written by one SQL statement (version check, insert, status,
// audit). These check what that statement leaves behind on both databases: the audit
// records as the services write them everywhere else, nothing at all when it refuses, and
// a reused idempotency key recognised as such.
import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../support/test-db.js';
import { loadActor } from '../../../src/services/authz.js';
import { editUpdate, submitUpdate, viewOfUpdate } from '../../../src/services/progress-updates.js';
import { writeNewUpdate, type NewUpdateWrite } from '../../../src/services/progress-update-write.js';
import { isUniqueViolationOn } from '../../../src/services/db-errors.js';
import { NOW, serviceContext, updateInput, useFreshWorld, type World } from './support/world.js';

let db: TestDatabase;
let world: World;
const ctx = () => serviceContext(db.prisma);

useFreshWorld((d, w) => {
  db = d;
  world = w;
});

const write = (over: Partial<NewUpdateWrite> = {}): NewUpdateWrite => ({
  strategyId: world.strategy.lib11,
  expectedVersion: 1,
  status: 'COMPLETED',
  period: { key: 'FY2026-Q2', start: '2025-10-01', end: '2025-12-31' },
  content: {
    narrative: 'Done 📚',
    measureValues: '',
    outputs: '',
    roadblocks: '',
    helpNeeded: '',
    practices: '',
    visibility: 'REDI',
    evidenceUrl: null,
    communitiesReached: '',
    languagesServed: '',
    accessibilityNotes: '',
  },
  authorId: world.member.libLead,
  idempotencyKey: 'key-1',
  createdAt: NOW,
  audit: { actor: 'ULIBLEAD', after: {}, detail: 'test' },
  ...over,
});

describe('the statement that stores a new update', () => {
  it('audits the update as the services show it, and the status change with both versions', async () => {
    const me = await loadActor(ctx(), 'ULIBLEAD');
    const input = await updateInput(db.prisma, world.strategy.lib11, { status: 'COMPLETED', outputs: '24 sessions', evidenceUrl: 'https://example.org/a' });
    const { update } = await submitUpdate(ctx(), me, input, { idempotencyKey: 'view:V1:h1' });
    const stored = await db.prisma.progressUpdate.findUniqueOrThrow({ where: { id: update.id } });
    // The lead reports for the owner: the database works out on whose behalf.
    expect(stored.onBehalfOfId).toBe(world.member.libStaff);
    expect(viewOfUpdate(stored)).toEqual(update);

    const audits = await db.prisma.auditLog.findMany({
      where: { actor: 'ULIBLEAD', action: { in: ['progress.submit', 'strategy.status'] } },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => [a.action, a.entityType, a.entityId])).toEqual([
      ['progress.submit', 'progressUpdate', String(update.id)],
      ['strategy.status', 'strategy', String(world.strategy.lib11)],
    ]);
    expect(audits[0]!.after).toEqual(JSON.parse(JSON.stringify(viewOfUpdate(stored))));
    expect(audits[0]!.detail).toBe(`strategy ${world.strategy.lib11} (1.1) FY2026-Q2`);
    expect(audits[1]!.before).toEqual({ status: 'IN_PROGRESS', version: 1 });
    expect(audits[1]!.after).toEqual({ status: 'COMPLETED', version: 2 });
    expect(audits[1]!.detail).toBe(`progress update ${update.id}`);
    expect(await db.prisma.strategy.findUniqueOrThrow({ where: { id: world.strategy.lib11 } })).toMatchObject({
      status: 'COMPLETED',
      version: 2,
      updatedAt: NOW,
    });

    // Same status again: one audit record, no status change recorded.
    const again = await submitUpdate(ctx(), me, await updateInput(db.prisma, world.strategy.lib11, { status: 'COMPLETED' }), { idempotencyKey: 'view:V2:h1' });
    expect(await db.prisma.auditLog.count({ where: { action: 'strategy.status', entityId: String(world.strategy.lib11) } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: 'progress.submit', entityId: String(again.update.id) } })).toBe(1);
  });

  it('writes nothing for a stale version or an archived strategy, and says which', async () => {
    const before = await db.prisma.strategy.findUniqueOrThrow({ where: { id: world.strategy.lib11 } });
    expect(await writeNewUpdate(ctx(), write({ expectedVersion: 7 }))).toEqual({ kind: 'changed', currentVersion: 1 });
    await db.prisma.strategy.update({ where: { id: world.strategy.lib21 }, data: { archivedAt: new Date() } });
    expect(await writeNewUpdate(ctx(), write({ strategyId: world.strategy.lib21 }))).toEqual({ kind: 'gone' });
    expect(await writeNewUpdate(ctx(), write({ strategyId: 999_999 }))).toEqual({ kind: 'gone' });
    expect(await db.prisma.progressUpdate.count()).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: { in: ['progress.submit', 'strategy.status'] } } })).toBe(0);
    expect(await db.prisma.strategy.findUniqueOrThrow({ where: { id: world.strategy.lib11 } })).toEqual(before);
  });

  it('refuses a second insert with the same key as a unique violation on it, leaving the strategy alone', async () => {
    expect((await writeNewUpdate(ctx(), write())).kind).toBe('stored');
    const e = await writeNewUpdate(ctx(), write({ strategyId: world.strategy.lib12, expectedVersion: 1 })).catch((x: unknown) => x);
    expect(isUniqueViolationOn(e, 'idempotencyKey')).toBe(true);
    // The database's own words reach the logs, not Prisma's "Message: undefined".
    expect((e as Error).message).toMatch(/duplicate key value violates unique constraint/);
    expect(await db.prisma.strategy.findUniqueOrThrow({ where: { id: world.strategy.lib12 } })).toMatchObject({ version: 1, status: 'NOT_STARTED' });
    expect(await db.prisma.progressUpdate.count()).toBe(1);
  });

  it('keeps the open quarter’s snapshot in step with each update, and leaves a closed quarter alone', async () => {
    const snapshot = () =>
      db.prisma.periodSnapshot.findMany({
        where: { strategyId: world.strategy.lib11 },
        select: { periodKey: true, status: true, reported: true, lastUpdateId: true, derived: true },
      });
    const first = await writeNewUpdate(ctx(), write({ status: 'IN_PROGRESS' }));
    if (first.kind !== 'stored') throw new Error(first.kind);
    expect(await snapshot()).toEqual([{ periodKey: 'FY2026-Q2', status: 'IN_PROGRESS', reported: true, lastUpdateId: first.update.id, derived: false }]);
    const second = await writeNewUpdate(ctx(), write({ expectedVersion: 2, idempotencyKey: 'key-2', createdAt: new Date(NOW.getTime() + 60_000) }));
    if (second.kind !== 'stored') throw new Error(second.kind);
    expect(await snapshot()).toEqual([{ periodKey: 'FY2026-Q2', status: 'COMPLETED', reported: true, lastUpdateId: second.update.id, derived: false }]);
    // An update filed for Q2 after Q2 closed does not rewrite its closing snapshot.
    const late = await writeNewUpdate(
      ctx(),
      write({ expectedVersion: 3, status: 'ONGOING', idempotencyKey: 'key-3', createdAt: new Date('2026-01-05T18:00:00Z') }),
    );
    expect(late.kind).toBe('stored');
    expect(await snapshot()).toEqual([{ periodKey: 'FY2026-Q2', status: 'COMPLETED', reported: true, lastUpdateId: second.update.id, derived: false }]);
  });

  it('moves the open quarter’s snapshot with an edit that changes the status', async () => {
    const me = await loadActor(ctx(), 'ULIBSTAFF');
    const { update } = await submitUpdate(ctx(), me, await updateInput(db.prisma, world.strategy.lib11, { status: 'IN_PROGRESS' }), {
      idempotencyKey: 'view:V9:h1',
    });
    await editUpdate(ctx(), me, update.id, { status: 'ONGOING', narrative: 'Ongoing after all' }, 1);
    const snap = await db.prisma.periodSnapshot.findUniqueOrThrow({
      where: { strategyId_periodKey: { strategyId: world.strategy.lib11, periodKey: 'FY2026-Q2' } },
    });
    expect(snap).toMatchObject({ status: 'ONGOING', reported: true, lastUpdateId: update.id, derived: false });
  });
});
