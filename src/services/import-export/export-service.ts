// `reap export`: the database as import files (format.ts). Every row is built as the same
// canonical cell text the importer reads, then written as CSV or mapped to natural JSON,
// so exporting what was imported gives the same file back. Sorting happens here, not in
// SQL, so that PGlite and a PostgreSQL server with another collation agree byte for byte.
import { formatTypedMeasures } from '../../domain/measures.js';
import { measureView } from '../measures.js';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Prisma as PrismaClient } from '../../db/client.js';
import {
  CADENCE_LABELS,
  COLUMNS,
  CSV_FILE_NAME,
  MATURITY_LABELS,
  PLAN_KIND_LABELS,
  RECORD_KINDS,
  STATUS_LABELS,
  cellToJson,
  compareText,
  dateToIso,
  escapeFormula,
  formatMilestones,
  formatRoles,
  formatYesNo,
  type RecordKind,
} from './format.js';
import { collectHistory, type HistoryTables } from './history-export.js';

/** One row as cell text, keyed by field name. */
export type CellRow = Record<string, string>;
export type ExportTables = Partial<Record<RecordKind, CellRow[]>>;

export interface ExportOptions {
  /** Which kinds to export; all three when not given. */
  kinds?: readonly RecordKind[];
  /** Only this plan's rows (implies kinds = plans). */
  planKey?: string;
}

/** A request that cannot be met (unknown plan, a single file for several kinds, ...). */
export class ExportError extends Error {}

export function resolveKinds(opts: ExportOptions): RecordKind[] {
  const kinds = opts.kinds?.length ? [...opts.kinds] : [...RECORD_KINDS];
  if (opts.planKey !== undefined) {
    if (opts.kinds?.length && !(opts.kinds.length === 1 && opts.kinds[0] === 'plans')) {
      throw new ExportError('--plan selects plan rows; use it with --kind plans or without --kind');
    }
    return ['plans'];
  }
  return RECORD_KINDS.filter((k) => kinds.includes(k));
}

export async function collectExport(prisma: PrismaClient, opts: ExportOptions = {}): Promise<ExportTables> {
  const kinds = resolveKinds(opts);
  const tables: ExportTables = {};
  if (kinds.includes('departments')) tables.departments = await departmentRows(prisma);
  if (kinds.includes('members')) tables.members = await memberRows(prisma);
  if (kinds.includes('plans')) tables.plans = await planRows(prisma, opts.planKey);
  return tables;
}

async function departmentRows(prisma: PrismaClient): Promise<CellRow[]> {
  const departments = await prisma.department.findMany();
  return departments
    .sort((a, b) => compareText(a.code, b.code))
    .map((d) => ({
      code: d.code,
      name: d.name,
      maturity_tier: MATURITY_LABELS[d.maturityTier],
      dedicated_equity_staff: formatYesNo(d.hasDedicatedEquityStaff),
      slack_channel: d.slackChannelId ?? '',
      active_equity_action_team: formatYesNo(d.hasActiveEquityActionTeam),
      reporting_cadence: CADENCE_LABELS[d.reportingCadence],
    }));
}

async function memberRows(prisma: PrismaClient): Promise<CellRow[]> {
  const members = await prisma.member.findMany({
    include: { department: { select: { code: true } }, managedDepartments: { select: { department: { select: { code: true } } } } },
  });
  return members
    .sort((a, b) => compareText(a.slackUserId, b.slackUserId))
    .map((m) => ({
      slack_user_id: m.slackUserId,
      name: m.name,
      email: m.email ?? '',
      department_code: m.department?.code ?? '',
      roles: formatRoles(m.roles),
      manages: m.managedDepartments
        .map((x) => x.department.code)
        .sort(compareText)
        .join(';'),
      language: m.language ?? '',
      time_zone: m.timeZone ?? '',
      active: formatYesNo(m.active),
    }));
}

async function planRows(prisma: PrismaClient, planKey: string | undefined): Promise<CellRow[]> {
  const plans = await prisma.plan.findMany({
    where: planKey !== undefined ? { key: planKey } : undefined,
    include: {
      department: { select: { code: true } },
      objectives: {
        include: {
          strategies: {
            // Archived strategies are out of the plan; see format.ts for how import treats them.
            where: { archivedAt: null },
            include: {
              owner: { select: { slackUserId: true } },
              milestones: { select: { title: true, dueDate: true } },
              leadDepartment: { select: { code: true } },
              partners: { select: { department: { select: { code: true } } } },
              measures: { where: { archivedAt: null }, orderBy: [{ position: 'asc' }, { id: 'asc' }] },
            },
          },
        },
      },
    },
  });
  if (planKey !== undefined && plans.length === 0) throw new ExportError(`no plan with key ${planKey}`);

  const rows: CellRow[] = [];
  const emptyStrategy = Object.fromEntries(COLUMNS.plans.slice(COLUMNS.plans.findIndex((c) => c.name === 'strategy_number')).map((c) => [c.name, '']));
  for (const p of plans.sort((a, b) => compareText(a.key, b.key))) {
    const planCells = {
      plan_key: p.key,
      plan_kind: PLAN_KIND_LABELS[p.kind],
      plan_title: p.title,
      department_code: p.department?.code ?? '',
      fiscal_start_year: String(p.fiscalStartYear),
      fiscal_end_year: String(p.fiscalEndYear),
    };
    // Rows without a strategy keep empty plans and objectives in the file (format.ts).
    if (p.objectives.length === 0) rows.push({ ...planCells, objective_number: '', objective_title: '', ...emptyStrategy });
    for (const o of p.objectives.sort((a, b) => a.number - b.number)) {
      const objectiveCells = { ...planCells, objective_number: String(o.number), objective_title: o.title, objective_description: o.description ?? '' };
      if (o.strategies.length === 0) rows.push({ ...objectiveCells, ...emptyStrategy });
      for (const s of o.strategies.sort((a, b) => a.number - b.number)) {
        rows.push({
          ...objectiveCells,
          strategy_number: String(s.number),
          strategy_text: s.text,
          status: STATUS_LABELS[s.status],
          owner: s.owner?.slackUserId ?? '',
          due_date: s.dueDate ? dateToIso(s.dueDate) : '',
          performance_measures: s.performanceMeasures,
          outputs: s.outputs,
          language_access: formatYesNo(s.languageAccess),
          disability_access: formatYesNo(s.disabilityAccess),
          gender_equity: formatYesNo(s.genderEquity),
          priority_communities: formatYesNo(s.priorityCommunities),
          deferred_reason: s.deferredReason ?? '',
          milestones: formatMilestones(s.milestones.map((m) => ({ title: m.title, dueDate: dateToIso(m.dueDate) }))),
          lead_department: s.leadDepartment?.code ?? '',
          partner_departments: s.partners
            .map((p) => p.department.code)
            .sort(compareText)
            .join(';'),
          typed_measures: formatTypedMeasures(s.measures.map(measureView)),
        });
      }
    }
  }
  return rows;
}

/**
 * UTF-8 with a byte-order mark and CRLF between rows (what Excel expects); line breaks
 * inside a cell stay "\n" and make the cell quoted.
 */
export function renderCsv(kind: RecordKind, rows: readonly CellRow[]): string {
  const names = COLUMNS[kind].map((c) => c.name);
  return stringify([names, ...rows.map((r) => names.map((n) => escapeFormula(r[n] ?? '')))], {
    bom: true,
    record_delimiter: 'windows',
    quote_record_delimiter: true,
  });
}

/** The import kinds, then (in a full export) what the app recorded (history-export.ts). */
export function renderJson(tables: ExportTables, history?: HistoryTables): string {
  const doc: Record<string, unknown> = {};
  for (const kind of RECORD_KINDS) {
    const rows = tables[kind];
    if (!rows) continue;
    doc[kind] = rows.map((r) => Object.fromEntries(COLUMNS[kind].map((c) => [c.name, cellToJson(c, r[c.name] ?? '')])));
  }
  if (history) Object.assign(doc, history);
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export interface WriteExportOptions extends ExportOptions {
  format: 'csv' | 'json';
  /** A directory (CSV), a .csv file (one kind), a .json file, or "-" for standard output. */
  out?: string;
  /** YYYY-MM-DD used in default names (./export-<date>/, ./export-<date>.json). */
  today: string;
}

export interface WriteExportResult {
  files: Array<{ path: string; kind?: RecordKind; rows: number }>;
  /** Set instead of files when out is "-". */
  stdout?: string;
  counts: Partial<Record<RecordKind, number>>;
}

export async function writeExport(prisma: PrismaClient, opts: WriteExportOptions): Promise<WriteExportResult> {
  const kinds = resolveKinds(opts);
  const single = kinds.length === 1 ? kinds[0] : undefined;
  if (opts.format === 'csv' && (opts.out === '-' || opts.out?.toLowerCase().endsWith('.csv')) && !single) {
    throw new ExportError('a single CSV file holds one kind: add --kind departments|members|plans, or give a directory');
  }
  const tables = await collectExport(prisma, opts);
  const counts = Object.fromEntries(kinds.map((k) => [k, tables[k]?.length ?? 0])) as Partial<Record<RecordKind, number>>;

  if (opts.format === 'json') {
    // A full export also carries updates, revisions, briefings and the audit log.
    const full = !opts.kinds?.length && opts.planKey === undefined;
    const text = renderJson(tables, full ? await collectHistory(prisma) : undefined);
    if (opts.out === '-') return { files: [], stdout: text, counts };
    let file = opts.out ?? `export-${opts.today}.json`;
    if (isDirectory(file)) file = path.join(file, `export-${opts.today}.json`);
    writeAtomically(file, text);
    return { files: [{ path: file, rows: Object.values(counts).reduce((a, b) => a + (b ?? 0), 0) }], counts };
  }

  if (single && (opts.out === '-' || opts.out?.toLowerCase().endsWith('.csv'))) {
    const text = renderCsv(single, tables[single] ?? []);
    if (opts.out === '-') return { files: [], stdout: text, counts };
    writeAtomically(opts.out!, text);
    return { files: [{ path: opts.out!, kind: single, rows: counts[single] ?? 0 }], counts };
  }
  const dir = opts.out ?? `export-${opts.today}`;
  if (fs.existsSync(dir) && !isDirectory(dir)) throw new ExportError(`${dir} is a file; give a directory for CSV export`);
  fs.mkdirSync(dir, { recursive: true });
  const files = kinds.map((kind) => {
    const file = path.join(dir, CSV_FILE_NAME[kind]);
    writeAtomically(file, renderCsv(kind, tables[kind] ?? []));
    return { path: file, kind, rows: counts[kind] ?? 0 };
  });
  return { files, counts };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Write then rename, so a reader (or a failed run) never sees half a file. */
function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, 'utf8');
  fs.renameSync(tmp, file);
}
