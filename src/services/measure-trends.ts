// Typed measures against their targets over time, for the charts of the quarterly briefing
// (the ORSE work plan's public measures) and of App Home (the measures a person owns).
// Each read is one statement, named by its leading comment; measurePoints
// (domain/measures.ts) keeps the latest value of each period.
import { Prisma as PrismaNS } from '../generated/prisma/client.js';
import type { MeasureDirection, MeasureKind } from '../domain/enums.js';
import { parsePeriodKey } from '../domain/fiscal-calendar.js';
import { measurePoints, type PeriodValue, type MeasureValueRow } from '../domain/measures.js';
import type { Actor } from '../domain/permissions.js';
import type { ServiceContext } from './service-context.js';

/** Periods a chart shows at most: two years of quarters. */
export const TREND_PERIODS = 8;
/** Measures the briefing charts at most, so the charts do not bury the text. */
export const BRIEFING_MEASURES = 3;
/** Measures App Home charts at most for their owner. */
export const HOME_MEASURES = 2;

export interface MeasureTrend {
  measureId: number;
  label: string;
  kind: MeasureKind;
  unit: string;
  target: number;
  direction: MeasureDirection;
  /** Oldest first; at least one. */
  points: PeriodValue[];
}

interface TrendRow extends MeasureValueRow {
  label: string;
  kind: MeasureKind;
  unit: string;
  target: number;
  direction: MeasureDirection;
}

const MEASURE_COLUMNS = PrismaNS.sql`m.id AS "measureId", m.label, m.kind::text AS kind, m.unit, m.target::float8 AS target,
       m.direction::text AS direction, u."periodKey", u."createdAt" AS "reportedAt", u.id AS "updateId", v.value::float8 AS value`;

/** The measures in the order of `ids`, each with its points. */
function trendsOf(rows: readonly TrendRow[], ids: readonly number[], options: { byQuarter?: boolean }): MeasureTrend[] {
  const points = measurePoints(rows, { ...options, last: TREND_PERIODS });
  const first = new Map<number, TrendRow>();
  for (const r of rows) if (!first.has(r.measureId)) first.set(r.measureId, r);
  return ids.flatMap((id) => {
    const r = first.get(id);
    const p = points.get(id);
    if (!r || !p?.length) return [];
    return [{ measureId: id, label: r.label, kind: r.kind, unit: r.unit, target: r.target, direction: r.direction, points: p }];
  });
}

/**
 * The ORSE work plan's measures for the briefing of `quarterKey`: those marked for open data,
 * with a target, and values in PUBLIC updates up to the end of that quarter (a briefing is
 * posted to channels, like the annual report; nothing internal is charted). One value per
 * quarter. At most `limit`, the most recently reported first; ties in the plan's order.
 * The plan is the newest one in force by that quarter.
 */
export async function workPlanMeasureTrends(ctx: Pick<ServiceContext, 'prisma'>, quarterKey: string, limit = BRIEFING_MEASURES): Promise<MeasureTrend[]> {
  const quarter = parsePeriodKey(quarterKey);
  if (!quarter) return [];
  const rows = await ctx.prisma.$queryRaw<(TrendRow & { objective: number; strategy: number; position: number })[]>(PrismaNS.sql`
    /* work plan measure trends */
    WITH plan AS (
      SELECT p.id FROM "Plan" p
       WHERE p.kind = 'ORSE_WORK_PLAN' AND p."fiscalStartYear" < ${quarter.fiscalYearEnd}::int
       ORDER BY p."fiscalEndYear" DESC, p.id DESC LIMIT 1)
    SELECT ${MEASURE_COLUMNS}, o.number AS objective, s.number AS strategy, m.position
      FROM plan
      JOIN "Objective" o ON o."planId" = plan.id
      JOIN "Strategy" s ON s."objectiveId" = o.id
      JOIN "Measure" m ON m."strategyId" = s.id
      JOIN "MeasureValue" v ON v."measureId" = m.id
      JOIN "ProgressUpdate" u ON u.id = v."progressUpdateId"
     WHERE s."archivedAt" IS NULL AND m."archivedAt" IS NULL AND m."isPublic" AND m.target IS NOT NULL
       AND u.visibility = 'PUBLIC' AND u."periodStart" <= ${quarter.end}::date
     ORDER BY o.number, s.number, m.position, m.id`);
  // Rows come in plan order; the last reported update of each measure decides which are shown.
  const last = new Map<number, number>();
  for (const r of rows) last.set(r.measureId, Math.max(last.get(r.measureId) ?? 0, r.reportedAt.getTime()));
  const planOrder = [...last.keys()];
  // sort is stable: equally recent measures keep the plan's order.
  const chosen = new Set([...planOrder].sort((a, b) => last.get(b)! - last.get(a)!).slice(0, limit));
  return trendsOf(
    rows,
    planOrder.filter((id) => chosen.has(id)),
    { byQuarter: true },
  );
}

/**
 * The measures with a target on the live strategies `actor` owns, the most recently reported
 * first, at most `limit`, each by reporting period (App Home). Every value counts, whatever
 * its update's visibility: they are the owner's own figures. One statement, run on every
 * Home publish.
 */
export async function ownedMeasureTrends(ctx: Pick<ServiceContext, 'prisma'>, actor: Pick<Actor, 'memberId'>, limit = HOME_MEASURES): Promise<MeasureTrend[]> {
  const rows = await ctx.prisma.$queryRaw<TrendRow[]>(PrismaNS.sql`
    /* owned measure trends */
    WITH mine AS (
      SELECT m.id, max(u."createdAt") AS last
        FROM "Strategy" s
        JOIN "Measure" m ON m."strategyId" = s.id
        JOIN "MeasureValue" v ON v."measureId" = m.id
        JOIN "ProgressUpdate" u ON u.id = v."progressUpdateId"
       WHERE s."ownerId" = ${actor.memberId}::int AND s."archivedAt" IS NULL AND m."archivedAt" IS NULL AND m.target IS NOT NULL
       GROUP BY m.id
       ORDER BY last DESC, m.id LIMIT ${limit}::int)
    SELECT ${MEASURE_COLUMNS}
      FROM mine
      JOIN "Measure" m ON m.id = mine.id
      JOIN "MeasureValue" v ON v."measureId" = m.id
      JOIN "ProgressUpdate" u ON u.id = v."progressUpdateId"
     ORDER BY mine.last DESC, m.id`);
  const ids = [...new Set(rows.map((r) => r.measureId))];
  return trendsOf(rows, ids, {});
}
