import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../support/test-db.js';
import { loadActor } from '../../../src/services/authz.js';
import {
  addMilestone,
  addStrategy,
  archiveStrategy,
  closeStrategy,
  completeMilestone,
  deferStrategy,
  editMilestone,
  editStrategy,
  reassignStrategy,
} from '../../../src/services/strategies.js';
import { submitUpdate } from '../../../src/services/progress-updates.js';
import type { ServiceError } from '../../../src/services/errors.js';
import { refusal, serviceContext, useFreshWorld, updateInput, type World } from './support/world.js';

let db: TestDatabase;
let world: World;
const ctx = () => serviceContext(db.prisma);
const actor = (slackUserId: string) => loadActor(ctx(), slackUserId);
const version = async (id: number) => (await db.prisma.strategy.findUniqueOrThrow({ where: { id } })).version;

useFreshWorld((d, w) => {
  db = d;
  world = w;
});

describe('addStrategy', () => {
  it('adds the next strategy of the objective, owned by an active member, audited', async () => {
    const lead = await actor('ULIBLEAD');
    const { strategy } = await addStrategy(ctx(), lead, {
      objectiveId: world.objective.LIB1,
      text: 'Bilingual library cards 📚',
      ownerSlackId: 'ULIBSTAFF2',
      dueDate: '2026-01-31',
      languageAccess: true,
    });
    expect(strategy).toMatchObject({ label: '1.3', status: 'NOT_STARTED', version: 1, dueDate: '2026-01-31', owner: { slackUserId: 'ULIBSTAFF2' } });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'strategy.add' } });
    expect(audit).toMatchObject({ actor: 'ULIBLEAD', entityId: String(strategy.id) });
    expect(audit.after).toMatchObject({ text: 'Bilingual library cards 📚', languageAccess: true, dueDate: '2026-01-31' });
  });

  it('numbers strategies added at the same time without a collision', async () => {
    const lead = await actor('ULIBLEAD');
    const added = await Promise.all(['a', 'b', 'c'].map((text) => addStrategy(ctx(), lead, { objectiveId: world.objective.LIB2, text })));
    expect(added.map((r) => r.strategy.label).sort()).toEqual(['2.2', '2.3', '2.4']);
  });

  it('refuses dates in the past, impossible dates and inactive owners on their fields', async () => {
    const lead = await actor('ULIBLEAD');
    const past = await refusal(addStrategy(ctx(), lead, { objectiveId: world.objective.LIB1, text: 'x', dueDate: '2025-11-11' }));
    expect(past).toMatchObject({ code: 'invalid', field: 'dueDate', messageKey: 'errors.invalid.dateInPast', params: { today: '2025-11-12' } });
    const impossible = await refusal(addStrategy(ctx(), lead, { objectiveId: world.objective.LIB1, text: 'x', dueDate: '2026-02-30' }));
    expect(impossible).toMatchObject({ field: 'dueDate', messageKey: 'errors.invalid.date' });
    const gone = await refusal(addStrategy(ctx(), lead, { objectiveId: world.objective.LIB1, text: 'x', ownerSlackId: 'UGONE' }));
    expect(gone).toMatchObject({ field: 'ownerSlackId', messageKey: 'errors.invalid.ownerInactive' });
    const blank = await refusal(addStrategy(ctx(), lead, { objectiveId: world.objective.LIB1, text: ' ' }));
    expect(blank).toMatchObject({ field: 'text', messageKey: 'errors.invalid.required' });
    // A due date of today is fine.
    await expect(addStrategy(ctx(), lead, { objectiveId: world.objective.LIB1, text: 'x', dueDate: '2025-11-12' })).resolves.toBeTruthy();
  });

  it('lets only the department equity lead or an ORSE admin add, and audits the refusals', async () => {
    for (const who of ['ULIBSTAFF', 'UMANAGER', 'UHSGLEAD']) {
      const e = await refusal(addStrategy(ctx(), await actor(who), { objectiveId: world.objective.LIB1, text: 'x' }));
      expect(e).toMatchObject({ code: 'forbidden', messageKey: 'errors.forbidden.manage' });
    }
    expect(await db.prisma.auditLog.count({ where: { action: 'authz.denied' } })).toBe(3);
    await expect(addStrategy(ctx(), await actor('UADMIN'), { objectiveId: world.objective.LIB1, text: 'x' })).resolves.toBeTruthy();
    const missing = await refusal(addStrategy(ctx(), await actor('UADMIN'), { objectiveId: 9999, text: 'x' }));
    expect(missing).toMatchObject({ code: 'not_found', messageKey: 'errors.notFound.objective' });
  });
});

describe('editStrategy', () => {
  const fields = { text: 'Multilingual story time, weekly', dueDate: '2025-11-01', performanceMeasures: 'Attendance', outputs: '' };

  it('edits with the version seen, keeping an old due date that is not moved, with before/after audit', async () => {
    const lead = await actor('ULIBLEAD');
    const { strategy, changed } = await editStrategy(ctx(), lead, world.strategy.lib11, 1, fields);
    expect(changed).toBe(true);
    expect(strategy).toMatchObject({ text: 'Multilingual story time, weekly', version: 2, dueDate: '2025-11-01' });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'strategy.edit' } });
    expect(audit.before).toMatchObject({ text: 'Multilingual story time', version: 1 });
    expect(audit.after).toMatchObject({ text: 'Multilingual story time, weekly', version: 2 });
  });

  it('refuses moving a due date into the past', async () => {
    const e = await refusal(editStrategy(ctx(), await actor('ULIBLEAD'), world.strategy.lib11, 1, { ...fields, dueDate: '2025-11-05' }));
    expect(e).toMatchObject({ code: 'invalid', field: 'dueDate', messageKey: 'errors.invalid.dateInPast' });
  });

  it('refuses a stale version and lets one of two simultaneous editors win', async () => {
    const lead = await actor('ULIBLEAD');
    const admin = await actor('UADMIN');
    const outcomes = await Promise.allSettled([
      editStrategy(ctx(), lead, world.strategy.lib11, 1, { ...fields, text: 'lead' }),
      editStrategy(ctx(), admin, world.strategy.lib11, 1, { ...fields, text: 'admin' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!.reason as ServiceError;
    expect(lost).toMatchObject({ code: 'conflict', messageKey: 'errors.conflict.strategyChanged', params: { expectedVersion: 1, currentVersion: 2 } });
    expect(await version(world.strategy.lib11)).toBe(2);
    expect(await db.prisma.auditLog.count({ where: { action: 'strategy.edit' } })).toBe(1);
  });

  it('answers not_found for an archived strategy', async () => {
    const lead = await actor('ULIBLEAD');
    await archiveStrategy(ctx(), lead, world.strategy.lib11, 1);
    const e = await refusal(editStrategy(ctx(), lead, world.strategy.lib11, 2, fields));
    expect(e).toMatchObject({ code: 'not_found', messageKey: 'errors.notFound.strategy' });
    const submit = await refusal(submitUpdate(ctx(), await actor('ULIBSTAFF'), await updateInput(db.prisma, world.strategy.lib11), { idempotencyKey: 'k' }));
    expect(submit.code).toBe('not_found');
  });
});

describe('reassign, defer, close', () => {
  it('reassigns to an active member and settles a pending reassignment', async () => {
    await db.prisma.strategy.update({ where: { id: world.strategy.lib11 }, data: { needsReassignment: true } });
    const lead = await actor('ULIBLEAD');
    const gone = await refusal(reassignStrategy(ctx(), lead, world.strategy.lib11, 1, 'UGONE'));
    expect(gone).toMatchObject({ code: 'invalid', field: 'ownerSlackId', messageKey: 'errors.invalid.ownerInactive' });
    const unknown = await refusal(reassignStrategy(ctx(), lead, world.strategy.lib11, 1, 'UNOBODY'));
    expect(unknown.field).toBe('ownerSlackId');
    const { strategy } = await reassignStrategy(ctx(), lead, world.strategy.lib11, 1, 'ULIBSTAFF2');
    expect(strategy).toMatchObject({ owner: { slackUserId: 'ULIBSTAFF2' }, needsReassignment: false, version: 2 });
  });

  it('defers with a reason and a due date after today', async () => {
    const lead = await actor('ULIBLEAD');
    const today = await refusal(deferStrategy(ctx(), lead, world.strategy.lib12, 1, { reason: 'Budget freeze', newDueDate: '2025-11-12' }));
    expect(today).toMatchObject({ field: 'newDueDate', messageKey: 'errors.invalid.dateNotInFuture' });
    const noReason = await refusal(deferStrategy(ctx(), lead, world.strategy.lib12, 1, { reason: '', newDueDate: '2026-03-01' }));
    expect(noReason).toMatchObject({ field: 'reason', messageKey: 'errors.invalid.required' });
    const { strategy } = await deferStrategy(ctx(), lead, world.strategy.lib12, 1, { reason: 'Budget freeze', newDueDate: '2026-03-01' });
    expect(strategy).toMatchObject({ status: 'DEFERRED', dueDate: '2026-03-01', version: 2 });
    const row = await db.prisma.strategy.findUniqueOrThrow({ where: { id: world.strategy.lib12 } });
    expect(row.deferredReason).toBe('Budget freeze');
  });

  it('closes once; closing again changes nothing; staff may not close', async () => {
    const e = await refusal(closeStrategy(ctx(), await actor('ULIBSTAFF'), world.strategy.lib11, 1));
    expect(e.code).toBe('forbidden');
    const lead = await actor('ULIBLEAD');
    expect(await closeStrategy(ctx(), lead, world.strategy.lib11, 1)).toMatchObject({ changed: true, strategy: { status: 'COMPLETED', version: 2 } });
    expect(await closeStrategy(ctx(), lead, world.strategy.lib11, 1)).toMatchObject({ changed: false, strategy: { version: 2 } });
    expect(await db.prisma.auditLog.count({ where: { action: 'strategy.close' } })).toBe(1);
  });
});

describe('milestones', () => {
  it('adds, refuses a duplicate title or a past date, and edits with the loaded updatedAt', async () => {
    const lead = await actor('ULIBLEAD');
    const { milestone } = await addMilestone(ctx(), lead, world.strategy.lib11, { title: 'Book rooms', dueDate: '2025-12-01', ownerSlackId: 'ULIBSTAFF' });
    expect(milestone).toMatchObject({ title: 'Book rooms', dueDate: '2025-12-01', ownerId: world.member.libStaff, completedAt: null });

    const dup = await refusal(addMilestone(ctx(), lead, world.strategy.lib11, { title: 'Book rooms', dueDate: '2025-12-02' }));
    expect(dup).toMatchObject({ code: 'conflict', field: 'title', messageKey: 'errors.conflict.milestoneTitleTaken' });
    const past = await refusal(addMilestone(ctx(), lead, world.strategy.lib11, { title: 'Late', dueDate: '2025-01-01' }));
    expect(past).toMatchObject({ code: 'invalid', field: 'dueDate', messageKey: 'errors.invalid.dateInPast' });

    const edited = await editMilestone(ctx(), lead, milestone.id, milestone.updatedAt, { title: 'Book two rooms', dueDate: '2025-12-01' });
    expect(edited.milestone).toMatchObject({ title: 'Book two rooms', ownerId: null });
    const stale = await refusal(editMilestone(ctx(), lead, milestone.id, milestone.updatedAt, { title: 'Old form', dueDate: '2025-12-01' }));
    expect(stale).toMatchObject({ code: 'conflict', messageKey: 'errors.conflict.milestoneChanged' });
    const staff = await refusal(addMilestone(ctx(), await actor('ULIBSTAFF'), world.strategy.lib11, { title: 'Mine', dueDate: '2025-12-01' }));
    expect(staff.code).toBe('forbidden');
  });

  it('is marked done by its owner once; strangers are refused', async () => {
    const lead = await actor('ULIBLEAD');
    const { milestone } = await addMilestone(ctx(), lead, world.strategy.lib12, { title: 'Print signs', dueDate: '2025-11-20', ownerSlackId: 'ULIBSTAFF' });
    const stranger = await refusal(completeMilestone(ctx(), await actor('UHSGSTAFF'), milestone.id));
    expect(stranger.code).toBe('forbidden');
    const owner = await actor('ULIBSTAFF');
    const first = await completeMilestone(ctx(), owner, milestone.id);
    expect(first).toMatchObject({ changed: true, milestone: { completedAt: ctx().now() } });
    expect(await completeMilestone(ctx(), owner, milestone.id)).toMatchObject({ changed: false });
    expect(await db.prisma.auditLog.count({ where: { action: 'milestone.complete' } })).toBe(1);
  });
});
