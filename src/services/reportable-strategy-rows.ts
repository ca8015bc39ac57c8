// The one read behind every /reap update form and a staff member's App Home: the live
// strategies of a department (and those someone owns anywhere), with their place in the
// plan, their owner and the dates of their latest update, in a single statement.
//
// Written as SQL rather than a Prisma `include` because it runs on every form, under load,
// on the event loop Slack's acknowledgements share: Prisma compiles and maps an include of
// this shape at several times the cost of the statement itself (profiled in
// bench/slack-update.bench.ts). `tests/integration/services/reportable-strategy-rows.test.ts`
// holds it to the same answers as the Prisma query it replaced.
import type { ReportingCadence, StrategyStatus } from '../generated/prisma/enums.js';
import type { ServiceContext } from './service-context.js';
import type { StrategySummary } from './progress-updates.js';
import { citywidePlanSql, strategyDepartmentSql } from './strategy-records.js';

export interface StrategyRow extends StrategySummary {
  ownerId: number | null;
  departmentId: number | null;
  reportingCadence: ReportingCadence | null;
  /** The latest reporting period reported on. */
  lastPeriodStart: string | null;
}

/** One strategy as the statement's JSON holds it (dates as ISO text). */
interface RawRow {
  id: number;
  number: number;
  text: string;
  status: StrategyStatus;
  version: number;
  dueDate: string | null;
  needsReassignment: boolean;
  ownerId: number | null;
  ownerSlackUserId: string | null;
  ownerName: string | null;
  objectiveId: number;
  objectiveNumber: number;
  objectiveTitle: string;
  planId: number;
  planKey: string;
  planTitle: string;
  citywidePlan: string | null;
  departmentId: number | null;
  departmentCode: string | null;
  departmentName: string | null;
  reportingCadence: ReportingCadence | null;
  lastPeriodStart: string | null;
}

/**
 * Live strategies of `departmentId` (its plans' and the citywide strategies it leads, not
 * those it partners on) or owned by `ownerId`, ordered as the plans number them (plan key,
 * objective, strategy). Either filter may be null.
 *
 * Shaped for the embedded database as much as for PostgreSQL: the filters are a UNION
 * (an OR would scan every strategy in the City), the latest period is one step down its
 * index, and the rows come back as one JSON text value, because handing a department's 150
 * rows over column by column cost more than running the statement. Each column costs: the
 * latest update's time, which nothing showed, took half the statement's CPU on PGlite.
 */
export async function reportableStrategyRows(ctx: ServiceContext, filter: { departmentId: number | null; ownerId: number | null }): Promise<StrategyRow[]> {
  if (filter.departmentId === null && filter.ownerId === null) return [];
  // The comment names the statement in the database's logs (and for tests that slow it down).
  const [result] = await ctx.prisma.$queryRaw<{ rows: string }[]>`
    /* reportable strategies */
    WITH picked AS (
      SELECT s.id FROM "Plan" p
        JOIN "Objective" o ON o."planId" = p.id
        JOIN "Strategy" s ON s."objectiveId" = o.id
       WHERE p."departmentId" = ${filter.departmentId} AND s."archivedAt" IS NULL AND s."leadDepartmentId" IS NULL
      UNION
      SELECT s.id FROM "Strategy" s WHERE s."leadDepartmentId" = ${filter.departmentId} AND s."archivedAt" IS NULL
      UNION
      SELECT s.id FROM "Strategy" s WHERE s."ownerId" = ${filter.ownerId} AND s."archivedAt" IS NULL
    )
    SELECT coalesce(json_agg(x ORDER BY x."planKey", x."objectiveNumber", x.number), '[]')::text AS rows FROM (
      SELECT s.id, s.number, s.text, s.status, s.version, s."dueDate", s."needsReassignment",
             s."ownerId", m."slackUserId" AS "ownerSlackUserId", m.name AS "ownerName",
             o.id AS "objectiveId", o.number AS "objectiveNumber", o.title AS "objectiveTitle",
             p.id AS "planId", p.key AS "planKey", p.title AS "planTitle", ${citywidePlanSql} AS "citywidePlan",
             d.id AS "departmentId", d.code AS "departmentCode", d.name AS "departmentName",
             d."reportingCadence",
             (SELECT max(pu."periodStart") FROM "ProgressUpdate" pu WHERE pu."strategyId" = s.id) AS "lastPeriodStart"
        FROM picked
        JOIN "Strategy" s ON s.id = picked.id
        JOIN "Objective" o ON o.id = s."objectiveId"
        JOIN "Plan" p ON p.id = o."planId"
        LEFT JOIN "Department" d ON d.id = ${strategyDepartmentSql}
        LEFT JOIN "Member" m ON m.id = s."ownerId"
    ) x`;
  return (JSON.parse(result?.rows ?? '[]') as RawRow[]).map(toStrategyRow);
}

function toStrategyRow(r: RawRow): StrategyRow {
  return {
    id: r.id,
    label: `${r.objectiveNumber}.${r.number}`,
    citywidePlan: r.citywidePlan,
    text: r.text,
    status: r.status,
    version: r.version,
    dueDate: r.dueDate,
    owner: r.ownerSlackUserId !== null ? { slackUserId: r.ownerSlackUserId, name: r.ownerName ?? '' } : null,
    needsReassignment: r.needsReassignment,
    objective: { id: r.objectiveId, number: r.objectiveNumber, title: r.objectiveTitle },
    plan: { id: r.planId, key: r.planKey, title: r.planTitle },
    department: r.departmentId !== null ? { id: r.departmentId, code: r.departmentCode ?? '', name: r.departmentName ?? '' } : null,
    ownerId: r.ownerId,
    departmentId: r.departmentId,
    reportingCadence: r.reportingCadence,
    lastPeriodStart: r.lastPeriodStart,
  };
}
