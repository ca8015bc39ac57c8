// `reap export --open-data <dir>`: strategy progress per reporting period for the City's
// open-data portal, with its datapackage.json and data dictionary (open-data-schema.ts).
//
// Only REDI and PUBLIC updates reach a row: the loader reads no others and the row builder
// drops any others again, so a change in one place cannot publish a department's internal
// note, and a visibility level added later stays out until someone lists it here.
// The loader selects only the columns the dataset needs, so no person's name, Slack id or
// e-mail is ever in memory here to leak.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { Prisma as PrismaClient } from '../../db/client.js';
import type { PlanKind, StrategyStatus, Visibility } from '../../generated/prisma/enums.js';
import { escapeFormula } from '../../domain/spreadsheet-cells.js';
import { formatMeasureValue, meetsTarget } from '../../domain/measures.js';
import { reportedMeasures, type ReportedMeasure } from '../measures.js';
import { strategyDepartment } from '../strategy-records.js';
import { ExportError } from './export-service.js';
import { PLAN_KIND_LABELS, STATUS_LABELS, compareText, dateToIso } from './format.js';
import {
  OPEN_DATA_COLUMNS,
  OPEN_DATA_CSV,
  OPEN_DATA_DICTIONARY,
  OPEN_DATA_PACKAGE,
  UPDATE_VISIBILITY_LABELS,
  buildDataPackage,
  renderDataDictionary,
  type OpenDataRow,
} from './open-data-schema.js';

export interface OpenDataStrategy {
  id: number;
  planKey: string;
  planTitle: string;
  planKind: PlanKind;
  /** The strategy's department: its plan's, or a citywide strategy's lead department. */
  department: { code: string; name: string } | null;
  objectiveNumber: number;
  objectiveTitle: string;
  number: number;
  text: string;
  /** The responsible member's department name; never the member. */
  ownerDepartment: string | null;
  performanceMeasures: string;
  outputs: string;
  /** Demo data from `reap seed`, which must not be published. */
  isDemo: boolean;
}

export interface OpenDataUpdate {
  id: number;
  strategyId: number;
  periodKey: string;
  periodStart: Date;
  periodEnd: Date;
  statusTo: StrategyStatus;
  visibility: Visibility;
  narrative: string;
  measureValues: string;
  outputs: string;
  createdAt: Date;
  isDemo: boolean;
  /** The typed measures' values (open-data measures only), when the update is PUBLIC. */
  typedValues?: readonly ReportedMeasure[];
}

export interface OpenDataRows {
  rows: OpenDataRow[];
  /** How many rows come from demo plans or demo updates. */
  demoRows: number;
}

/** Shared beyond the department; only PUBLIC also shares the update's words. */
export const OPEN_DATA_VISIBILITIES: readonly Visibility[] = ['PUBLIC', 'REDI'];

const newestFirst = (a: OpenDataUpdate, b: OpenDataUpdate) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;

/**
 * One row per strategy and period with at least one REDI or PUBLIC update; the latest such
 * update in the period gives the status, and its text only when it is PUBLIC. Updates of
 * strategies not given (archived ones) are skipped. `timeZone` dates reported_on.
 */
export function buildStrategyPeriodRows(strategies: readonly OpenDataStrategy[], updates: readonly OpenDataUpdate[], timeZone: string): OpenDataRows {
  const byId = new Map(strategies.map((s) => [s.id, s]));
  const latest = new Map<string, OpenDataUpdate>();
  for (const u of [...updates].sort(newestFirst)) {
    if (!OPEN_DATA_VISIBILITIES.includes(u.visibility) || !byId.has(u.strategyId)) continue;
    const key = `${u.strategyId}\u0000${u.periodKey}`;
    if (!latest.has(key)) latest.set(key, u);
  }

  const picked = [...latest.values()].map((u) => ({ u, s: byId.get(u.strategyId)! }));
  picked.sort(
    (a, b) =>
      compareText(a.s.planKey, b.s.planKey) ||
      a.s.objectiveNumber - b.s.objectiveNumber ||
      a.s.number - b.s.number ||
      a.u.periodStart.getTime() - b.u.periodStart.getTime() ||
      compareText(a.u.periodKey, b.u.periodKey),
  );
  return {
    rows: picked.map(({ s, u }) => strategyPeriodRow(s, u, timeZone)),
    demoRows: picked.filter(({ s, u }) => s.isDemo || u.isDemo).length,
  };
}

function strategyPeriodRow(s: OpenDataStrategy, u: OpenDataUpdate, timeZone: string): OpenDataRow {
  // Anything other than PUBLIC (REDI is City staff only) keeps its words out of the file.
  const published = u.visibility === 'PUBLIC';
  return {
    plan_key: s.planKey,
    plan_title: s.planTitle,
    plan_kind: PLAN_KIND_LABELS[s.planKind],
    department_code: s.department?.code ?? '',
    department_name: s.department?.name ?? '',
    objective_number: String(s.objectiveNumber),
    objective_title: s.objectiveTitle,
    strategy_ref: `${s.objectiveNumber}.${s.number}`,
    strategy_text: s.text,
    owner_department: s.ownerDepartment ?? '',
    performance_measures: s.performanceMeasures,
    outputs: s.outputs,
    period_key: u.periodKey,
    period_start: dateToIso(u.periodStart),
    period_end: dateToIso(u.periodEnd),
    status: STATUS_LABELS[u.statusTo],
    update_visibility: published ? UPDATE_VISIBILITY_LABELS.PUBLIC : UPDATE_VISIBILITY_LABELS.REDI,
    update_narrative: published ? u.narrative : '',
    update_measure_values: published ? u.measureValues : '',
    update_typed_measures: published ? typedMeasuresText(u.typedValues ?? []) : '',
    update_outputs: published ? u.outputs : '',
    reported_on: DateTime.fromJSDate(u.createdAt, { zone: timeZone }).toISODate()!,
  };
}

/** "Label: 98% (target 90%, on target); Other: 8 sessions" — plain English, like the rest of the file. */
export function typedMeasuresText(values: readonly ReportedMeasure[]): string {
  return values
    .map((v) => {
      const value = formatMeasureValue(v, v.value);
      if (v.target === null) return `${v.label}: ${value}`;
      return `${v.label}: ${value} (target ${formatMeasureValue(v, v.target)}, ${meetsTarget(v, v.value) ? 'on target' : 'off target'})`;
    })
    .join('; ');
}

/**
 * RFC 4180: CRLF between records, no byte-order mark (portals and validators read the
 * first header as "\uFEFFplan_key" otherwise), every cell defused for spreadsheets.
 */
export function renderOpenDataCsv(rows: readonly OpenDataRow[]): string {
  return stringify([[...OPEN_DATA_COLUMNS], ...rows.map((r) => OPEN_DATA_COLUMNS.map((n) => escapeFormula(r[n])))], {
    record_delimiter: 'windows',
    quote_record_delimiter: true,
  });
}

export async function collectOpenData(prisma: PrismaClient, timeZone: string): Promise<OpenDataRows> {
  const shared = { visibility: { in: [...OPEN_DATA_VISIBILITIES] } };
  const [strategies, updates] = await Promise.all([
    prisma.strategy.findMany({
      // Archived strategies are out of their plan, as in the plans export.
      where: { archivedAt: null, updates: { some: shared } },
      select: {
        id: true,
        number: true,
        text: true,
        performanceMeasures: true,
        outputs: true,
        owner: { select: { department: { select: { name: true } } } },
        leadDepartment: { select: { code: true, name: true } },
        objective: {
          select: {
            number: true,
            title: true,
            plan: { select: { key: true, title: true, kind: true, isDemo: true, department: { select: { code: true, name: true } } } },
          },
        },
      },
    }),
    prisma.progressUpdate.findMany({
      where: { ...shared, strategy: { archivedAt: null } },
      select: {
        id: true,
        strategyId: true,
        periodKey: true,
        periodStart: true,
        periodEnd: true,
        statusTo: true,
        visibility: true,
        narrative: true,
        measureValues: true,
        outputs: true,
        createdAt: true,
        isDemo: true,
      },
    }),
  ]);
  // Figures are the update's content: only PUBLIC updates' values, of measures marked public.
  const values = await reportedMeasures(
    prisma,
    updates.filter((u) => u.visibility === 'PUBLIC').map((u) => u.id),
    { publicOnly: true },
  );
  return buildStrategyPeriodRows(
    strategies.map((s) => ({
      id: s.id,
      planKey: s.objective.plan.key,
      planTitle: s.objective.plan.title,
      planKind: s.objective.plan.kind,
      department: strategyDepartment(s),
      objectiveNumber: s.objective.number,
      objectiveTitle: s.objective.title,
      number: s.number,
      text: s.text,
      ownerDepartment: s.owner?.department?.name ?? null,
      performanceMeasures: s.performanceMeasures,
      outputs: s.outputs,
      isDemo: s.objective.plan.isDemo,
    })),
    updates.map((u) => ({ ...u, typedValues: values.get(u.id) ?? [] })),
    timeZone,
  );
}

export interface WriteOpenDataOptions {
  dir: string;
  timeZone: string;
  /** The package's `created` time. */
  now: Date;
}

export interface WriteOpenDataResult {
  files: string[];
  rows: number;
  demoRows: number;
}

export async function writeOpenData(prisma: PrismaClient, opts: WriteOpenDataOptions): Promise<WriteOpenDataResult> {
  const { rows, demoRows } = await collectOpenData(prisma, opts.timeZone);
  const texts: Array<[string, string]> = [
    [OPEN_DATA_CSV, renderOpenDataCsv(rows)],
    [OPEN_DATA_PACKAGE, `${JSON.stringify(buildDataPackage(opts.now), null, 2)}\n`],
    [OPEN_DATA_DICTIONARY, renderDataDictionary()],
  ];
  if (fs.existsSync(opts.dir) && !fs.statSync(opts.dir).isDirectory()) {
    throw new ExportError(`${opts.dir} is a file; give a directory for --open-data`);
  }
  fs.mkdirSync(opts.dir, { recursive: true });
  const files = texts.map(([name, text]) => {
    const file = path.join(opts.dir, name);
    // Write then rename, so a portal harvesting the directory never reads half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text, 'utf8');
    fs.renameSync(tmp, file);
    return file;
  });
  return { files, rows: rows.length, demoRows };
}
