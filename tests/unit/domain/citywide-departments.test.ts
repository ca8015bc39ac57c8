import { describe, expect, it } from 'vitest';
import { MAX_PARTNER_DEPARTMENTS, checkCitywideDepartments } from '../../../src/domain/citywide-departments.js';

const LIB = 1;
const PRNS = 2;
const HSG = 3;
const NAMES = new Map([
  [LIB, 'San José Public Library'],
  [PRNS, 'Parks, Recreation and Neighborhood Services'],
  [HSG, 'Housing'],
]);

const problemsOf = (leadDepartmentId: number | null, partnerDepartmentIds: number[]) => {
  const r = checkCitywideDepartments({ leadDepartmentId, partnerDepartmentIds }, NAMES);
  return r.ok ? [] : r.problems.map((p) => [p.field, p.messageKey, p.params]);
};

describe('a citywide strategy’s lead and partner departments', () => {
  it('keeps the lead and each partner once, in id order', () => {
    expect(checkCitywideDepartments({ leadDepartmentId: LIB, partnerDepartmentIds: [HSG, PRNS, HSG] }, NAMES)).toEqual({
      ok: true,
      data: { leadDepartmentId: LIB, partnerDepartmentIds: [PRNS, HSG] },
    });
    expect(checkCitywideDepartments({ leadDepartmentId: HSG, partnerDepartmentIds: [] }, NAMES)).toEqual({
      ok: true,
      data: { leadDepartmentId: HSG, partnerDepartmentIds: [] },
    });
  });

  it('requires a lead that exists', () => {
    expect(problemsOf(null, [PRNS])).toEqual([['leadDepartmentId', 'errors.invalid.required', { field: 'leadDepartmentId' }]]);
    expect(problemsOf(99, [])).toEqual([['leadDepartmentId', 'errors.invalid.departmentUnknown', { field: 'leadDepartmentId' }]]);
    // What a crafted select value that is not a number reads as.
    expect(problemsOf(Number.NaN, [])).toEqual([['leadDepartmentId', 'errors.invalid.departmentUnknown', { field: 'leadDepartmentId' }]]);
  });

  it('refuses a partner that does not exist, and the lead named as a partner', () => {
    expect(problemsOf(LIB, [PRNS, 99])).toEqual([['partnerDepartmentIds', 'errors.invalid.departmentUnknown', { field: 'partnerDepartmentIds' }]]);
    expect(problemsOf(LIB, [PRNS, LIB])).toEqual([
      ['partnerDepartmentIds', 'errors.invalid.leadAsPartner', { field: 'partnerDepartmentIds', department: 'San José Public Library' }],
    ]);
  });

  it('refuses more partners than one multi-select may hold', () => {
    const many = new Map(Array.from({ length: 40 }, (_, i) => [i + 1, `Department ${i + 1}`] as const));
    const partners = Array.from({ length: MAX_PARTNER_DEPARTMENTS + 1 }, (_, i) => i + 2);
    const r = checkCitywideDepartments({ leadDepartmentId: 1, partnerDepartmentIds: partners }, many);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      {
        field: 'partnerDepartmentIds',
        messageKey: 'errors.invalid.tooManyPartners',
        params: { field: 'partnerDepartmentIds', limit: MAX_PARTNER_DEPARTMENTS, count: MAX_PARTNER_DEPARTMENTS + 1 },
      },
    ]);
    const exactly = partners.slice(0, MAX_PARTNER_DEPARTMENTS);
    expect(checkCitywideDepartments({ leadDepartmentId: 1, partnerDepartmentIds: exactly }, many).ok).toBe(true);
  });

  it('reports a problem with each field at once', () => {
    expect(problemsOf(null, [99]).map(([field]) => field)).toEqual(['leadDepartmentId', 'partnerDepartmentIds']);
  });
});
