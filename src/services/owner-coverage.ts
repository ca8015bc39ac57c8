// Owner coverage for ORSE admins (/reap status coverage and their App Home): open
// strategies with no owner, a departed owner, no progress update ever, or past their due
// date. One statement for the rows, whatever the number of departments; the reasons are
// decided by domain/owner-coverage.ts, the statement only leaves out what meets none.
import { Prisma as PrismaNS } from '../generated/prisma/client.js';
import type { StrategyStatus } from '../generated/prisma/enums.js';
import { todayIn } from '../domain/calendar-dates.js';
import { COVERAGE_REASONS, groupByReason, type CoverageGroups, type CoverageReason } from '../domain/owner-coverage.js';
import type { Actor } from '../domain/permissions.js';
import { requireOrseAdmin } from './authz.js';
import { resolveDepartment } from './departments.js';
import type { ServiceContext } from './service-context.js';
import { citywidePlanSql, strategyDepartmentSql, strategyIdsInDepartmentsSql } from './strategy-records.js';

export type { CoverageReason } from '../domain/owner-coverage.js';
export { COVERAGE_REASONS } from '../domain/owner-coverage.js';

export interface CoverageItem {
  id: number;
  /** "1.2": objective and strategy numbers. */
  label: string;
  /** The citywide plan's title, which the label names; null for a department plan's. */
  citywidePlan?: string | null;
  text: string;
  status: StrategyStatus;
  dueDate: string | null;
  planKey: string;
  department: { id: number; code: string; name: string } | null;
  owner: { slackUserId: string; name: string; active: boolean } | null;
  needsReassignment: boolean;
  hasUpdate: boolean;
}

export interface OwnerCoverage {
  /** The City's date the reasons were judged on. */
  today: string;
  /** The department asked for, or null for the whole City. */
  department: { id: number; code: string; name: string } | null;
  groups: CoverageGroups<CoverageItem>;
  counts: Record<CoverageReason, number>;
  /** Strategies meeting at least one reason (each counted once). */
  total: number;
}

interface RawRow {
  id: number;
  number: number;
  text: string;
  status: StrategyStatus;
  dueDate: string | null;
  needsReassignment: boolean;
  objectiveNumber: number;
  planKey: string;
  citywidePlan: string | null;
  departmentId: number | null;
  departmentCode: string | null;
  departmentName: string | null;
  ownerSlackUserId: string | null;
  ownerName: string | null;
  ownerActive: boolean | null;
  hasUpdate: boolean;
}

/** Coverage across the City, or of the department named by code or name. ORSE admins only. */
export async function ownerCoverage(ctx: ServiceContext, actor: Actor, departmentQuery?: string, now: Date = ctx.now()): Promise<OwnerCoverage> {
  // Before the department lookup: others learn nothing, not even which departments exist.
  await requireOrseAdmin(ctx, actor, { action: 'status.coverage', entityType: 'department', entityId: departmentQuery?.trim() || '*' });
  const department = departmentQuery?.trim() ? await resolveDepartment(ctx, departmentQuery) : null;
  const today = todayIn(now, ctx.config.timeZone);
  const items = await coverageRows(ctx, today, department?.id ?? null);
  const groups = groupByReason(items, today);
  const counts = Object.fromEntries(COVERAGE_REASONS.map((r) => [r, groups[r].length])) as Record<CoverageReason, number>;
  return {
    today,
    department: department ? { id: department.id, code: department.code, name: department.name } : null,
    groups,
    counts,
    total: new Set(COVERAGE_REASONS.flatMap((r) => groups[r].map((i) => i.id))).size,
  };
}

/**
 * Open strategies meeting any reason, by department code (what the rows show) then plan order. The rows come
 * back as one JSON text value (as reportable-strategy-rows.ts does), which hands a City's
 * worth of rows over far cheaper than column by column.
 */
async function coverageRows(ctx: ServiceContext, today: string, departmentId: number | null): Promise<CoverageItem[]> {
  // A citywide strategy is listed under its lead department (filter and code), never its partners.
  const inDepartment = departmentId === null ? PrismaNS.empty : PrismaNS.sql`AND s.id IN (${strategyIdsInDepartmentsSql([departmentId])})`;
  const [result] = await ctx.prisma.$queryRaw<{ rows: string }[]>`
    /* owner coverage */
    SELECT coalesce(json_agg(x ORDER BY x."departmentCode" NULLS FIRST, x."planKey", x."objectiveNumber", x.number), '[]')::text AS rows FROM (
      SELECT s.id, s.number, s.text, s.status, s."dueDate", s."needsReassignment",
             o.number AS "objectiveNumber", p.key AS "planKey", ${citywidePlanSql} AS "citywidePlan",
             d.id AS "departmentId", d.code AS "departmentCode", d.name AS "departmentName",
             m."slackUserId" AS "ownerSlackUserId", m.name AS "ownerName", m.active AS "ownerActive",
             EXISTS (SELECT 1 FROM "ProgressUpdate" u WHERE u."strategyId" = s.id) AS "hasUpdate"
        FROM "Strategy" s
        JOIN "Objective" o ON o.id = s."objectiveId"
        JOIN "Plan" p ON p.id = o."planId"
        LEFT JOIN "Department" d ON d.id = ${strategyDepartmentSql}
        LEFT JOIN "Member" m ON m.id = s."ownerId"
       WHERE s."archivedAt" IS NULL AND s.status <> 'COMPLETED' ${inDepartment}
         AND (s."ownerId" IS NULL OR NOT m.active OR s."needsReassignment"
              OR NOT EXISTS (SELECT 1 FROM "ProgressUpdate" u WHERE u."strategyId" = s.id)
              OR (s.status <> 'DEFERRED' AND s."dueDate" < ${today}::date))
    ) x`;
  return (JSON.parse(result?.rows ?? '[]') as RawRow[]).map(toItem);
}

function toItem(r: RawRow): CoverageItem {
  return {
    id: r.id,
    label: `${r.objectiveNumber}.${r.number}`,
    citywidePlan: r.citywidePlan,
    text: r.text,
    status: r.status,
    dueDate: r.dueDate,
    planKey: r.planKey,
    department: r.departmentId !== null ? { id: r.departmentId, code: r.departmentCode ?? '', name: r.departmentName ?? '' } : null,
    owner: r.ownerSlackUserId !== null ? { slackUserId: r.ownerSlackUserId, name: r.ownerName ?? '', active: r.ownerActive ?? false } : null,
    needsReassignment: r.needsReassignment,
    hasUpdate: r.hasUpdate,
  };
}
