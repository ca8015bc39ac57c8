import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../support/test-db.js';
import { loadActor } from '../../../src/services/authz.js';
import { assignRoles, bootstrapAdmins, markDeactivated, setLanguage, syncFromSlackProfile } from '../../../src/services/members.js';
import { addCitywideStrategy, refusal, serviceContext, useFreshWorld, type World } from './support/world.js';

let db: TestDatabase;
let world: World;
const ctx = () => serviceContext(db.prisma);
const actor = (slackUserId: string) => loadActor(ctx(), slackUserId);

useFreshWorld((d, w) => {
  db = d;
  world = w;
});

describe('loadActor', () => {
  it('loads roles, department and managed departments', async () => {
    expect(await actor('UMANAGER')).toMatchObject({
      memberId: world.member.manager,
      roles: ['MANAGER'],
      departmentId: null,
      managedDepartmentIds: [world.dept.LIB],
      active: true,
    });
    expect(await actor('ULIBLEAD')).toMatchObject({ departmentCode: 'LIB', roles: ['EQUITY_LEAD'] });
  });

  it('carries every field the rules and the language choice read, as plain values', async () => {
    await db.prisma.member.update({ where: { slackUserId: 'UADMIN2' }, data: { language: 'vi', slackLocale: 'es-ES' } });
    await db.prisma.managedDepartment.createMany({
      data: [
        { memberId: world.member.admin2, departmentId: world.dept.HOUSING },
        { memberId: world.member.admin2, departmentId: world.dept.LIB },
      ],
    });
    expect(await actor('UADMIN2')).toEqual({
      memberId: world.member.admin2,
      slackUserId: 'UADMIN2',
      name: 'Person admin2',
      roles: ['ORSE_ADMIN', 'EQUITY_LEAD'],
      departmentId: world.dept.ORSE,
      departmentCode: 'ORSE',
      managedDepartmentIds: [world.dept.LIB, world.dept.HOUSING].sort((a, b) => a - b),
      active: true,
      language: 'vi',
      slackLocale: 'es-ES',
    });
    expect(await actor('ULIBSTAFF')).toMatchObject({ language: null, slackLocale: null, managedDepartmentIds: [] });
  });

  it('refuses unknown and deactivated people, naming whom to ask, and audits it', async () => {
    const unknown = await refusal(actor('UNEWBIE'));
    expect(unknown).toMatchObject({
      code: 'unknown_member',
      messageKey: 'errors.unknownMember',
      params: { slackUserId: 'UNEWBIE', adminSlackIds: ['UADMIN', 'UADMIN2'], equityLeadSlackIds: [] },
    });
    const gone = await refusal(actor('UGONE'));
    expect(gone.params).toMatchObject({ adminSlackIds: ['UADMIN', 'UADMIN2'], equityLeadSlackIds: ['ULIBLEAD'] });
    const audit = await db.prisma.auditLog.findMany({ where: { action: 'authz.denied' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actor, a.detail])).toEqual([
      ['UNEWBIE', 'unknown member'],
      ['UGONE', 'deactivated member'],
    ]);
  });
});

describe('assignRoles', () => {
  it('adds a new person with roles and departments, audited', async () => {
    const admin = await actor('UADMIN');
    const result = await assignRoles(ctx(), admin, 'UNEW01', {
      roles: ['MANAGER', 'REDI_MEMBER'],
      departmentCode: 'housing',
      managedDepartmentCodes: ['LIB', 'HOUSING'],
    });
    expect(result).toMatchObject({
      created: true,
      roles: ['MANAGER', 'REDI_MEMBER'],
      departmentCode: 'HOUSING',
      managedDepartmentCodes: ['HOUSING', 'LIB'],
      active: true,
    });
    const newcomer = await actor('UNEW01');
    expect([...newcomer.managedDepartmentIds].sort()).toEqual([world.dept.LIB, world.dept.HOUSING].sort());
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'role.assign' } });
    expect(audit).toMatchObject({ actor: 'UADMIN', before: null });
  });

  it('changes an existing member and replaces what they manage', async () => {
    const admin = await actor('UADMIN');
    await assignRoles(ctx(), admin, 'UMANAGER', { roles: ['MANAGER'], departmentCode: null, managedDepartmentCodes: ['HOUSING'] });
    expect((await actor('UMANAGER')).managedDepartmentIds).toEqual([world.dept.HOUSING]);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'role.assign' } });
    expect(audit.before).toMatchObject({ managedDepartmentCodes: ['LIB'] });
    expect(audit.after).toMatchObject({ managedDepartmentCodes: ['HOUSING'] });
  });

  it('is for ORSE admins only, and refuses bad roles, unknown departments, leads without one', async () => {
    const lead = await refusal(assignRoles(ctx(), await actor('ULIBLEAD'), 'ULIBSTAFF', { roles: ['EQUITY_LEAD'], departmentCode: 'LIB' }));
    expect(lead).toMatchObject({ code: 'forbidden', messageKey: 'errors.forbidden.adminOnly' });
    expect(await db.prisma.auditLog.count({ where: { action: 'authz.denied', actor: 'ULIBLEAD' } })).toBe(1);

    const admin = await actor('UADMIN');
    expect(await refusal(assignRoles(ctx(), admin, 'ULIBSTAFF', { roles: ['KING'], departmentCode: 'LIB' }))).toMatchObject({
      field: 'roles',
      messageKey: 'errors.invalid.choice',
    });
    expect(await refusal(assignRoles(ctx(), admin, 'ULIBSTAFF', { roles: [], departmentCode: 'LIB' }))).toMatchObject({
      field: 'roles',
      messageKey: 'errors.invalid.noRoles',
    });
    const unknownDept = await refusal(assignRoles(ctx(), admin, 'ULIBSTAFF', { roles: ['STAFF'], departmentCode: 'LIBR' }));
    expect(unknownDept).toMatchObject({ field: 'departmentCode', messageKey: 'errors.notFound.department' });
    expect(unknownDept.params.suggestions).toContainEqual({ code: 'LIB', name: 'San José Public Library' });
    expect(await refusal(assignRoles(ctx(), admin, 'ULIBSTAFF', { roles: ['EQUITY_LEAD'], departmentCode: null }))).toMatchObject({
      field: 'departmentCode',
      messageKey: 'errors.invalid.departmentRequired',
    });
  });

  it('keeps at least one active ORSE admin', async () => {
    const admin = await actor('UADMIN');
    await assignRoles(ctx(), admin, 'UADMIN2', { roles: ['EQUITY_LEAD'], departmentCode: 'ORSE' });
    const e = await refusal(assignRoles(ctx(), admin, 'UADMIN', { roles: ['STAFF'], departmentCode: 'ORSE' }));
    expect(e).toMatchObject({ code: 'conflict', messageKey: 'errors.conflict.lastAdmin' });
  });
});

describe('language and Slack profile', () => {
  it('stores a language choice and clears it', async () => {
    await setLanguage(ctx(), 'ULIBSTAFF', 'vi');
    expect((await actor('ULIBSTAFF')).language).toBe('vi');
    await setLanguage(ctx(), 'ULIBSTAFF', null);
    expect((await actor('ULIBSTAFF')).language).toBeNull();
    expect(await refusal(setLanguage(ctx(), 'ULIBSTAFF', 'fr' as never))).toMatchObject({ field: 'language' });
    expect((await refusal(setLanguage(ctx(), 'UNOBODY', 'es'))).code).toBe('unknown_member');
  });

  it('syncs name, e-mail, zone and locale; ignores what cannot be stored; skips strangers', async () => {
    await db.prisma.member.update({ where: { id: world.member.libStaff2 }, data: { email: 'taken@sanjoseca.gov' } });
    const r = await syncFromSlackProfile(ctx(), 'ULIBSTAFF', { name: 'Lan Nguyễn', email: 'TAKEN@sanjoseca.gov', tz: 'Mars/Olympus', locale: 'vi-VN' });
    expect(r).toMatchObject({ known: true, changed: ['name', 'slackLocale'], ignored: ['tz', 'email'], reactivated: false });
    const m = await db.prisma.member.findUniqueOrThrow({ where: { slackUserId: 'ULIBSTAFF' } });
    expect(m).toMatchObject({ name: 'Lan Nguyễn', slackLocale: 'vi-VN', email: null, timeZone: null });
    expect(await syncFromSlackProfile(ctx(), 'ULIBSTAFF', { name: 'Lan Nguyễn', locale: 'vi-VN' })).toMatchObject({ changed: [] });
    expect(await syncFromSlackProfile(ctx(), 'USTRANGER', { name: 'X' })).toMatchObject({ known: false });
    expect(await db.prisma.member.count({ where: { slackUserId: 'USTRANGER' } })).toBe(0);
  });

  it('deactivates a deleted account, flags their open strategies and names the leads to tell', async () => {
    await db.prisma.strategy.update({ where: { id: world.strategy.lib12 }, data: { ownerId: world.member.libStaff } });
    await db.prisma.strategy.update({ where: { id: world.strategy.hsg11 }, data: { ownerId: world.member.libStaff } });
    const r = await syncFromSlackProfile(ctx(), 'ULIBSTAFF', { deleted: true });
    const d = r.deactivation!;
    expect(d).toMatchObject({ known: true, deactivatedNow: true });
    expect(d.strategies.map((s) => [s.label, s.departmentCode])).toEqual([
      ['1.1', 'LIB'],
      ['1.2', 'LIB'],
      ['1.1', 'HOUSING'],
    ]);
    expect(d.notify).toEqual([
      { departmentCode: 'LIB', recipientSlackIds: ['ULIBLEAD'], strategyIds: [world.strategy.lib11, world.strategy.lib12] },
      { departmentCode: 'HOUSING', recipientSlackIds: ['UHSGLEAD'], strategyIds: [world.strategy.hsg11] },
    ]);
    const s = await db.prisma.strategy.findUniqueOrThrow({ where: { id: world.strategy.lib11 } });
    expect(s).toMatchObject({ needsReassignment: true, version: 2 });
    expect((await refusal(actor('ULIBSTAFF'))).code).toBe('unknown_member');
    expect(await db.prisma.auditLog.count({ where: { action: 'strategy.needsReassignment' } })).toBe(3);

    // Slack retries the event: nothing new is flagged, nobody is told twice.
    const again = await markDeactivated(ctx(), 'ULIBSTAFF');
    expect(again).toMatchObject({ known: true, deactivatedNow: false, strategies: [], notify: [] });
  });

  it('tells the lead once when Slack delivers the same deactivation twice at the same moment', async () => {
    await db.prisma.strategy.update({ where: { id: world.strategy.lib12 }, data: { ownerId: world.member.libStaff } });
    await db.prisma.strategy.update({ where: { id: world.strategy.hsg11 }, data: { ownerId: world.member.libStaff } });
    const [a, b] = await Promise.all([markDeactivated(ctx(), 'ULIBSTAFF'), markDeactivated(ctx(), 'ULIBSTAFF')]);
    const reported = [...a.strategies, ...b.strategies].map((s) => s.id).sort();
    expect(reported).toHaveLength(3);
    expect(new Set(reported).size).toBe(3);
    expect([...a.notify, ...b.notify].flatMap((n) => n.strategyIds).sort()).toEqual(reported);
    expect(await db.prisma.auditLog.count({ where: { action: 'strategy.needsReassignment' } })).toBe(3);
  });

  it('asks the lead department’s equity lead to reassign a citywide strategy, not its partner’s', async () => {
    // Welcoming plan 2.1, owned by Housing staff, led by the Library, Housing a partner.
    const wsj = await addCitywideStrategy(db.prisma, world.dept.LIB, [world.dept.HOUSING], {
      text: 'Library cards at every community center',
      ownerId: world.member.hsgStaff,
    });
    const d = await markDeactivated(ctx(), 'UHSGSTAFF');
    expect(d.strategies.map((s) => [s.label, s.departmentCode])).toEqual([
      ['1.1', 'HOUSING'],
      ['2.1', 'LIB'],
    ]);
    expect(d.notify).toEqual([
      { departmentCode: 'HOUSING', recipientSlackIds: ['UHSGLEAD'], strategyIds: [world.strategy.hsg11] },
      { departmentCode: 'LIB', recipientSlackIds: ['ULIBLEAD'], strategyIds: [wsj] },
    ]);
  });

  it('asks the ORSE admins when the department has no equity lead', async () => {
    await db.prisma.member.update({ where: { id: world.member.hsgLead }, data: { active: false } });
    const d = await markDeactivated(ctx(), 'UHSGSTAFF');
    expect(d.notify).toEqual([{ departmentCode: 'HOUSING', recipientSlackIds: ['UADMIN', 'UADMIN2'], strategyIds: [world.strategy.hsg11] }]);
  });

  it('reactivates a member whose Slack account comes back', async () => {
    await markDeactivated(ctx(), 'ULIBSTAFF');
    const r = await syncFromSlackProfile(ctx(), 'ULIBSTAFF', { name: 'Person libStaff' });
    expect(r.reactivated).toBe(true);
    expect((await actor('ULIBSTAFF')).active).toBe(true);
  });
});

describe('bootstrapAdmins (REAP_ADMIN_USER_IDS)', () => {
  const isAdmin = async (id: string) => {
    const m = await db.prisma.member.findUnique({ where: { slackUserId: id } });
    return !!m && m.active && m.roles.includes('ORSE_ADMIN');
  };

  it('makes a listed id an admin once, and says so', async () => {
    expect(await bootstrapAdmins(db.prisma, ['UITADMIN'])).toEqual({ granted: ['UITADMIN'], kept: [] });
    expect(await isAdmin('UITADMIN')).toBe(true);
    expect(await bootstrapAdmins(db.prisma, ['UITADMIN'])).toEqual({ granted: [], kept: [] });
  });

  it('does not give back an admin role another admin took away in the app', async () => {
    await bootstrapAdmins(db.prisma, ['UADMIN2']);
    await assignRoles(ctx(), await actor('UADMIN'), 'UADMIN2', { roles: ['EQUITY_LEAD'], departmentCode: 'ORSE' });
    expect(await bootstrapAdmins(db.prisma, ['UADMIN2'])).toEqual({ granted: [], kept: ['UADMIN2'] });
    expect(await isAdmin('UADMIN2')).toBe(false);
  });

  it('does not reactivate a member an admin deactivated', async () => {
    await db.prisma.member.update({ where: { slackUserId: 'UADMIN2' }, data: { active: false, deactivatedAt: new Date() } });
    expect(await bootstrapAdmins(db.prisma, ['UADMIN2'])).toEqual({ granted: [], kept: ['UADMIN2'] });
    expect(await isAdmin('UADMIN2')).toBe(false);
  });

  it('re-grants when nobody is an active admin any more, and reports whom', async () => {
    await assignRoles(ctx(), await actor('UADMIN'), 'UADMIN2', { roles: ['EQUITY_LEAD'], departmentCode: 'ORSE' });
    await db.prisma.member.update({ where: { slackUserId: 'UADMIN' }, data: { active: false, deactivatedAt: new Date() } });
    expect(await bootstrapAdmins(db.prisma, ['UADMIN2'])).toEqual({ granted: ['UADMIN2'], kept: [] });
    expect(await isAdmin('UADMIN2')).toBe(true);
  });
});
