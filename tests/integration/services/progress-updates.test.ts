import { describe, expect, it } from 'vitest';
import { periodContaining } from '../../../src/domain/fiscal-calendar.js';
import type { TestDatabase } from '../../support/test-db.js';
import { loadActor } from '../../../src/services/authz.js';
import { editUpdate, getUpdateFormDefaults, listReportableStrategies, submitUpdate, viewOfUpdate } from '../../../src/services/progress-updates.js';
import type { ServiceError } from '../../../src/services/errors.js';
import { editRace, loadUpdateForEdit } from '../../../src/services/update-editing.js';
import { ZONE, addCitywideStrategy, refusal, serviceContext, useFreshWorld, updateInput, type World } from './support/world.js';
import { countingClient } from './support/query-counter.js';

let db: TestDatabase;
let world: World;
const ctx = () => serviceContext(db.prisma);
const actor = (slackUserId: string) => loadActor(ctx(), slackUserId);

useFreshWorld((d, w) => {
  db = d;
  world = w;
});

describe('submitUpdate', () => {
  it('stores the update, moves the strategy status and version, files it under the department period, audits it', async () => {
    const me = await actor('ULIBSTAFF');
    const input = await updateInput(db.prisma, world.strategy.lib11, { status: 'ONGOING', outputs: '24 sessions' });
    const result = await submitUpdate(ctx(), me, input, { idempotencyKey: 'view-1' });

    expect(result.duplicate).toBe(false);
    expect(result.update).toMatchObject({
      periodKey: 'FY2026-Q2',
      periodStart: '2025-10-01',
      periodEnd: '2025-12-31',
      statusFrom: 'IN_PROGRESS',
      statusTo: 'ONGOING',
      outputs: '24 sessions',
      onBehalfOfId: null,
      revision: 1,
    });
    const s = await db.prisma.strategy.findUniqueOrThrow({ where: { id: world.strategy.lib11 } });
    expect(s.status).toBe('ONGOING');
    expect(s.version).toBe(input.expectedVersion + 1);
    expect(result.strategy).toEqual({ id: s.id, status: 'ONGOING', version: s.version });
    const audit = await db.prisma.auditLog.findMany({ orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['progress.submit', 'strategy.status']);
    expect(audit[0]!.actor).toBe('ULIBSTAFF');
  });

  it('uses the monthly period for a department reporting monthly, in the City zone', async () => {
    // 22:00 on Sep 30 in San José is already Oct 1 in UTC: still September's period.
    const lateSeptember = serviceContext(db.prisma, new Date('2025-10-01T05:00:00Z'));
    const me = await loadActor(lateSeptember, 'UHSGSTAFF');
    const result = await submitUpdate(lateSeptember, me, await updateInput(db.prisma, world.strategy.hsg11), { idempotencyKey: 'k' });
    expect(result.update.periodKey).toBe('FY2026-M03');
    expect(result.update.periodStart).toBe('2025-09-01');
  });

  it('files an update on a citywide strategy under its lead department’s period, not its partner’s', async () => {
    // Welcoming plan 2.1, led by Housing (monthly) with the Library (quarterly) as partner.
    const wsj = await addCitywideStrategy(db.prisma, world.dept.HOUSING, [world.dept.LIB], { text: 'Tenant rights in five languages', status: 'IN_PROGRESS' });
    const housingStaff = await actor('UHSGSTAFF');
    const result = await submitUpdate(ctx(), housingStaff, await updateInput(db.prisma, wsj), { idempotencyKey: 'wsj' });
    expect(result.update).toMatchObject({ periodKey: 'FY2026-M05', periodStart: '2025-11-01', periodEnd: '2025-11-30' });
    // Housing's staff find it among their own strategies, reported for November.
    const list = await listReportableStrategies(ctx(), housingStaff);
    expect(list.map((s) => [s.plan.key, s.label, s.department?.code, s.periodKey, s.reportedThisPeriod])).toEqual([
      ['HOUSING-FY2024-2026', '1.1', 'HOUSING', 'FY2026-M05', false],
      ['WSJ-2021-2024', '2.1', 'HOUSING', 'FY2026-M05', true],
    ]);
    // The partner's staff do not: it is not theirs to report on.
    const libraryList = await listReportableStrategies(ctx(), await actor('ULIBSTAFF'));
    expect(libraryList.map((s) => s.plan.key)).not.toContain('WSJ-2021-2024');
  });

  it('records that an equity lead reported on behalf of the owner', async () => {
    const lead = await actor('ULIBLEAD');
    const result = await submitUpdate(ctx(), lead, await updateInput(db.prisma, world.strategy.lib11), { idempotencyKey: 'k' });
    expect(result.update.authorId).toBe(world.member.libLead);
    expect(result.update.onBehalfOfId).toBe(world.member.libStaff);
  });

  it('stores a retried submission once and answers the retry with the first result', async () => {
    const me = await actor('ULIBSTAFF');
    const input = await updateInput(db.prisma, world.strategy.lib11, { status: 'ONGOING' });
    const first = await submitUpdate(ctx(), me, input, { idempotencyKey: 'V123:abc' });
    const again = await submitUpdate(ctx(), me, input, { idempotencyKey: 'V123:abc' });

    expect(again.duplicate).toBe(true);
    expect(again.update).toEqual(first.update);
    expect(await db.prisma.progressUpdate.count()).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: 'progress.submit' } })).toBe(1);
    const s = await db.prisma.strategy.findUniqueOrThrow({ where: { id: world.strategy.lib11 } });
    expect(s.version).toBe(input.expectedVersion + 1);
  });

  it('stores a new update with two statements, the strategy read and the write, while Slack waits', async () => {
    const me = await actor('ULIBSTAFF');
    const input = await updateInput(db.prisma, world.strategy.lib11);
    const counter = countingClient(db.prisma);
    const result = await submitUpdate(serviceContext(counter.prisma), me, input, { idempotencyKey: 'V200:one' });
    expect(result.duplicate).toBe(false);
    expect(counter.count()).toBe(2);
  });

  it('answers a retry with the stored update even when the strategy was archived since', async () => {
    const me = await actor('ULIBSTAFF');
    const input = await updateInput(db.prisma, world.strategy.lib11);
    const first = await submitUpdate(ctx(), me, input, { idempotencyKey: 'V124:def' });
    await db.prisma.strategy.update({ where: { id: world.strategy.lib11 }, data: { archivedAt: new Date() } });

    const again = await submitUpdate(ctx(), me, input, { idempotencyKey: 'V124:def' });
    expect(again.duplicate).toBe(true);
    expect(again.update).toEqual(first.update);
    expect(await db.prisma.progressUpdate.count()).toBe(1);
    // A new submission on the archived strategy is refused as before.
    const e = await refusal(submitUpdate(ctx(), me, input, { idempotencyKey: 'V125:ghi' }));
    expect(e.code).toBe('not_found');
  });

  it('stores concurrent retries of the same submission once', async () => {
    const me = await actor('ULIBSTAFF');
    const input = await updateInput(db.prisma, world.strategy.lib11);
    const results = await Promise.all([1, 2, 3].map(() => submitUpdate(ctx(), me, input, { idempotencyKey: 'same' })));
    expect(new Set(results.map((r) => r.update.id)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await db.prisma.progressUpdate.count()).toBe(1);
  });

  it("refuses someone else's idempotency key without revealing their update", async () => {
    const me = await actor('ULIBSTAFF');
    await submitUpdate(ctx(), me, await updateInput(db.prisma, world.strategy.lib11), { idempotencyKey: 'mine' });
    const other = await actor('ULIBSTAFF2');
    const e = await refusal(submitUpdate(ctx(), other, await updateInput(db.prisma, world.strategy.lib12), { idempotencyKey: 'mine' }));
    expect(e.code).toBe('conflict');
    expect(e.messageKey).toBe('errors.conflict.idempotencyKeyReused');
  });

  it('refuses a 10,000-character narrative with the field and the limit, storing nothing', async () => {
    const me = await actor('ULIBSTAFF');
    const input = await updateInput(db.prisma, world.strategy.lib11, { narrative: 'x'.repeat(10_000) });
    const e = await refusal(submitUpdate(ctx(), me, input, { idempotencyKey: 'k' }));
    expect(e.code).toBe('invalid');
    expect(e.field).toBe('narrative');
    expect(e.messageKey).toBe('errors.invalid.tooLong');
    expect(e.params).toMatchObject({ field: 'narrative', limit: 3000, length: 10_000 });
    expect(await db.prisma.progressUpdate.count()).toBe(0);
  });

  it('accepts exactly 3000 characters, counting an emoji as one', async () => {
    const me = await actor('ULIBSTAFF');
    const narrative = '🎉'.repeat(3000);
    const result = await submitUpdate(ctx(), me, await updateInput(db.prisma, world.strategy.lib11, { narrative }), { idempotencyKey: 'k' });
    expect(result.update.narrative).toBe(narrative);
  });

  it('keeps emoji, right-to-left text and line breaks byte for byte', async () => {
    const me = await actor('ULIBSTAFF');
    const narrative = '  تقدم ممتاز في الفروع 👩🏽‍💻\nשלום עולם — Tiếng Việt ✅ 🇲🇽\r\n\tend  ';
    const outputs = 'ﷺ ‏RTL mark‎ and זה עובד 👍🏿';
    const input = await updateInput(db.prisma, world.strategy.lib11, { narrative, outputs, languagesServed: 'العربية، עברית' });
    const { update } = await submitUpdate(ctx(), me, input, { idempotencyKey: 'k' });
    const stored = await db.prisma.progressUpdate.findUniqueOrThrow({ where: { id: update.id } });
    expect(Buffer.from(stored.narrative, 'utf8').equals(Buffer.from(narrative, 'utf8'))).toBe(true);
    expect(Buffer.from(stored.outputs, 'utf8').equals(Buffer.from(outputs, 'utf8'))).toBe(true);
    expect(stored.languagesServed).toBe('العربية، עברית');
  });

  it('reports every invalid field at once', async () => {
    const me = await actor('ULIBSTAFF');
    const input = await updateInput(db.prisma, world.strategy.lib11, {
      narrative: '   ',
      status: 'DONE',
      visibility: 'EVERYONE',
      evidenceUrl: 'javascript:alert(1)',
      roadblocks: 'r'.repeat(2001),
    });
    const e = await refusal(submitUpdate(ctx(), me, input, { idempotencyKey: 'k' }));
    expect(e.code).toBe('invalid');
    const byField = Object.fromEntries(e.fieldErrors.map((p) => [p.field, p.messageKey]));
    expect(byField).toEqual({
      narrative: 'errors.invalid.required',
      status: 'errors.invalid.choice',
      visibility: 'errors.invalid.choice',
      evidenceUrl: 'errors.invalid.url',
      roadblocks: 'errors.invalid.tooLong',
    });
    expect(e.fieldErrors.find((p) => p.field === 'status')!.params.options).toEqual(['COMPLETED', 'IN_PROGRESS', 'ONGOING', 'NOT_STARTED', 'DEFERRED']);
  });

  it('accepts http(s) evidence links only', async () => {
    const me = await actor('ULIBSTAFF');
    for (const bad of ['ftp://files.example/x', 'www.example.org', 'https://', 'http://exa mple.org']) {
      const e = await refusal(submitUpdate(ctx(), me, await updateInput(db.prisma, world.strategy.lib11, { evidenceUrl: bad }), { idempotencyKey: bad }));
      expect(e.field).toBe('evidenceUrl');
    }
    const ok = await submitUpdate(ctx(), me, await updateInput(db.prisma, world.strategy.lib11, { evidenceUrl: 'https://sjpl.org/report?q=1#x' }), {
      idempotencyKey: 'ok',
    });
    expect(ok.update.evidenceUrl).toBe('https://sjpl.org/report?q=1#x');
  });

  it("refuses and audits a crafted payload naming another department's strategy", async () => {
    const me = await actor('ULIBSTAFF');
    const before = await db.prisma.strategy.findUniqueOrThrow({ where: { id: world.strategy.hsg11 } });
    const e = await refusal(submitUpdate(ctx(), me, await updateInput(db.prisma, world.strategy.hsg11), { idempotencyKey: 'evil' }));
    expect(e.code).toBe('forbidden');
    expect(e.messageKey).toBe('errors.forbidden.report');
    expect(await db.prisma.progressUpdate.count()).toBe(0);
    expect(await db.prisma.strategy.findUniqueOrThrow({ where: { id: world.strategy.hsg11 } })).toEqual(before);
    const denied = await db.prisma.auditLog.findMany({ where: { action: 'authz.denied' } });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ actor: 'ULIBSTAFF', entityType: 'strategy', entityId: String(world.strategy.hsg11), detail: 'progress.submit' });
  });

  it('lets an ORSE admin report on any department, and not a manager without a department', async () => {
    const admin = await actor('UADMIN');
    await expect(submitUpdate(ctx(), admin, await updateInput(db.prisma, world.strategy.hsg11), { idempotencyKey: 'a' })).resolves.toMatchObject({
      duplicate: false,
    });
    const manager = await actor('UMANAGER');
    const e = await refusal(submitUpdate(ctx(), manager, await updateInput(db.prisma, world.strategy.lib11), { idempotencyKey: 'm' }));
    expect(e.code).toBe('forbidden');
  });

  it('refuses a submission made from a stale form', async () => {
    const me = await actor('ULIBSTAFF');
    const input = await updateInput(db.prisma, world.strategy.lib11);
    await db.prisma.strategy.update({ where: { id: world.strategy.lib11 }, data: { version: { increment: 1 } } });
    const e = await refusal(submitUpdate(ctx(), me, input, { idempotencyKey: 'k' }));
    expect(e.code).toBe('conflict');
    expect(e.messageKey).toBe('errors.conflict.strategyChanged');
    expect(e.params).toMatchObject({ expectedVersion: input.expectedVersion, currentVersion: input.expectedVersion + 1 });
  });

  it('lets exactly one of two people reporting on the same strategy at once win', async () => {
    const [staff, lead] = await Promise.all([actor('ULIBSTAFF'), actor('ULIBLEAD')]);
    const input = await updateInput(db.prisma, world.strategy.lib11);
    const outcomes = await Promise.allSettled([
      submitUpdate(ctx(), staff, { ...input, status: 'ONGOING' }, { idempotencyKey: 'staff' }),
      submitUpdate(ctx(), lead, { ...input, status: 'NOT_STARTED' }, { idempotencyKey: 'lead' }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0]!.reason as ServiceError).code).toBe('conflict');
    const updates = await db.prisma.progressUpdate.findMany();
    expect(updates).toHaveLength(1);
    const s = await db.prisma.strategy.findUniqueOrThrow({ where: { id: world.strategy.lib11 } });
    expect(s.status).toBe(updates[0]!.statusTo);
    expect(s.version).toBe(input.expectedVersion + 1);
  });

  it('answers not_found for a strategy archived or deleted after the form opened', async () => {
    const me = await actor('ULIBSTAFF');
    const archived = await updateInput(db.prisma, world.strategy.lib11);
    await db.prisma.strategy.update({ where: { id: world.strategy.lib11 }, data: { archivedAt: new Date() } });
    const e1 = await refusal(submitUpdate(ctx(), me, archived, { idempotencyKey: 'a' }));
    expect(e1.code).toBe('not_found');
    expect(e1.messageKey).toBe('errors.notFound.strategy');

    const deleted = await updateInput(db.prisma, world.strategy.lib21);
    await db.prisma.strategy.delete({ where: { id: world.strategy.lib21 } });
    const e2 = await refusal(submitUpdate(ctx(), me, deleted, { idempotencyKey: 'b' }));
    expect(e2.code).toBe('not_found');
    expect(e2.params).toEqual({ strategyId: world.strategy.lib21 });
  });

  it('leaves nothing half-written when the database fails part-way', async () => {
    const me = await actor('ULIBSTAFF');
    const input = await updateInput(db.prisma, world.strategy.lib11, { status: 'ONGOING' });
    const before = await db.prisma.strategy.findUniqueOrThrow({ where: { id: world.strategy.lib11 } });
    // The audit insert is the last write of the transaction; make the database refuse it.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER fail_audit BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION fail_audit()`);
    try {
      await expect(submitUpdate(ctx(), me, input, { idempotencyKey: 'k' })).rejects.toThrow(/disk full/);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER fail_audit ON "AuditLog"`);
      await db.prisma.$executeRawUnsafe(`DROP FUNCTION fail_audit()`);
    }
    expect(await db.prisma.progressUpdate.count()).toBe(0);
    expect(await db.prisma.strategy.findUniqueOrThrow({ where: { id: world.strategy.lib11 } })).toEqual(before);
    // And the same submission goes through once the database is healthy again.
    await expect(submitUpdate(ctx(), me, input, { idempotencyKey: 'k' })).resolves.toMatchObject({ duplicate: false });
  });
});

describe('editUpdate', () => {
  async function submitted() {
    const me = await actor('ULIBSTAFF');
    const { update } = await submitUpdate(ctx(), me, await updateInput(db.prisma, world.strategy.lib11, { narrative: 'first draft' }), {
      idempotencyKey: 'k',
    });
    return { me, update };
  }

  it('keeps the previous text as a revision and bumps the revision', async () => {
    const { me, update } = await submitted();
    const edited = await editUpdate(ctx(), me, update.id, { status: 'IN_PROGRESS', narrative: 'second draft', visibility: 'PUBLIC' }, 1);
    expect(edited.update).toMatchObject({ narrative: 'second draft', visibility: 'PUBLIC', revision: 2 });
    expect(edited.update.editedAt).toEqual(ctx().now());
    const revisions = await db.prisma.progressUpdateRevision.findMany({ where: { updateId: update.id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ revision: 1, editedById: world.member.libStaff });
    expect(revisions[0]!.snapshot).toMatchObject({ narrative: 'first draft', visibility: 'INTERNAL', revision: 1 });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'progress.edit' } });
    expect(audit.before).toMatchObject({ narrative: 'first draft' });
    expect(audit.after).toMatchObject({ narrative: 'second draft' });
  });

  it('refuses an edit of a stale revision', async () => {
    const { me, update } = await submitted();
    await editUpdate(ctx(), me, update.id, { status: 'IN_PROGRESS', narrative: 'second' }, 1);
    const e = await refusal(editUpdate(ctx(), me, update.id, { status: 'IN_PROGRESS', narrative: 'from an old form' }, 1));
    expect(e.code).toBe('conflict');
    expect(e.messageKey).toBe('errors.conflict.updateChanged');
    expect(e.params).toMatchObject({ currentRevision: 2 });
  });

  it('lets one of two simultaneous editors win', async () => {
    const { me, update } = await submitted();
    const lead = await actor('ULIBLEAD');
    const outcomes = await Promise.allSettled([
      editUpdate(ctx(), me, update.id, { status: 'IN_PROGRESS', narrative: 'staff edit' }, 1),
      editUpdate(ctx(), lead, update.id, { status: 'IN_PROGRESS', narrative: 'lead edit' }, 1),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect((lost.reason as ServiceError).code).toBe('conflict');
    expect(await db.prisma.progressUpdateRevision.count()).toBe(1);
  });

  it('moves the strategy status when the latest update changes its status', async () => {
    const { me, update } = await submitted();
    const result = await editUpdate(ctx(), me, update.id, { status: 'ONGOING', narrative: 'done after all' }, 1);
    expect(result.strategy.status).toBe('ONGOING');
    const s = await db.prisma.strategy.findUniqueOrThrow({ where: { id: world.strategy.lib11 } });
    expect(s).toMatchObject({ status: 'ONGOING', version: result.strategy.version });
  });

  it("lets the equity lead edit, refuses and audits a colleague editing someone else's update", async () => {
    const { update } = await submitted();
    const colleague = await actor('ULIBSTAFF2');
    const e = await refusal(editUpdate(ctx(), colleague, update.id, { status: 'IN_PROGRESS', narrative: 'hijack' }, 1));
    expect(e.code).toBe('forbidden');
    expect(e.messageKey).toBe('errors.forbidden.editUpdate');
    expect(await db.prisma.auditLog.count({ where: { action: 'authz.denied', entityType: 'progressUpdate' } })).toBe(1);
    const lead = await actor('ULIBLEAD');
    await expect(editUpdate(ctx(), lead, update.id, { status: 'IN_PROGRESS', narrative: 'typo fixed' }, 1)).resolves.toBeTruthy();
  });

  it('validates an edit like a submission', async () => {
    const { me, update } = await submitted();
    const e = await refusal(editUpdate(ctx(), me, update.id, { status: 'IN_PROGRESS', narrative: 'y'.repeat(3001) }, 1));
    expect(e).toMatchObject({ code: 'invalid', field: 'narrative', messageKey: 'errors.invalid.tooLong' });
  });

  describe('loadUpdateForEdit (the edit form)', () => {
    it('gives the author the update as stored, with the statuses they may choose', async () => {
      const { me, update } = await submitted();
      const stored = await loadUpdateForEdit(ctx(), me, update.id);
      expect(stored.update).toMatchObject({ id: update.id, narrative: 'first draft', revision: 1 });
      expect(stored.authorSlackId).toBe('ULIBSTAFF');
      expect(stored.strategy.id).toBe(world.strategy.lib11);
      expect(stored.statuses).toContain('IN_PROGRESS');
    });

    it("refuses and audits a colleague loading someone else's update; a missing one is not found", async () => {
      const { update } = await submitted();
      const colleague = await actor('ULIBSTAFF2');
      const e = await refusal(loadUpdateForEdit(ctx(), colleague, update.id));
      expect(e.code).toBe('forbidden');
      expect(await db.prisma.auditLog.count({ where: { action: 'authz.denied', actor: 'ULIBSTAFF2' } })).toBe(1);
      expect((await refusal(loadUpdateForEdit(ctx(), colleague, update.id + 1000))).code).toBe('not_found');
    });
  });

  describe('editRace (a Submit that lost the race)', () => {
    const second = { status: 'IN_PROGRESS', narrative: 'second draft', visibility: 'PUBLIC' };

    it('calls a Submit of an edit this person already saved a repeat', async () => {
      const { me, update } = await submitted();
      await editUpdate(ctx(), me, update.id, second, 1);
      const race = await editRace(ctx(), me, update.id, 1, second);
      expect(race.repeated).toBe(true);
      expect(race.nextEditor).toEqual({ slackUserId: 'ULIBSTAFF', name: expect.any(String) });
      expect(race.stored.update.revision).toBe(2);
    });

    it('calls it a conflict when the saved edit says something else or was made by someone else', async () => {
      const { me, update } = await submitted();
      const lead = await actor('ULIBLEAD');
      await editUpdate(ctx(), lead, update.id, second, 1);
      // The lead's edit, with the same words: still not this person's.
      expect((await editRace(ctx(), me, update.id, 1, second)).repeated).toBe(false);
      const leadRace = await editRace(ctx(), lead, update.id, 1, { ...second, narrative: 'other words' });
      expect(leadRace.repeated).toBe(false);
      expect(leadRace.nextEditor?.slackUserId).toBe('ULIBLEAD');
    });

    it('reads an unset visibility as the internal one it was saved as', async () => {
      const { me, update } = await submitted();
      await editUpdate(ctx(), me, update.id, { status: 'IN_PROGRESS', narrative: 'third' }, 1);
      expect((await editRace(ctx(), me, update.id, 1, { status: 'IN_PROGRESS', narrative: 'third', visibility: null })).repeated).toBe(true);
    });
  });
});

describe('reading before reporting', () => {
  it('lists what a person may report on: what they own and their department', async () => {
    const staff = await actor('ULIBSTAFF');
    const list = await listReportableStrategies(ctx(), staff);
    expect(list.map((s) => s.label)).toEqual(['1.1', '1.2', '2.1']);
    expect(list.find((s) => s.id === world.strategy.lib11)).toMatchObject({ ownedByActor: true, reportedThisPeriod: false, periodKey: 'FY2026-Q2' });

    await submitUpdate(ctx(), staff, await updateInput(db.prisma, world.strategy.lib11), { idempotencyKey: 'k' });
    const after = await listReportableStrategies(ctx(), staff);
    expect(after.find((s) => s.id === world.strategy.lib11)).toMatchObject({ reportedThisPeriod: true });

    expect(await listReportableStrategies(ctx(), await actor('UMANAGER'))).toEqual([]);
    const admin = await actor('UADMIN');
    expect((await listReportableStrategies(ctx(), admin, { department: 'housing' })).map((s) => s.id)).toEqual([world.strategy.hsg11]);
  });

  it('gives the form its defaults: status, version, period, limits, on whose behalf', async () => {
    const lead = await actor('ULIBLEAD');
    const form = await getUpdateFormDefaults(ctx(), lead, world.strategy.lib11);
    expect(form.strategy).toMatchObject({ id: world.strategy.lib11, label: '1.1', version: 1, status: 'IN_PROGRESS', dueDate: '2025-11-01' });
    expect(form.period.key).toBe('FY2026-Q2');
    expect(form.defaults).toEqual({ status: 'IN_PROGRESS', visibility: 'INTERNAL' });
    expect(form.limits.narrative).toBe(3000);
    expect(form.onBehalfOf).toEqual({ slackUserId: 'ULIBSTAFF', name: 'Person libStaff' });
    expect(form.canManage).toBe(true);
    expect(form.lastUpdate).toBeNull();

    const e = await refusal(getUpdateFormDefaults(ctx(), await actor('UHSGSTAFF'), world.strategy.lib11));
    expect(e.code).toBe('forbidden');
  });

  it("shows the latest update as stored, with its author, and the person's own update for the period", async () => {
    const lead = await actor('ULIBLEAD');
    const staff = await actor('ULIBSTAFF');
    const mine = await submitUpdate(ctx(), staff, await updateInput(db.prisma, world.strategy.lib11, { narrative: 'Mine 📚 — مكتبة' }), {
      idempotencyKey: 'a',
    });
    await editUpdate(ctx(), staff, mine.update.id, { status: 'IN_PROGRESS', narrative: 'Mine, edited', evidenceUrl: 'https://example.org/e' }, 1);
    // A later update by the lead, at a time with milliseconds: the latest one.
    const later = () => new Date('2025-11-12T18:00:00.456Z');
    const theirs = await submitUpdate(serviceContext(db.prisma, later), lead, await updateInput(db.prisma, world.strategy.lib11, { visibility: 'PUBLIC' }), {
      idempotencyKey: 'b',
    });

    const form = await getUpdateFormDefaults(ctx(), staff, world.strategy.lib11);
    const stored = await db.prisma.progressUpdate.findUniqueOrThrow({
      where: { id: theirs.update.id },
      include: { author: { select: { slackUserId: true, name: true } } },
    });
    expect(form.lastUpdate).toEqual({ ...viewOfUpdate(stored), author: stored.author });
    expect(form.lastUpdate?.createdAt).toEqual(later());
    expect(form.defaults.visibility).toBe('PUBLIC');
    expect(form.ownUpdateThisPeriod).toEqual({ id: mine.update.id, revision: 2 });
    expect((await getUpdateFormDefaults(ctx(), lead, world.strategy.lib11)).ownUpdateThisPeriod).toEqual({ id: theirs.update.id, revision: 1 });
    // A later update of Grace's under the other cadence's period (the Library reported
    // monthly for a while): not this quarter's, so the form still offers hers for the quarter.
    const month = periodContaining(ctx().now(), ZONE, 'MONTHLY');
    await db.prisma.progressUpdate.create({
      data: {
        strategyId: world.strategy.lib11,
        periodKey: month.key,
        periodStart: new Date(month.start),
        periodEnd: new Date(month.end),
        statusFrom: 'IN_PROGRESS',
        statusTo: 'IN_PROGRESS',
        narrative: 'Monthly',
        authorId: staff.memberId,
        idempotencyKey: 'monthly',
        createdAt: new Date('2025-11-01T18:00:00Z'),
      },
    });
    expect((await getUpdateFormDefaults(ctx(), staff, world.strategy.lib11)).ownUpdateThisPeriod).toEqual({ id: mine.update.id, revision: 2 });
    // Edited since: revision and edit time come through too.
    await editUpdate(ctx(), lead, theirs.update.id, { status: 'ONGOING', narrative: 'Corrected' }, 1);
    const again = await db.prisma.progressUpdate.findUniqueOrThrow({
      where: { id: theirs.update.id },
      include: { author: { select: { slackUserId: true, name: true } } },
    });
    expect(again.editedAt).not.toBeNull();
    expect((await getUpdateFormDefaults(ctx(), staff, world.strategy.lib11)).lastUpdate).toEqual({ ...viewOfUpdate(again), author: again.author });
  });
});
