// Turns rows of cell text into typed import records, collecting every problem instead of
// stopping at the first: each cell goes through its zod schema, then per-row rules, then
// checks across rows (duplicates, plan fields that disagree). checkReferences adds the
// checks that need to know what the database already holds. Nothing here touches the DB.
import { z } from 'zod';
import type { Language, MaturityTier, PlanKind, ReportingCadence, Role, StrategyStatus } from '../../generated/prisma/enums.js';
import {
  CADENCE_LABELS,
  LIMITS,
  MATURITY_LABELS,
  PLAN_KIND_LABELS,
  Problem,
  STATUS_LABELS,
  charLength,
  isProblem,
  parseIsoDate,
  parseLanguage,
  parseMilestones,
  parseRoles,
  parseVocabulary,
  parseYesNo,
  splitList,
  type MilestoneInput,
  type RecordKind,
} from './format.js';
import { describeRow, rowIssue, type ImportIssue, type RowRef } from './issues.js';
import { parseTypedMeasures, type MeasureSpec } from '../../domain/measures.js';
import type { MeasureKind } from '../../generated/prisma/enums.js';
import type { SourceRow } from './parse.js';

// ---- cell schemas -------------------------------------------------------------------------

const REQUIRED = Symbol('required');

/**
 * One cell: undefined (column left out) stays undefined, meaning "leave the stored value";
 * an empty cell becomes the field's default or is refused when the field is required.
 */
function cell<T>(parse: (v: string) => T | Problem, empty: (() => T) | typeof REQUIRED) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined => {
      if (raw === undefined && empty !== REQUIRED) return undefined;
      const v = (raw ?? '').trim();
      const fail = (message: string) => {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      };
      // PostgreSQL text cannot hold NUL; catching it here keeps it a row error.
      if (v.includes('\u0000')) return fail('contains a NUL character, which cannot be stored');
      if (v === '') return empty === REQUIRED ? fail('is required') : empty();
      const out = parse(v);
      return isProblem(out) ? fail(out.message) : out;
    });
}

const text =
  (max?: number) =>
  (v: string): string | Problem =>
    max !== undefined && charLength(v) > max ? new Problem(`is longer than ${max} characters (${charLength(v)})`) : v;

const pattern = (re: RegExp, max: number, expected: string) => (v: string) =>
  charLength(v) > max ? new Problem(`is longer than ${max} characters (${charLength(v)})`) : re.test(v) ? v : new Problem(`expected ${expected}, got "${v}"`);

const departmentCode = pattern(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, LIMITS.departmentCode, 'a department code of letters, digits, "-" or "_" such as LIB');
const slackUserId = pattern(/^[UW][A-Z0-9]{2,}$/, LIMITS.slackUserId, 'a Slack user id such as U04ABC123');
const slackChannelId = pattern(/^[CG][A-Z0-9]{2,}$/, LIMITS.slackChannelId, 'a Slack channel id such as C04ABC123 (not the channel name)');
const planKey = pattern(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, LIMITS.planKey, 'a plan key of letters, digits, ".", "-" or "_" such as LIB-FY2024-2026');

function email(v: string): string | Problem {
  const lower = v.toLowerCase();
  if (charLength(lower) > LIMITS.email) return new Problem(`is longer than ${LIMITS.email} characters`);
  // Deliberately loose: Slack has already verified the real address; this catches typos.
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(lower) ? lower : new Problem(`expected an e-mail address, got "${v}"`);
}

function timeZone(v: string): string | Problem {
  try {
    // Intl knows the IANA names and returns their canonical spelling (any input case).
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: v }).resolvedOptions().timeZone;
    return charLength(canonical) > LIMITS.timeZone ? new Problem(`is longer than ${LIMITS.timeZone} characters`) : canonical;
  } catch {
    return new Problem(`expected an IANA time zone such as America/Los_Angeles, got "${v}"`);
  }
}

const wholeNumber = (min: number, max: number, what: string) => (v: string) => {
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : new Problem(`expected ${what} from ${min} to ${max}, got "${v}"`);
};

function codeList(v: string): string[] | Problem {
  const codes = [...new Set(splitList(v))];
  const bad = codes.map(departmentCode).filter(isProblem);
  return bad.length ? new Problem(bad.map((p) => p.message).join('; ')) : codes.sort();
}

const owner = (v: string) =>
  v.includes('@')
    ? email(v)
    : isProblem(slackUserId(v))
      ? new Problem(`expected a member's Slack user id (such as U04ABC123) or e-mail address, got "${v}"`)
      : v;

function typedMeasures(v: string): MeasureSpec[] | Problem {
  const parsed = parseTypedMeasures(v);
  return parsed.ok ? parsed.measures : new Problem(parsed.problems.join('; '));
}

const yesNo = (dflt: boolean) => cell(parseYesNo, () => dflt);
const vocab =
  <T extends string>(labels: Readonly<Record<T, string>>, what: string) =>
  (v: string) =>
    parseVocabulary(v, labels, what);

export const departmentSchema = z.object({
  code: cell(departmentCode, REQUIRED),
  name: cell(text(LIMITS.departmentName), REQUIRED),
  maturity_tier: cell(vocab(MATURITY_LABELS, 'maturity tier'), (): MaturityTier => 'INTERMEDIATE'),
  dedicated_equity_staff: yesNo(false),
  slack_channel: cell<string | null>(slackChannelId, () => null),
  active_equity_action_team: yesNo(false),
  reporting_cadence: cell(vocab(CADENCE_LABELS, 'reporting cadence'), (): ReportingCadence => 'QUARTERLY'),
});

export const memberSchema = z.object({
  slack_user_id: cell(slackUserId, REQUIRED),
  name: cell(text(LIMITS.memberName), REQUIRED),
  email: cell<string | null>(email, () => null),
  department_code: cell<string | null>(departmentCode, () => null),
  roles: cell(parseRoles, (): Role[] => []),
  manages: cell(codeList, (): string[] => []),
  language: cell<Language | null>(parseLanguage, () => null),
  time_zone: cell<string | null>(timeZone, () => null),
  active: yesNo(true),
});

export const planRowSchema = z.object({
  plan_key: cell(planKey, REQUIRED),
  plan_kind: cell(vocab(PLAN_KIND_LABELS, 'plan kind'), REQUIRED),
  plan_title: cell(text(LIMITS.planTitle), REQUIRED),
  department_code: cell<string | null>(departmentCode, () => null),
  fiscal_start_year: cell(wholeNumber(2000, 2100, 'a year'), REQUIRED),
  fiscal_end_year: cell(wholeNumber(2000, 2100, 'a year'), REQUIRED),
  objective_number: cell<number | null>(wholeNumber(1, 9999, 'a whole number'), () => null),
  objective_title: cell<string | null>(text(), () => null),
  objective_description: cell<string | null>(text(), () => null),
  strategy_number: cell<number | null>(wholeNumber(1, 9999, 'a whole number'), () => null),
  strategy_text: cell<string | null>(text(), () => null),
  status: cell(vocab(STATUS_LABELS, 'status'), (): StrategyStatus => 'NOT_STARTED'),
  owner: cell<string | null>(owner, () => null),
  due_date: cell<string | null>(parseIsoDate, () => null),
  performance_measures: cell(text(), () => ''),
  outputs: cell(text(), () => ''),
  language_access: yesNo(false),
  disability_access: yesNo(false),
  gender_equity: yesNo(false),
  priority_communities: yesNo(false),
  deferred_reason: cell<string | null>(text(), () => null),
  milestones: cell(parseMilestones, (): MilestoneInput[] => []),
  lead_department: cell<string | null>(departmentCode, () => null),
  partner_departments: cell(codeList, (): string[] => []),
  typed_measures: cell(typedMeasures, (): MeasureSpec[] => []),
});

const SCHEMAS = { departments: departmentSchema, members: memberSchema, plans: planRowSchema } as const;

/** Strategy cells that make no sense on a row without a strategy_number. */
const STRATEGY_FIELDS = [
  'strategy_text',
  'status',
  'owner',
  'due_date',
  'performance_measures',
  'outputs',
  'language_access',
  'disability_access',
  'gender_equity',
  'priority_communities',
  'deferred_reason',
  'milestones',
  'lead_department',
  'partner_departments',
  'typed_measures',
] as const;

// ---- typed records ------------------------------------------------------------------------

export interface DepartmentInput {
  code: string;
  name: string;
  maturityTier?: MaturityTier;
  hasDedicatedEquityStaff?: boolean;
  slackChannelId?: string | null;
  hasActiveEquityActionTeam?: boolean;
  reportingCadence?: ReportingCadence;
}

export interface MemberInput {
  slackUserId: string;
  name: string;
  email?: string | null;
  departmentCode?: string | null;
  roles?: Role[];
  manages?: string[];
  language?: Language | null;
  timeZone?: string | null;
  active?: boolean;
}

/** One spreadsheet row. Optional fields are undefined when their column was left out. */
export interface PlanRowInput {
  planKey: string;
  planKind: PlanKind;
  planTitle: string;
  departmentCode: string | null;
  fiscalStartYear: number;
  fiscalEndYear: number;
  objectiveNumber: number | null;
  objectiveTitle: string | null;
  /** A pillar's description; undefined when the column was left out. */
  objectiveDescription?: string | null;
  strategyNumber: number | null;
  strategyText: string | null;
  status?: StrategyStatus;
  /** Slack user id or (lower-case) e-mail address, as written. */
  owner?: string | null;
  dueDate?: string | null;
  performanceMeasures?: string;
  outputs?: string;
  languageAccess?: boolean;
  disabilityAccess?: boolean;
  genderEquity?: boolean;
  priorityCommunities?: boolean;
  deferredReason?: string | null;
  milestones?: MilestoneInput[];
  /** A citywide strategy's lead department code. */
  leadDepartment?: string | null;
  /** A citywide strategy's partner department codes, sorted. */
  partnerDepartments?: string[];
  /** Typed performance measures, matched on their label (src/domain/measures.ts). */
  typedMeasures?: MeasureSpec[];
}

export interface Valid<T> {
  ref: RowRef;
  value: T;
}

export interface Validated {
  departments: Valid<DepartmentInput>[];
  members: Valid<MemberInput>[];
  plans: Valid<PlanRowInput>[];
  /** Keys named by rows of the file, even rows with other problems, so that a bad
   *  department row does not also make every reference to it "unknown". */
  declared: {
    departmentCodes: Set<string>;
    memberIds: Set<string>;
  };
  issues: ImportIssue[];
}

type Out<K extends RecordKind> = z.output<(typeof SCHEMAS)[K]>;

interface ParsedRow<K extends RecordKind> {
  ref: RowRef;
  values: SourceRow['values'];
  /** Fields that parsed; a field with a problem is absent. */
  data: Partial<Out<K>>;
  bad: Set<string>;
}

export function validateRows(rows: readonly SourceRow[]): Validated {
  const issues: ImportIssue[] = [];
  const parsed = { departments: [] as ParsedRow<'departments'>[], members: [] as ParsedRow<'members'>[], plans: [] as ParsedRow<'plans'>[] };

  for (const row of rows) {
    const shape = SCHEMAS[row.kind].shape as Record<string, z.ZodType>;
    const data: Record<string, unknown> = {};
    const bad = new Set<string>();
    // Field by field rather than the whole object so that one bad cell does not hide the
    // row's other problems, and the good cells remain usable for the checks across rows.
    for (const [field, schema] of Object.entries(shape)) {
      const r = schema.safeParse(row.values[field]);
      if (r.success) data[field] = r.data;
      else {
        bad.add(field);
        for (const issue of r.error.issues) issues.push(rowIssue(row.ref, field, issue.message));
      }
    }
    (parsed[row.kind] as ParsedRow<RecordKind>[]).push({ ref: row.ref, values: row.values, data: data as Partial<Out<RecordKind>>, bad });
  }

  const fail = (r: ParsedRow<RecordKind>, field: string, message: string) => {
    r.bad.add(field);
    issues.push(rowIssue(r.ref, field, message));
  };

  // Departments: code and name are both unique in the database.
  const deptByCode = new Map<string, ParsedRow<'departments'>>();
  const deptByName = new Map<string, ParsedRow<'departments'>>();
  for (const r of parsed.departments) {
    const { code, name } = r.data;
    if (code !== undefined) {
      const first = deptByCode.get(code);
      if (first) fail(r, 'code', `duplicate department ${code} (first on ${describeRow(first.ref)})`);
      else deptByCode.set(code, r);
    }
    if (name !== undefined) {
      const first = deptByName.get(name);
      if (first) fail(r, 'name', `duplicate department name "${name}" (first on ${describeRow(first.ref)})`);
      else deptByName.set(name, r);
    }
  }

  const memberById = new Map<string, ParsedRow<'members'>>();
  const memberByEmail = new Map<string, ParsedRow<'members'>>();
  for (const r of parsed.members) {
    const { slack_user_id: id, email: mail } = r.data;
    if (id !== undefined) {
      const first = memberById.get(id);
      if (first) fail(r, 'slack_user_id', `duplicate member ${id} (first on ${describeRow(first.ref)})`);
      else memberById.set(id, r);
    }
    if (mail) {
      const first = memberByEmail.get(mail);
      if (first) fail(r, 'email', `duplicate e-mail ${mail} (first on ${describeRow(first.ref)})`);
      else memberByEmail.set(mail, r);
    }
  }

  checkPlanRows(parsed.plans, fail);

  const ok = <K extends RecordKind>(r: ParsedRow<K>) => r.bad.size === 0;
  return {
    departments: parsed.departments.filter(ok).map((r) => ({ ref: r.ref, value: toDepartment(r.data as Out<'departments'>) })),
    members: parsed.members.filter(ok).map((r) => ({ ref: r.ref, value: toMember(r.data as Out<'members'>) })),
    plans: parsed.plans.filter(ok).map((r) => ({ ref: r.ref, value: toPlanRow(r.data as Out<'plans'>) })),
    declared: {
      departmentCodes: new Set(deptByCode.keys()),
      memberIds: new Set(memberById.keys()),
    },
    issues,
  };
}

const PLAN_FIELDS = ['plan_kind', 'plan_title', 'department_code', 'fiscal_start_year', 'fiscal_end_year'] as const;

function checkPlanRows(rows: ParsedRow<'plans'>[], fail: (r: ParsedRow<'plans'>, field: string, message: string) => void): void {
  const firstOfPlan = new Map<string, ParsedRow<'plans'>>();
  const firstOfObjective = new Map<string, ParsedRow<'plans'>>();
  const seen = new Map<string, ParsedRow<'plans'>>();
  for (const r of rows) {
    const d = r.data;
    const has = (f: string) => !r.bad.has(f);

    // Rules within the row.
    if (has('plan_kind') && has('department_code')) {
      // Falsy, not just null: the optional column may be left out altogether.
      if (d.plan_kind === 'DEPARTMENT_REAP' && !d.department_code) {
        fail(r, 'department_code', 'is required for a department_reap plan');
      } else if (d.plan_kind === 'ORSE_WORK_PLAN' && d.department_code) {
        fail(r, 'department_code', 'must be empty for an orse_work_plan plan (ORSE plans belong to no department)');
      } else if (d.plan_kind === 'CITYWIDE_PLAN' && d.department_code) {
        fail(r, 'department_code', 'must be empty for a citywide_plan plan (its strategies name their lead_department)');
      }
    }
    if (has('plan_kind') && d.plan_kind !== 'CITYWIDE_PLAN') {
      // Only a citywide strategy has a lead apart from the plan's department.
      if (has('lead_department') && d.lead_department) fail(r, 'lead_department', 'must be empty unless plan_kind is citywide_plan');
      if (has('partner_departments') && d.partner_departments?.length) fail(r, 'partner_departments', 'must be empty unless plan_kind is citywide_plan');
    }
    if (has('lead_department') && has('partner_departments') && d.lead_department && d.partner_departments?.includes(d.lead_department)) {
      fail(r, 'partner_departments', `names the lead department ${d.lead_department} as a partner too`);
    }
    if (has('fiscal_start_year') && has('fiscal_end_year') && d.fiscal_end_year! < d.fiscal_start_year!) {
      fail(r, 'fiscal_end_year', `must not be before fiscal_start_year (${d.fiscal_start_year})`);
    }
    if (has('objective_number') && has('objective_title')) {
      if (d.objective_number !== null && d.objective_title === null) fail(r, 'objective_title', 'is required when objective_number is set');
      if (d.objective_number === null && d.objective_title !== null) fail(r, 'objective_number', 'is required when objective_title is set');
    }
    if (has('strategy_number')) {
      if (d.strategy_number !== null) {
        if (has('objective_number') && d.objective_number === null) fail(r, 'objective_number', 'is required when strategy_number is set');
        if (has('strategy_text') && d.strategy_text === null) fail(r, 'strategy_text', 'is required when strategy_number is set');
      } else {
        const filled = STRATEGY_FIELDS.filter((f) => (r.values[f] ?? '').trim() !== '');
        if (filled.length) fail(r, 'strategy_number', `is required when strategy cells are filled (${filled.join(', ')})`);
      }
    }

    if (!has('plan_key')) continue;
    const key = d.plan_key!;

    // The plan's fields repeat on every row and must agree.
    const first = firstOfPlan.get(key);
    if (!first) firstOfPlan.set(key, r);
    else {
      for (const f of PLAN_FIELDS) {
        if (has(f) && !first.bad.has(f) && d[f] !== first.data[f]) {
          fail(r, f, `differs from ${describeRow(first.ref)} for plan ${key} (${show(d[f])} vs ${show(first.data[f])})`);
        }
      }
    }

    if (!has('objective_number') || !has('strategy_number')) continue;
    if (d.objective_number !== null && has('objective_title')) {
      const okey = `${key}\u0000${d.objective_number}`;
      const firstObj = firstOfObjective.get(okey);
      if (!firstObj) firstOfObjective.set(okey, r);
      else {
        if (!firstObj.bad.has('objective_title') && firstObj.data.objective_title !== d.objective_title) {
          fail(
            r,
            'objective_title',
            `differs from ${describeRow(firstObj.ref)} for objective ${d.objective_number} of plan ${key} (${show(d.objective_title)} vs ${show(firstObj.data.objective_title)})`,
          );
        }
        if (has('objective_description') && !firstObj.bad.has('objective_description') && firstObj.data.objective_description !== d.objective_description) {
          fail(
            r,
            'objective_description',
            `differs from ${describeRow(firstObj.ref)} for objective ${d.objective_number} of plan ${key} (${show(d.objective_description)} vs ${show(firstObj.data.objective_description)})`,
          );
        }
      }
    }
    const skey = strategyKey(key, d.objective_number ?? null, d.strategy_number ?? null);
    const dup = seen.get(skey);
    if (dup) {
      const what =
        d.strategy_number !== null
          ? `strategy ${d.objective_number}.${d.strategy_number} of plan ${key}`
          : d.objective_number !== null
            ? `objective ${d.objective_number} of plan ${key}`
            : `plan ${key}`;
      fail(r, d.strategy_number !== null ? 'strategy_number' : 'objective_number', `duplicate row for ${what} (first on ${describeRow(dup.ref)})`);
    } else seen.set(skey, r);
  }
}

const show = (v: unknown) => (v === null || v === undefined ? 'empty' : typeof v === 'string' ? `"${truncate(v, 60)}"` : String(v));
const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export const strategyKey = (planKey: string, objective: number | null, strategy: number | null): string =>
  `${planKey}\u0000${objective ?? ''}\u0000${strategy ?? ''}`;

function toDepartment(d: Out<'departments'>): DepartmentInput {
  return {
    code: d.code!,
    name: d.name!,
    maturityTier: d.maturity_tier,
    hasDedicatedEquityStaff: d.dedicated_equity_staff,
    slackChannelId: d.slack_channel,
    hasActiveEquityActionTeam: d.active_equity_action_team,
    reportingCadence: d.reporting_cadence,
  };
}

function toMember(d: Out<'members'>): MemberInput {
  return {
    slackUserId: d.slack_user_id!,
    name: d.name!,
    email: d.email,
    departmentCode: d.department_code,
    roles: d.roles,
    manages: d.manages,
    language: d.language,
    timeZone: d.time_zone,
    active: d.active,
  };
}

function toPlanRow(d: Out<'plans'>): PlanRowInput {
  return {
    planKey: d.plan_key!,
    planKind: d.plan_kind!,
    planTitle: d.plan_title!,
    departmentCode: d.department_code ?? null,
    fiscalStartYear: d.fiscal_start_year!,
    fiscalEndYear: d.fiscal_end_year!,
    objectiveNumber: d.objective_number ?? null,
    objectiveTitle: d.objective_title ?? null,
    objectiveDescription: d.objective_description,
    strategyNumber: d.strategy_number ?? null,
    strategyText: d.strategy_text ?? null,
    status: d.status,
    owner: d.owner,
    dueDate: d.due_date,
    performanceMeasures: d.performance_measures,
    outputs: d.outputs,
    languageAccess: d.language_access,
    disabilityAccess: d.disability_access,
    genderEquity: d.gender_equity,
    priorityCommunities: d.priority_communities,
    deferredReason: d.deferred_reason,
    milestones: d.milestones,
    leadDepartment: d.lead_department,
    partnerDepartments: d.partner_departments,
    typedMeasures: d.typed_measures,
  };
}

// ---- references to what the database holds -----------------------------------------------

export interface KnownState {
  /** Departments in the database, by code. */
  departments: ReadonlyMap<string, { name: string }>;
  /** Members in the database, by Slack user id. */
  members: ReadonlyMap<string, { email: string | null }>;
  /** strategyKey(...) of archived strategies in the plans the file names. */
  archivedStrategies: ReadonlySet<string>;
  /** Stored typed measures with values, by strategyKey(...) and label: their kind cannot change. */
  reportedMeasureKinds?: ReadonlyMap<string, ReadonlyMap<string, MeasureKind>>;
  /** Labels of archived typed measures, by strategyKey(...): a label is not reused. */
  archivedMeasureLabels?: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Checks that every department and member a row points at exists in the file or the
 * database, and that names and e-mail addresses stay unique once the file is applied.
 * Returns the problems plus a resolver from a row's owner cell to a Slack user id.
 */
export function checkReferences(v: Validated, known: KnownState): { issues: ImportIssue[]; ownerSlackId: (owner: string) => string | undefined } {
  const issues: ImportIssue[] = [];

  const allCodes = new Set([...known.departments.keys(), ...v.declared.departmentCodes]);
  const unknownDepartment = (code: string) => {
    if (allCodes.has(code)) return undefined;
    const near = [...allCodes].find((c) => c.toLowerCase() === code.toLowerCase());
    return `unknown department ${code}: not in this import or the database${near ? ` (did you mean ${near}?)` : ''}`;
  };

  // E-mail → Slack id as it will be after the import: the file's members replace their
  // stored addresses.
  const fileEmail = new Map(v.members.filter((m) => m.value.email !== undefined).map((m) => [m.value.slackUserId, m.value.email ?? null]));
  const emailOwner = new Map<string, string>();
  for (const [id, m] of known.members) {
    const finalEmail = fileEmail.has(id) ? fileEmail.get(id) : m.email;
    if (finalEmail) emailOwner.set(finalEmail.toLowerCase(), id);
  }

  for (const { ref, value: m } of v.members) {
    for (const [field, codes] of [
      ['department_code', m.departmentCode ? [m.departmentCode] : []],
      ['manages', m.manages ?? []],
    ] as const) {
      for (const code of codes) {
        const problem = unknownDepartment(code);
        if (problem) issues.push(rowIssue(ref, field, problem));
      }
    }
    if (m.email) {
      const holder = emailOwner.get(m.email);
      if (holder && holder !== m.slackUserId) issues.push(rowIssue(ref, 'email', `${m.email} already belongs to member ${holder}`));
      emailOwner.set(m.email, m.slackUserId);
    }
  }

  const fileName = new Map(v.departments.map((d) => [d.value.code, d.value.name]));
  const nameHolder = new Map<string, string>();
  for (const [code, d] of known.departments) nameHolder.set(fileName.get(code) ?? d.name, code);
  for (const { ref, value: d } of v.departments) {
    const holder = nameHolder.get(d.name);
    if (holder && holder !== d.code) issues.push(rowIssue(ref, 'name', `"${d.name}" is already the name of department ${holder}`));
  }

  const allMembers = new Set([...known.members.keys(), ...v.declared.memberIds]);
  const ownerSlackId = (o: string) => (o.includes('@') ? emailOwner.get(o) : allMembers.has(o) ? o : undefined);

  for (const { ref, value: p } of v.plans) {
    if (p.departmentCode) {
      const problem = unknownDepartment(p.departmentCode);
      if (problem) issues.push(rowIssue(ref, 'department_code', problem));
    }
    for (const [field, codes] of [
      ['lead_department', p.leadDepartment ? [p.leadDepartment] : []],
      ['partner_departments', p.partnerDepartments ?? []],
    ] as const) {
      for (const code of codes) {
        const problem = unknownDepartment(code);
        if (problem) issues.push(rowIssue(ref, field, problem));
      }
    }
    if (p.owner && !ownerSlackId(p.owner)) {
      issues.push(rowIssue(ref, 'owner', `no member with ${p.owner.includes('@') ? 'e-mail' : 'Slack id'} ${p.owner} in this import or the database`));
    }
    const kinds = p.strategyNumber !== null ? known.reportedMeasureKinds?.get(strategyKey(p.planKey, p.objectiveNumber, p.strategyNumber)) : undefined;
    const archivedLabels =
      p.strategyNumber !== null ? known.archivedMeasureLabels?.get(strategyKey(p.planKey, p.objectiveNumber, p.strategyNumber)) : undefined;
    for (const m of p.typedMeasures ?? []) {
      if (archivedLabels?.has(m.label)) {
        issues.push(rowIssue(ref, 'typed_measures', `measure "${m.label}" was archived; give the new measure another label`));
        continue;
      }
      const stored = kinds?.get(m.label);
      if (stored && stored !== m.kind) {
        issues.push(
          rowIssue(
            ref,
            'typed_measures',
            `measure "${m.label}" already has values reported as ${stored.toLowerCase()}; its kind cannot change to ${m.kind.toLowerCase()} (give the new measure another label)`,
          ),
        );
      }
    }
    if (p.strategyNumber !== null && known.archivedStrategies.has(strategyKey(p.planKey, p.objectiveNumber, p.strategyNumber))) {
      issues.push(
        rowIssue(
          ref,
          'strategy_number',
          `strategy ${p.objectiveNumber}.${p.strategyNumber} of plan ${p.planKey} was archived; give this row a new strategy_number`,
        ),
      );
    }
  }
  return { issues, ownerSlackId };
}
