// The one read behind every /reap update form and a staff member's App Home: the live
// strategies of a department (and those someone owns anywhere), with their place in the
// plan, their owner and the dates of their latest update, in a single statement.
//
// Written as SQL rather than a Prisma `include` because it runs on every form, under load,
// on the event loop Slack's acknowledgements share: Prisma compiles and maps an include of
// this shape at several times the cost of the statement itself (profiled in
// bench/slack-update.bench.ts). `tests/integration/services/reportable-strategy-rows.test.ts`
// holds it to the same answers as the Prisma query it replaced.
import { isoDateOf } from '../domain/calendar-dates.js';
import type { ReportingCadence, StrategyStatus } from '../generated/prisma/enums.js';
import type { ServiceContext } from './service-context.js';
import type { StrategySummary } from './progress-updates.js';

export interface StrategyRow extends StrategySummary {
  ownerId: number | null;
  departmentId: number | null;
  reportingCadence: ReportingCadence | null;
  /** When the latest update was submitted, and the latest reporting period reported on. */
  lastUpdateAt: Date | null;
  lastPeriodStart: string | null;
}

interface RawRow {
  id: number;
  number: number;
  text: string;
  status: StrategyStatus;
  version: number;
  dueDate: Date | null;
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
  departmentId: number | null;
  departmentCode: string | null;
  departmentName: string | null;
  reportingCadence: ReportingCadence | null;
  lastUpdateAt: Date | null;
  lastPeriodStart: Date | null;
}

/**
 * Live strategies in `departmentId`'s plans or owned by `ownerId`, ordered as the plans
 * number them (plan key, objective, strategy). Either filter may be null.
 */
export async function reportableStrategyRows(ctx: ServiceContext, filter: { departmentId: number | null; ownerId: number | null }): Promise<StrategyRow[]> {
  if (filter.departmentId === null && filter.ownerId === null) return [];
  // The comment names the statement in the database's logs (and for tests that slow it down).
  const rows = await ctx.prisma.$queryRaw<RawRow[]>`
    /* reportable strategies */
    SELECT s.id, s.number, s.text, s.status::text AS status, s.version, s."dueDate", s."needsReassignment",
           s."ownerId", m."slackUserId" AS "ownerSlackUserId", m.name AS "ownerName",
           o.id AS "objectiveId", o.number AS "objectiveNumber", o.title AS "objectiveTitle",
           p.id AS "planId", p.key AS "planKey", p.title AS "planTitle",
           d.id AS "departmentId", d.code AS "departmentCode", d.name AS "departmentName",
           d."reportingCadence"::text AS "reportingCadence",
           u."lastUpdateAt", u."lastPeriodStart"
      FROM "Strategy" s
      JOIN "Objective" o ON o.id = s."objectiveId"
      JOIN "Plan" p ON p.id = o."planId"
      LEFT JOIN "Department" d ON d.id = p."departmentId"
      LEFT JOIN "Member" m ON m.id = s."ownerId"
      LEFT JOIN LATERAL (
        SELECT max(pu."createdAt") AS "lastUpdateAt", max(pu."periodStart") AS "lastPeriodStart"
          FROM "ProgressUpdate" pu WHERE pu."strategyId" = s.id
      ) u ON true
     WHERE s."archivedAt" IS NULL
       AND (p."departmentId" = ${filter.departmentId} OR s."ownerId" = ${filter.ownerId})
     ORDER BY p.key, o.number, s.number`;
  return rows.map(toStrategyRow);
}

function toStrategyRow(r: RawRow): StrategyRow {
  return {
    id: r.id,
    label: `${r.objectiveNumber}.${r.number}`,
    text: r.text,
    status: r.status,
    version: r.version,
    dueDate: r.dueDate ? isoDateOf(r.dueDate) : null,
    owner: r.ownerSlackUserId !== null ? { slackUserId: r.ownerSlackUserId, name: r.ownerName ?? '' } : null,
    needsReassignment: r.needsReassignment,
    objective: { id: r.objectiveId, number: r.objectiveNumber, title: r.objectiveTitle },
    plan: { id: r.planId, key: r.planKey, title: r.planTitle },
    department: r.departmentId !== null ? { id: r.departmentId, code: r.departmentCode ?? '', name: r.departmentName ?? '' } : null,
    ownerId: r.ownerId,
    departmentId: r.departmentId,
    reportingCadence: r.reportingCadence,
    lastUpdateAt: r.lastUpdateAt,
    lastPeriodStart: r.lastPeriodStart ? isoDateOf(r.lastPeriodStart) : null,
  };
}
