/**
 * REAP import/export file formats (`reap import`, `reap export`).
 *
 * Three record kinds, each with fixed snake_case field names shared by CSV and JSON:
 *
 *   departments  code*, name*, maturity_tier, dedicated_equity_staff, slack_channel,
 *                active_equity_action_team, reporting_cadence
 *   members      slack_user_id*, name*, email, department_code, roles, manages, language,
 *                time_zone, active
 *   plans        plan_key*, plan_kind*, plan_title*, department_code, fiscal_start_year*,
 *                fiscal_end_year*, objective_number*, objective_title*, objective_description,
 *                strategy_number*, strategy_text*, status, owner, due_date,
 *                performance_measures, outputs, language_access, disability_access,
 *                gender_equity, priority_communities, deferred_reason, milestones,
 *                lead_department, partner_departments, typed_measures
 *   (* = the column must be present in a CSV header; the others may be left out.)
 *
 * A plans file is a department's REAP spreadsheet: one row per strategy, with the plan's
 * and the objective's fields repeated on every row (they must agree between rows). A row
 * with an empty strategy_number declares an objective that has no strategies yet; one with
 * empty objective_number and strategy_number declares a plan with no objectives yet. Export
 * writes such rows so that nothing is lost on the way back.
 *
 * A citywide_plan (the Welcoming San José Plan) has no department_code: its objectives are
 * its pillars (objective_description holds a pillar's description) and each strategy names
 * its lead_department and its partner_departments (department codes). Those two columns
 * must be empty on other plans, whose strategies belong to the plan's department.
 *
 * Values
 *   yes/no        yes, no (also y, n, true, false, 1, 0; any case). Export writes yes/no.
 *   vocabularies  any case; spaces and hyphens count as underscores, so "In Progress",
 *                 "in-progress" and IN_PROGRESS are the same status. Export writes
 *                 maturity_tier beginner|intermediate|advanced, reporting_cadence
 *                 monthly|quarterly, plan_kind department_reap|orse_work_plan|citywide_plan, roles
 *                 orse_admin|equity_lead|staff|manager|redi_member, language en|es|vi and
 *                 status Completed|In Progress|Ongoing|Not Started|Deferred (as in the REAP
 *                 spreadsheets).
 *   lists         roles, manages and partner_departments (department codes): separated by
 *                 ";" (a "," is accepted too); export sorts them (roles in the order above, codes alphabetically).
 *   dates         YYYY-MM-DD, checked against the calendar (2025-02-30 is refused).
 *   owner         a member's Slack user id or e-mail address; export writes the Slack id.
 *   milestones    one milestone per line inside the cell, "YYYY-MM-DD title"; export sorts
 *                 them by date, then title. This survives a spreadsheet round trip (a cell
 *                 with line breaks) without asking people to type JSON.
 *   typed_measures  the strategy's typed performance measures, separated by ";", each
 *                 `label | kind | unit | baseline | target | direction | data source | split groups`
 *                 (kind yes_no|count|percent|currency|rating; direction increase|decrease|maintain,
 *                 increase when left out; groups race_ethnicity, language, disability, gender
 *                 separated by ","; trailing parts may be left out). Measures are matched on
 *                 their label: a new label adds a measure, a known one updates it, and a
 *                 measure missing from the cell is kept (nothing is deleted). Export writes
 *                 the strategy's active measures in their order (src/domain/measures.ts).
 *   empty cell    the field's default: no for yes/no (yes for active), intermediate,
 *                 quarterly, Not Started, an empty list, or nothing (null).
 *   left out      a column missing from a CSV (or a key missing from a JSON row) leaves that
 *                 field unchanged on existing records and takes the default on new ones.
 *
 * CSV: UTF-8 (a byte-order mark is accepted and written, so Excel shows accents and
 * Vietnamese correctly), comma-separated, "quoted" cells may span lines, CRLF or LF, blank
 * rows are ignored. One kind per file, recognised by its header: plan_key → plans,
 * slack_user_id → members, code → departments. Header names are exact; unknown, duplicate
 * or missing required columns are reported by name. A cell that would start with = + - @
 * (which Excel runs as a formula) is written with a leading apostrophe, and one leading
 * apostrophe before those characters is removed on import, so text round-trips unchanged.
 * Row numbers in error messages are spreadsheet rows (the header is row 1); the line is
 * the line in the file where the row starts (they differ after multi-line cells).
 *
 * JSON: { "departments": [...], "members": [...], "plans": [...] } (any subset), each row an
 * object with the same field names. Values may be strings as in CSV or natural JSON:
 * numbers, true/false, null, arrays for roles and manages, and milestones as an array of
 * { "due_date": "YYYY-MM-DD", "title": "..." } (or of "YYYY-MM-DD title" strings). Export
 * writes the natural JSON form.
 *
 * Import is all or nothing and only adds or updates: records are matched on their natural
 * keys (department code, member Slack id, plan key, objective number within the plan,
 * strategy number within the objective, milestone title within the strategy) and nothing
 * is ever deleted. The one exception is `manages`, which is a property of the member: the
 * file's list replaces the stored one. Archived strategies are not exported, and an import
 * row that names an archived strategy's number is refused rather than reviving it.
 */
import type { Language, MaturityTier, PlanKind, ReportingCadence, Role, StrategyStatus } from '../../generated/prisma/enums.js';

export const RECORD_KINDS = ['departments', 'members', 'plans'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** How a field is written in JSON; CSV always holds text. */
export type JsonType = 'string' | 'number' | 'boolean' | 'list' | 'milestones';

export interface ColumnSpec {
  readonly name: string;
  /** Must appear in a CSV header (and is always treated as present in JSON). */
  readonly required: boolean;
  readonly json: JsonType;
  /** An empty value is written as null in JSON (otherwise ""). */
  readonly nullable?: boolean;
}

const c = (name: string, required: boolean, json: JsonType = 'string', nullable = false): ColumnSpec => ({
  name,
  required,
  json,
  nullable,
});

export const COLUMNS: Readonly<Record<RecordKind, readonly ColumnSpec[]>> = {
  departments: [
    c('code', true),
    c('name', true),
    c('maturity_tier', false),
    c('dedicated_equity_staff', false, 'boolean'),
    c('slack_channel', false, 'string', true),
    c('active_equity_action_team', false, 'boolean'),
    c('reporting_cadence', false),
  ],
  members: [
    c('slack_user_id', true),
    c('name', true),
    c('email', false, 'string', true),
    c('department_code', false, 'string', true),
    c('roles', false, 'list'),
    c('manages', false, 'list'),
    c('language', false, 'string', true),
    c('time_zone', false, 'string', true),
    c('active', false, 'boolean'),
  ],
  plans: [
    c('plan_key', true),
    c('plan_kind', true),
    c('plan_title', true),
    c('department_code', false, 'string', true),
    c('fiscal_start_year', true, 'number'),
    c('fiscal_end_year', true, 'number'),
    c('objective_number', true, 'number', true),
    c('objective_title', true, 'string', true),
    c('objective_description', false, 'string', true),
    c('strategy_number', true, 'number', true),
    c('strategy_text', true, 'string', true),
    c('status', false),
    c('owner', false, 'string', true),
    c('due_date', false, 'string', true),
    c('performance_measures', false),
    c('outputs', false),
    c('language_access', false, 'boolean'),
    c('disability_access', false, 'boolean'),
    c('gender_equity', false, 'boolean'),
    c('priority_communities', false, 'boolean'),
    c('deferred_reason', false, 'string', true),
    c('milestones', false, 'milestones'),
    c('lead_department', false, 'string', true),
    c('partner_departments', false, 'list'),
    c('typed_measures', false),
  ],
};

/** The column whose presence in a CSV header says which kind the file holds (checked in this order). */
export const KEY_COLUMN: Readonly<Record<RecordKind, string>> = {
  plans: 'plan_key',
  members: 'slack_user_id',
  departments: 'code',
};

/** File name used for each kind in an export directory (and recognised in an import directory). */
export const CSV_FILE_NAME: Readonly<Record<RecordKind, string>> = {
  departments: 'departments.csv',
  members: 'members.csv',
  plans: 'plans.csv',
};

/**
 * Column limits from prisma/schema.prisma (@db.VarChar(n)). Checked per row so that a long
 * value is a row error instead of a database error that aborts the whole transaction
 * (tests/unit/import-export/format.test.ts keeps them in step with the schema).
 */
export const LIMITS = {
  departmentCode: 16,
  departmentName: 200,
  slackChannelId: 32,
  slackUserId: 32,
  memberName: 200,
  email: 320,
  timeZone: 64,
  planKey: 64,
  planTitle: 300,
  milestoneTitle: 300,
} as const;

// ---- vocabularies -----------------------------------------------------------------------

const lowerLabels = <T extends string>(values: readonly T[]): Record<T, string> =>
  Object.fromEntries(values.map((v) => [v, v.toLowerCase()])) as Record<T, string>;

// Listed in the schema's enum order, which is also the order export writes roles in.
export const ROLE_LABELS: Readonly<Record<Role, string>> = lowerLabels<Role>(['ORSE_ADMIN', 'EQUITY_LEAD', 'STAFF', 'MANAGER', 'REDI_MEMBER']);
export const MATURITY_LABELS: Readonly<Record<MaturityTier, string>> = lowerLabels<MaturityTier>(['BEGINNER', 'INTERMEDIATE', 'ADVANCED']);
export const CADENCE_LABELS: Readonly<Record<ReportingCadence, string>> = lowerLabels<ReportingCadence>(['MONTHLY', 'QUARTERLY']);
export const PLAN_KIND_LABELS: Readonly<Record<PlanKind, string>> = lowerLabels<PlanKind>(['DEPARTMENT_REAP', 'ORSE_WORK_PLAN', 'CITYWIDE_PLAN']);
export const STATUS_LABELS: Readonly<Record<StrategyStatus, string>> = {
  COMPLETED: 'Completed',
  IN_PROGRESS: 'In Progress',
  ONGOING: 'Ongoing',
  NOT_STARTED: 'Not Started',
  DEFERRED: 'Deferred',
};
export const LANGUAGES: readonly Language[] = ['en', 'es', 'vi'];

/** A value that could not be read; the message says what was expected. */
export class Problem {
  constructor(readonly message: string) {}
}
export const isProblem = (v: unknown): v is Problem => v instanceof Problem;

/** Matches "In Progress", "in-progress" and "IN_PROGRESS" alike. */
export function parseVocabulary<T extends string>(raw: string, labels: Readonly<Record<T, string>>, what: string): T | Problem {
  const key = raw
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  if (Object.hasOwn(labels, key)) return key as T;
  return new Problem(`unknown ${what} "${raw}"; accepted: ${Object.values<string>(labels).join(', ')}`);
}

export function parseLanguage(raw: string): Language | Problem {
  const v = raw.trim().toLowerCase();
  return (LANGUAGES as readonly string[]).includes(v) ? (v as Language) : new Problem(`unknown language "${raw}"; accepted: ${LANGUAGES.join(', ')}`);
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

export function parseYesNo(raw: string): boolean | Problem {
  const v = raw.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return new Problem(`expected yes or no, got "${raw}"`);
}

export const formatYesNo = (v: boolean): string => (v ? 'yes' : 'no');

/** Splits a roles/manages cell; ";" is the documented separator, "," is forgiven. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function parseRoles(raw: string): Role[] | Problem {
  const found = new Set<Role>();
  const unknown: string[] = [];
  for (const part of splitList(raw)) {
    const r = parseVocabulary(part, ROLE_LABELS, 'role');
    if (isProblem(r)) unknown.push(`"${part}"`);
    else found.add(r);
  }
  if (unknown.length) {
    return new Problem(`unknown role${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; accepted: ${Object.values(ROLE_LABELS).join(', ')}`);
  }
  return sortRoles([...found]);
}

export function sortRoles(roles: readonly Role[]): Role[] {
  const order = Object.keys(ROLE_LABELS);
  return [...roles].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export const formatRoles = (roles: readonly Role[]): string =>
  sortRoles(roles)
    .map((r) => ROLE_LABELS[r])
    .join(';');

/** YYYY-MM-DD that exists on the calendar; returned unchanged (dates stay strings until written). */
export function parseIsoDate(raw: string): string | Problem {
  const v = raw.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return new Problem(`expected a date as YYYY-MM-DD, got "${raw}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return new Problem(`${v} is not a real date`);
  }
  return v;
}

/** @db.Date columns come back as UTC midnight. */
export const dateToIso = (d: Date): string => d.toISOString().slice(0, 10);
export const isoToDate = (s: string): Date => new Date(`${s}T00:00:00.000Z`);

/** PostgreSQL counts varchar length in characters (code points), not UTF-16 units. */
export const charLength = (s: string): number => [...s].length;

export interface MilestoneInput {
  dueDate: string;
  title: string;
}

/** One "YYYY-MM-DD title" per line; blank lines are ignored. */
export function parseMilestones(raw: string): MilestoneInput[] | Problem {
  const out: MilestoneInput[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  raw.split('\n').forEach((line, i) => {
    const text = line.trim();
    if (text === '') return;
    const m = /^(\S+)\s+(.+)$/.exec(text);
    const date = m ? parseIsoDate(m[1]!) : new Problem('');
    if (!m || isProblem(date)) {
      problems.push(`line ${i + 1} "${text}": expected "YYYY-MM-DD title"${m && isProblem(date) ? ` (${date.message})` : ''}`);
      return;
    }
    const title = m[2]!.trim();
    if (charLength(title) > LIMITS.milestoneTitle) {
      problems.push(`line ${i + 1}: title is longer than ${LIMITS.milestoneTitle} characters`);
    } else if (seen.has(title)) {
      problems.push(`line ${i + 1}: milestone "${title}" is listed twice`);
    } else {
      seen.add(title);
      out.push({ dueDate: date, title });
    }
  });
  return problems.length ? new Problem(problems.join('; ')) : out;
}

export function sortMilestones<T extends MilestoneInput>(ms: readonly T[]): T[] {
  return [...ms].sort((a, b) => compareText(a.dueDate, b.dueDate) || compareText(a.title, b.title));
}

export const formatMilestones = (ms: readonly MilestoneInput[]): string =>
  sortMilestones(ms)
    .map((m) => `${m.dueDate} ${m.title}`)
    .join('\n');

/**
 * Code-unit order, independent of the database's collation, so PGlite and a PostgreSQL
 * server (whose locale may differ) export byte-identical files.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---- spreadsheet formula protection: shared with /reap report's CSV ------------------

export { escapeFormula, unescapeFormula } from '../../domain/spreadsheet-cells.js';

// ---- JSON <-> cell text --------------------------------------------------------------------

/**
 * Turns a JSON value into the cell text CSV would hold, so both formats share one
 * validator. Returns a Problem for values of the wrong shape.
 */
export function jsonToCell(col: ColumnSpec, value: unknown): string | Problem {
  if (value === null) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : new Problem(`expected a number, got ${String(value)}`);
  }
  if (typeof value === 'boolean') return formatYesNo(value);
  if (Array.isArray(value) && col.json === 'list') {
    if (!value.every((v) => typeof v === 'string')) return new Problem('expected a list of strings');
    return value.join(';');
  }
  if (Array.isArray(value) && col.json === 'milestones') {
    const lines: string[] = [];
    for (const [i, m] of value.entries()) {
      if (typeof m === 'string') lines.push(m);
      else if (m && typeof m === 'object' && typeof m.due_date === 'string' && typeof m.title === 'string') {
        const extra = Object.keys(m).filter((k) => k !== 'due_date' && k !== 'title');
        if (extra.length) return new Problem(`milestone ${i + 1}: unknown field ${extra.join(', ')}; accepted: due_date, title`);
        if (/[\r\n]/.test(m.title)) return new Problem(`milestone ${i + 1}: title must be a single line`);
        lines.push(`${m.due_date} ${m.title}`);
      } else return new Problem(`milestone ${i + 1}: expected { "due_date": "YYYY-MM-DD", "title": "..." }`);
    }
    return lines.join('\n');
  }
  const expected = { string: 'text', number: 'a number', boolean: 'true or false', list: 'a list', milestones: 'a list of milestones' }[col.json];
  return new Problem(`expected ${expected}, got ${Array.isArray(value) ? 'a list' : typeof value}`);
}

export type JsonValue = string | number | boolean | null | string[] | Array<{ due_date: string; title: string }>;

/** The natural JSON form of a canonical cell (as produced by export). */
export function cellToJson(col: ColumnSpec, cell: string): JsonValue {
  switch (col.json) {
    case 'number':
      return cell === '' ? null : Number(cell);
    case 'boolean':
      // Empty only on rows without a strategy, where a false would read as a filled cell.
      return cell === '' ? null : cell === 'yes';
    case 'list':
      return splitList(cell);
    case 'milestones': {
      const ms = parseMilestones(cell);
      // Export only writes what it read from the database, so this cannot fail; keep the text if it does.
      return isProblem(ms) ? [cell] : ms.map((m) => ({ due_date: m.dueDate, title: m.title }));
    }
    default:
      return cell === '' && col.nullable ? null : cell;
  }
}
