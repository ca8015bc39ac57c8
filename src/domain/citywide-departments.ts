// A citywide strategy's lead and partner departments, as the add and edit forms (or a
// crafted payload) send them. The lead's equity lead manages the strategy; partners only
// read it, so a department cannot be both. Pure: the caller passes the departments that
// exist, and gets back the choice or a problem per field.
import type { FieldProblem } from './messages.js';

/** The service's field names, which are also the forms' block ids. */
export const CITYWIDE_FIELDS = { lead: 'leadDepartmentId', partners: 'partnerDepartmentIds' } as const;

/**
 * Partners one strategy may name. The plan's strategies name a handful; more is a mistake
 * or a crafted payload, and the list must fit one multi-select, the plan row and the audit.
 */
export const MAX_PARTNER_DEPARTMENTS = 25;

export interface CitywideDepartmentsInput {
  /** What the lead select sent; null when nothing was chosen. */
  leadDepartmentId: number | null;
  partnerDepartmentIds: readonly number[];
}

export interface CitywideDepartments {
  leadDepartmentId: number;
  /** Without repeats, in ascending order. */
  partnerDepartmentIds: number[];
}

export type CitywideDepartmentsResult = { ok: true; data: CitywideDepartments } | { ok: false; problems: FieldProblem[] };

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/**
 * Checks the choice against the departments that exist (`names`: id → name, for the
 * words). A department deleted since the form opened reads as unknown, as a forged id does.
 */
export function checkCitywideDepartments(input: CitywideDepartmentsInput, names: ReadonlyMap<number, string>): CitywideDepartmentsResult {
  const problems: FieldProblem[] = [];
  const { lead: leadField, partners: partnersField } = CITYWIDE_FIELDS;
  const lead = input.leadDepartmentId;
  if (lead === null) problems.push({ field: leadField, messageKey: 'errors.invalid.required', params: { field: leadField } });
  else if (!isId(lead) || !names.has(lead)) problems.push({ field: leadField, messageKey: 'errors.invalid.departmentUnknown', params: { field: leadField } });

  const partners = [...new Set(input.partnerDepartmentIds)];
  if (partners.length > MAX_PARTNER_DEPARTMENTS) {
    problems.push({
      field: partnersField,
      messageKey: 'errors.invalid.tooManyPartners',
      params: { field: partnersField, limit: MAX_PARTNER_DEPARTMENTS, count: partners.length },
    });
  } else if (partners.some((id) => !isId(id) || !names.has(id))) {
    problems.push({ field: partnersField, messageKey: 'errors.invalid.departmentUnknown', params: { field: partnersField } });
  } else if (lead !== null && partners.includes(lead) && names.has(lead)) {
    problems.push({ field: partnersField, messageKey: 'errors.invalid.leadAsPartner', params: { field: partnersField, department: names.get(lead) } });
  }
  if (problems.length > 0 || lead === null) return { ok: false, problems };
  return { ok: true, data: { leadDepartmentId: lead, partnerDepartmentIds: partners.sort((a, b) => a - b) } };
}
