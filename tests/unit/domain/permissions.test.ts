import { describe, expect, it } from 'vitest';
import {
  canCompleteMilestone,
  canEditUpdate,
  canManageDepartment,
  canReadDepartment,
  canReadStrategy,
  canReportOn,
  type Actor,
} from '../../../src/domain/permissions.js';
import type { Role } from '../../../src/generated/prisma/enums.js';

const LIB = 1;
const HOUSING = 2;

function person(memberId: number, roles: Role[], departmentId: number | null, managed: number[] = []): Actor {
  return {
    memberId,
    slackUserId: `U${memberId}`,
    name: `P${memberId}`,
    roles,
    departmentId,
    departmentCode: null,
    managedDepartmentIds: managed,
    active: true,
    language: null,
  };
}

const admin = person(1, ['ORSE_ADMIN'], null);
const libLead = person(2, ['EQUITY_LEAD'], LIB);
const libStaff = person(3, ['STAFF'], LIB);
const manager = person(4, ['MANAGER'], null, [LIB]);
const hsgStaff = person(5, ['STAFF'], HOUSING);
const libStrategy = { departmentId: LIB, ownerId: 3 };
const hsgStrategyOwnedByLibStaff = { departmentId: HOUSING, ownerId: 3 };

describe('managing', () => {
  it('is for ORSE admins anywhere and equity leads in their own department', () => {
    expect(canManageDepartment(admin, HOUSING)).toBe(true);
    expect(canManageDepartment(admin, null)).toBe(true);
    expect(canManageDepartment(libLead, LIB)).toBe(true);
    expect(canManageDepartment(libLead, HOUSING)).toBe(false);
    expect(canManageDepartment(libLead, null)).toBe(false);
    expect(canManageDepartment(libStaff, LIB)).toBe(false);
    expect(canManageDepartment(manager, LIB)).toBe(false);
  });

  it('is refused to anyone inactive, whatever the roles', () => {
    expect(canManageDepartment({ ...admin, active: false }, LIB)).toBe(false);
    expect(canReportOn({ ...libStaff, active: false }, libStrategy)).toBe(false);
    expect(canReadDepartment({ ...libStaff, active: false }, LIB)).toBe(false);
  });
});

describe('reporting', () => {
  it('covers what one owns and one’s own department', () => {
    expect(canReportOn(libStaff, libStrategy)).toBe(true);
    expect(canReportOn(libStaff, hsgStrategyOwnedByLibStaff)).toBe(true);
    expect(canReportOn(hsgStaff, libStrategy)).toBe(false);
    expect(canReportOn(manager, libStrategy)).toBe(false);
    expect(canReportOn(admin, libStrategy)).toBe(true);
  });

  it('lets authors and managers edit updates', () => {
    expect(canEditUpdate(libStaff, { authorId: 3 }, libStrategy)).toBe(true);
    expect(canEditUpdate(person(6, ['STAFF'], LIB), { authorId: 3 }, libStrategy)).toBe(false);
    expect(canEditUpdate(libLead, { authorId: 3 }, libStrategy)).toBe(true);
    // An author who moved to another department no longer edits.
    expect(canEditUpdate({ ...libStaff, departmentId: HOUSING }, { authorId: 3 }, { departmentId: LIB, ownerId: null })).toBe(false);
  });

  it('lets milestone and strategy owners mark milestones done', () => {
    expect(canCompleteMilestone(libStaff, { ownerId: 3 }, { departmentId: LIB, ownerId: null })).toBe(true);
    expect(canCompleteMilestone(libStaff, { ownerId: null }, libStrategy)).toBe(true);
    expect(canCompleteMilestone(hsgStaff, { ownerId: 3 }, libStrategy)).toBe(false);
  });
});

describe('reading', () => {
  it('covers one’s department and the ones one manages', () => {
    expect(canReadDepartment(libStaff, LIB)).toBe(true);
    expect(canReadDepartment(libStaff, HOUSING)).toBe(false);
    expect(canReadDepartment(manager, LIB)).toBe(true);
    expect(canReadDepartment(manager, HOUSING)).toBe(false);
    expect(canReadDepartment(admin, HOUSING)).toBe(true);
  });
});

describe('citywide strategies', () => {
  const PRNS = 3;
  const prnsStaff = person(6, ['STAFF'], PRNS);
  const prnsManager = person(7, ['MANAGER'], null, [PRNS]);
  // Led by Housing (the scope's department is the lead), Parks as partner.
  const citywide = { departmentId: HOUSING, ownerId: 5, partnerDepartmentIds: [PRNS] };

  it('are read in full by the lead department, its partners, their managers, the owner and ORSE', () => {
    expect(canReadStrategy(hsgStaff, citywide)).toBe(true);
    expect(canReadStrategy(prnsStaff, citywide)).toBe(true);
    expect(canReadStrategy(prnsManager, citywide)).toBe(true);
    expect(canReadStrategy(admin, citywide)).toBe(true);
    expect(canReadStrategy(libStaff, citywide)).toBe(false);
    expect(canReadStrategy(libStaff, { ...citywide, ownerId: libStaff.memberId })).toBe(true);
    expect(canReadStrategy({ ...prnsStaff, active: false }, citywide)).toBe(false);
  });

  it("are managed by the lead department's equity lead and ORSE, reported on by the lead department", () => {
    const hsgLead = person(8, ['EQUITY_LEAD'], HOUSING);
    const prnsLead = person(9, ['EQUITY_LEAD'], PRNS);
    expect(canManageDepartment(hsgLead, citywide.departmentId)).toBe(true);
    expect(canManageDepartment(prnsLead, citywide.departmentId)).toBe(false);
    expect(canReportOn(prnsStaff, citywide)).toBe(false);
    expect(canReportOn(hsgStaff, citywide)).toBe(true);
  });
});
