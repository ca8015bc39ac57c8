// Where things stand: one department (for its people and managers) and the whole City (for
// ORSE). Each call runs a fixed number of queries whatever the number of strategies and
// updates: rows are fetched in one go, with latest-update facts read from indexes in the
// same statement or from grouped queries, never one query per strategy.
import { Prisma as PrismaNS } from '../generated/prisma/client.js';
import type { ReportingCadence, StrategyStatus } from '../generated/prisma/enums.js';
import { addDays, calendarDaysSince, isoDateOf, todayIn } from '../domain/calendar-dates.js';
import { periodContaining, type FiscalPeriod } from '../domain/fiscal-calendar.js';
import { canManageDepartment, canReportOn, type Actor } from '../domain/permissions.js';
import {
  DUE_SOON_DAYS,
  REPORTING_STATUSES,
  daysUntil,
  emptyStatusCounts,
  reportingSummary,
  summarizeStrategies,
  type ReportingSummary,
  type StatusBreakdown,
} from '../domain/status-summary.js';
import { requireOrseAdmin, requireRead } from './authz.js';
import { departmentFor } from './departments.js';
import type { PersonRef } from './progress-updates.js';
import type { ServiceContext } from './service-context.js';
import { citywidePlanSql, scopeOf, strategyDepartmentSql, strategyLabel, strategyRowsInDepartmentsSql } from './strategy-records.js';

export interface StrategyStatusItem {
  id: number;
  label: string;
  /** The citywide plan's title, which the label names; null for a department plan's. */
  citywidePlan?: string | null;
  text: string;
  status: StrategyStatus;
  dueDate: string | null;
  /** Negative when overdue; null without a due date. */
  daysUntilDue: number | null;
  owner: PersonRef | null;
  needsReassignment: boolean;
  planKey: string;
  lastUpdateAt: Date | null;
  lastPeriodStart: string | null;
  canUpdate: boolean;
  canManage: boolean;
}

export interface DepartmentStatus extends StatusBreakdown<StrategyStatusItem> {
  department: { id: number; code: string; name: string; reportingCadence: ReportingCadence };
  today: string;
  quarter: FiscalPeriod;
  /** The department's own reporting period today (a month or a quarter). */
  period: FiscalPeriod;
  /** Reported / not reported this period, overdue, due soon: the same figures as the weekly digest's. */
  summary: ReportingSummary;
  dueSoonDays: number;
  needsReassignment: StrategyStatusItem[];
  /** The department's most recent update and its age in calendar days (City zone). */
  lastUpdateAt: Date | null;
  lastUpdateAgeDays: number | null;
}

/** The status of the named department (code or name), or the actor's own. */
export async function departmentStatus(ctx: ServiceContext, actor: Actor, departmentQuery?: string, now: Date = ctx.now()): Promise<DepartmentStatus> {
  const zone = ctx.config.timeZone;
  const department = await departmentFor(ctx, actor, departmentQuery);
  await requireRead(ctx, actor, department.id, { action: 'status.department', entityType: 'department', entityId: department.id });

  const today = todayIn(now, zone);
  const quarter = periodContaining(now, zone, 'QUARTERLY');
  const strategies = await departmentStrategies(ctx, department.id);
  const manage = canManageDepartment(actor, department.id);
  const items: StrategyStatusItem[] = strategies.map((s) => {
    const dueDate = s.dueDate ? isoDateOf(s.dueDate) : null;
    return {
      id: s.id,
      label: strategyLabel(s),
      citywidePlan: s.citywidePlan,
      text: s.text,
      status: s.status,
      dueDate,
      daysUntilDue: dueDate ? daysUntil(dueDate, today) : null,
      owner: s.owner,
      needsReassignment: s.needsReassignment,
      planKey: s.objective.plan.key,
      lastUpdateAt: s.lastUpdateAt,
      lastPeriodStart: s.lastPeriodStart ? isoDateOf(s.lastPeriodStart) : null,
      canUpdate: canReportOn(actor, scopeOf(s)),
      canManage: manage,
    };
  });

  const lastUpdateAt = items.reduce<Date | null>((max, i) => (i.lastUpdateAt && (!max || i.lastUpdateAt > max) ? i.lastUpdateAt : max), null);
  const period = periodContaining(now, zone, department.reportingCadence);
  return {
    department: { id: department.id, code: department.code, name: department.name, reportingCadence: department.reportingCadence },
    today,
    quarter,
    period,
    summary: reportingSummary(items, today, period.start),
    dueSoonDays: DUE_SOON_DAYS,
    ...summarizeStrategies(items, today, quarter.start),
    needsReassignment: items.filter((i) => i.needsReassignment),
    lastUpdateAt,
    lastUpdateAgeDays: lastUpdateAt ? calendarDaysSince(lastUpdateAt, now, zone) : null,
  };
}

/** A department's live strategy as its status reads it: where it sits, who owns it, its latest update. */
export interface DepartmentStrategy {
  id: number;
  number: number;
  text: string;
  status: StrategyStatus;
  dueDate: Date | null;
  ownerId: number | null;
  needsReassignment: boolean;
  leadDepartmentId: number | null;
  owner: { slackUserId: string; name: string } | null;
  objective: { number: number; plan: { key: string; departmentId: number | null } };
  /** The citywide plan's title, null for a department plan's strategy (citywidePlanOf). */
  citywidePlan: string | null;
  lastUpdateAt: Date | null;
  lastPeriodStart: Date | null;
}

type DepartmentStrategyRow = Omit<DepartmentStrategy, 'owner' | 'objective'> & {
  ownerSlackUserId: string | null;
  ownerName: string | null;
  objectiveNumber: number;
  planKey: string;
  planDepartmentId: number | null;
};

/**
 * The live strategies of a department, by plan key, objective and number, each with its
 * latest update's time and period. One statement on every /reap status and lead's App
 * Home: Prisma's nested select (JSON built per row) and its grouped query cost several
 * times this on PGlite. Citywide strategies the department leads are its own, those it
 * partners on are not; the rows come from indexes (strategyRowsInDepartmentsSql).
 * tests/integration/services/status-read.test.ts holds it to the Prisma queries it replaced.
 */
export async function departmentStrategies(ctx: Pick<ServiceContext, 'prisma'>, departmentId: number): Promise<DepartmentStrategy[]> {
  const rows = await ctx.prisma.$queryRaw<DepartmentStrategyRow[]>`
    /* department status: strategies */
    SELECT s.id, s.number, s.text, s.status::text AS status, s."dueDate", s."ownerId", s."needsReassignment",
           s."leadDepartmentId", m."slackUserId" AS "ownerSlackUserId", m.name AS "ownerName",
           o.number AS "objectiveNumber", p.key AS "planKey", p."departmentId" AS "planDepartmentId",
           ${citywidePlanSql} AS "citywidePlan",
           (SELECT max(u."createdAt") FROM "ProgressUpdate" u WHERE u."strategyId" = s.id) AS "lastUpdateAt",
           (SELECT max(u."periodStart") FROM "ProgressUpdate" u WHERE u."strategyId" = s.id) AS "lastPeriodStart"
      FROM (${strategyRowsInDepartmentsSql([departmentId])}) s
      JOIN "Objective" o ON o.id = s."objectiveId"
      JOIN "Plan" p ON p.id = o."planId"
      LEFT JOIN "Member" m ON m.id = s."ownerId"
     WHERE s."archivedAt" IS NULL
     ORDER BY p.key, o.number, s.number`;
  return rows.map(({ ownerSlackUserId, ownerName, objectiveNumber, planKey, planDepartmentId, ...s }) => ({
    ...s,
    owner: ownerSlackUserId !== null ? { slackUserId: ownerSlackUserId, name: ownerName ?? '' } : null,
    objective: { number: objectiveNumber, plan: { key: planKey, departmentId: planDepartmentId } },
  }));
}

export interface DepartmentRow {
  department: { id: number; code: string; name: string };
  total: number;
  byStatus: Record<StrategyStatus, number>;
  overdue: number;
  dueSoon: number;
  notUpdatedThisQuarter: number;
  updatesThisQuarter: number;
  lastUpdateAt: Date | null;
  lastUpdateAgeDays: number | null;
  /** Has work that expects reports and filed none this quarter. */
  silent: boolean;
}

export interface CitywideStatus {
  today: string;
  quarter: FiscalPeriod;
  dueSoonDays: number;
  /** Every department, alphabetically, including those without a plan yet. */
  departments: DepartmentRow[];
  totals: { total: number; byStatus: Record<StrategyStatus, number>; overdue: number; dueSoon: number };
  silentDepartments: { id: number; code: string; name: string }[];
}

/** Citywide status for ORSE admins. */
export async function citywideStatus(ctx: ServiceContext, actor: Actor, now: Date = ctx.now()): Promise<CitywideStatus> {
  await requireOrseAdmin(ctx, actor, { action: 'status.citywide', entityType: 'department', entityId: '*' });
  return computeCitywideStatus(ctx, now);
}

interface StrategyAggregate {
  departmentId: number;
  status: StrategyStatus;
  n: number;
  overdue: number;
  dueSoon: number;
  silent: number;
}

interface UpdateAggregate {
  departmentId: number;
  lastUpdateAt: Date | null;
  updatesThisQuarter: number;
}

/**
 * The same figures without an actor, for scheduled jobs (ORSE's digest). Three queries:
 * departments, strategies grouped by department and status, updates grouped by department.
 */
export async function computeCitywideStatus(ctx: ServiceContext, now: Date = ctx.now()): Promise<CitywideStatus> {
  const zone = ctx.config.timeZone;
  const today = todayIn(now, zone);
  const soon = addDays(today, DUE_SOON_DAYS);
  const quarter = periodContaining(now, zone, 'QUARTERLY');
  const reporting = PrismaNS.join(REPORTING_STATUSES.map((s) => PrismaNS.sql`${s}`));
  // Each strategy counts once, for its department: a citywide one for its lead, not its partners.
  const department = strategyDepartmentSql;

  const [departments, strategyRows, updateRows] = await Promise.all([
    ctx.prisma.department.findMany({ orderBy: { name: 'asc' }, select: { id: true, code: true, name: true } }),
    ctx.prisma.$queryRaw<StrategyAggregate[]>`
      SELECT ${department} AS "departmentId", s.status::text AS status, count(*)::int AS n,
        count(*) FILTER (WHERE s.status <> 'COMPLETED' AND s."dueDate" < ${today}::date)::int AS overdue,
        count(*) FILTER (WHERE s.status <> 'COMPLETED' AND s."dueDate" >= ${today}::date AND s."dueDate" <= ${soon}::date)::int AS "dueSoon",
        count(*) FILTER (WHERE s.status::text IN (${reporting}) AND NOT EXISTS (
          SELECT 1 FROM "ProgressUpdate" u WHERE u."strategyId" = s.id AND u."periodStart" >= ${quarter.start}::date
        ))::int AS silent
      FROM "Strategy" s
      JOIN "Objective" o ON o.id = s."objectiveId"
      JOIN "Plan" p ON p.id = o."planId"
      WHERE s."archivedAt" IS NULL AND ${department} IS NOT NULL
      GROUP BY 1, s.status`,
    ctx.prisma.$queryRaw<UpdateAggregate[]>`
      SELECT ${department} AS "departmentId", max(u."createdAt") AS "lastUpdateAt",
        count(*) FILTER (WHERE u."periodStart" >= ${quarter.start}::date)::int AS "updatesThisQuarter"
      FROM "ProgressUpdate" u
      JOIN "Strategy" s ON s.id = u."strategyId"
      JOIN "Objective" o ON o.id = s."objectiveId"
      JOIN "Plan" p ON p.id = o."planId"
      WHERE s."archivedAt" IS NULL AND ${department} IS NOT NULL
      GROUP BY 1`,
  ]);

  const updatesBy = new Map(updateRows.map((r) => [r.departmentId, r]));
  const totals = { total: 0, byStatus: emptyStatusCounts(), overdue: 0, dueSoon: 0 };
  const rows: DepartmentRow[] = departments.map((d) => {
    const mine = strategyRows.filter((r) => r.departmentId === d.id);
    const byStatus = emptyStatusCounts();
    for (const r of mine) byStatus[r.status] += r.n;
    const sum = (k: 'n' | 'overdue' | 'dueSoon' | 'silent') => mine.reduce((acc, r) => acc + r[k], 0);
    const u = updatesBy.get(d.id);
    const expectingReports = mine.filter((r) => REPORTING_STATUSES.includes(r.status)).reduce((acc, r) => acc + r.n, 0);
    const updatesThisQuarter = u?.updatesThisQuarter ?? 0;
    const row: DepartmentRow = {
      department: d,
      total: sum('n'),
      byStatus,
      overdue: sum('overdue'),
      dueSoon: sum('dueSoon'),
      notUpdatedThisQuarter: sum('silent'),
      updatesThisQuarter,
      lastUpdateAt: u?.lastUpdateAt ?? null,
      lastUpdateAgeDays: u?.lastUpdateAt ? calendarDaysSince(u.lastUpdateAt, now, zone) : null,
      silent: expectingReports > 0 && updatesThisQuarter === 0,
    };
    totals.total += row.total;
    totals.overdue += row.overdue;
    totals.dueSoon += row.dueSoon;
    for (const s of Object.keys(byStatus) as StrategyStatus[]) totals.byStatus[s] += byStatus[s];
    return row;
  });
  return {
    today,
    quarter,
    dueSoonDays: DUE_SOON_DAYS,
    departments: rows,
    totals,
    silentDepartments: rows.filter((r) => r.silent).map((r) => r.department),
  };
}
