// "What changed since last quarter" for a department (its people and managers) or the whole
// City (ORSE admins): each live strategy now against its snapshot of the last finished
// quarter (period-snapshots.ts), compared by the pure rules in domain/period-changes.ts.
//
// Read on App Home, so it is one statement whatever the number of departments and
// strategies, named by its leading comment; the rows come back as one JSON value.
import { Prisma as PrismaNS } from '../generated/prisma/client.js';
import type { StrategyStatus } from '../generated/prisma/enums.js';
import { periodContaining, previousPeriod, type FiscalPeriod } from '../domain/fiscal-calendar.js';
import { addPeriodChanges, periodChanges, type CurrentStrategy, type MeasureNow, type PeriodChanges } from '../domain/period-changes.js';
import { requireOrseAdmin, requireRead, type Actor } from './authz.js';
import type { ServiceContext } from './service-context.js';
import { citywidePlanSql, strategyDepartmentSql, strategyRowsInDepartmentsSql } from './strategy-records.js';

export interface ChangesSinceLastQuarter {
  /** The last finished quarter, whose close is compared with today. */
  since: FiscalPeriod;
  quarter: FiscalPeriod;
  changes: PeriodChanges;
}

interface Row {
  id: number;
  departmentId: number;
  objectiveNumber: number;
  number: number;
  citywidePlan: string | null;
  text: string;
  status: StrategyStatus;
  prevStatus: StrategyStatus | null;
  prevReported: boolean | null;
  reportedNow: boolean;
  /** Active typed measures with a target: last quarter's value (the snapshot's update) and this quarter's latest. */
  measures: MeasureNow[];
}

/**
 * Changes per department, for the departments named (or every department), without an
 * actor: for scheduled jobs, and behind the checked reads below. A department whose
 * strategies have no snapshot of last quarter (the app is new, or so is the department) has
 * nothing to compare with and is left out of the map.
 */
export async function loadChangesByDepartment(
  ctx: ServiceContext,
  departmentIds: readonly number[] | 'all',
  now: Date = ctx.now(),
): Promise<Map<number, ChangesSinceLastQuarter>> {
  const out = new Map<number, ChangesSinceLastQuarter>();
  if (departmentIds !== 'all' && departmentIds.length === 0) return out;
  const quarter = periodContaining(now, ctx.config.timeZone, 'QUARTERLY');
  const since = previousPeriod(quarter);
  // A citywide strategy is its lead department's change, not its partners'.
  const department = strategyDepartmentSql;
  // Some departments' strategies come straight from the indexes; a filter on their ids lets
  // the planner read every strategy to keep theirs (strategyRowsInDepartmentsSql).
  const [strategies, scope] =
    departmentIds === 'all'
      ? [PrismaNS.sql`"Strategy" s`, PrismaNS.sql`AND ${department} IS NOT NULL`]
      : [PrismaNS.sql`(${strategyRowsInDepartmentsSql(departmentIds)}) s`, PrismaNS.empty];
  const [result] = await ctx.prisma.$queryRaw<{ rows: string }[]>(PrismaNS.sql`
    /* changes since last quarter */
    SELECT coalesce(json_agg(x), '[]')::text AS rows FROM (
      SELECT s.id, ${department} AS "departmentId", o.number AS "objectiveNumber", s.number,
             ${citywidePlanSql} AS "citywidePlan", s.text, s.status,
             ps.status AS "prevStatus", ps.reported AS "prevReported",
             EXISTS (SELECT 1 FROM "ProgressUpdate" u WHERE u."strategyId" = s.id AND u."periodStart" >= ${quarter.start}::date) AS "reportedNow",
             (SELECT coalesce(json_agg(json_build_object(
                       'label', m.label, 'kind', m.kind, 'unit', m.unit, 'target', m.target, 'direction', m.direction,
                       'previous', (SELECT v.value FROM "MeasureValue" v WHERE v."measureId" = m.id AND v."progressUpdateId" = ps."lastUpdateId"),
                       'current', (SELECT v.value FROM "MeasureValue" v JOIN "ProgressUpdate" u ON u.id = v."progressUpdateId"
                                    WHERE v."measureId" = m.id AND u."periodStart" >= ${quarter.start}::date
                                    ORDER BY u."createdAt" DESC, u.id DESC LIMIT 1)
                     ) ORDER BY m.position), '[]')
                FROM "Measure" m WHERE m."strategyId" = s.id AND m."archivedAt" IS NULL AND m.target IS NOT NULL) AS measures
        FROM ${strategies}
        JOIN "Objective" o ON o.id = s."objectiveId"
        JOIN "Plan" p ON p.id = o."planId"
        LEFT JOIN "PeriodSnapshot" ps ON ps."strategyId" = s.id AND ps."periodKey" = ${since.key}::text
       WHERE s."archivedAt" IS NULL ${scope}
    ) x`);
  const rows = JSON.parse(result?.rows ?? '[]') as Row[];
  const byDepartment = new Map<number, CurrentStrategy[]>();
  for (const r of rows) {
    const list = byDepartment.get(r.departmentId) ?? [];
    list.push({
      id: r.id,
      label: `${r.objectiveNumber}.${r.number}`,
      citywidePlan: r.citywidePlan,
      text: r.text,
      status: r.status,
      reportedThisQuarter: r.reportedNow,
      previous: r.prevStatus ? { status: r.prevStatus, reported: r.prevReported === true } : null,
      // json_build_object writes numeric as a JSON number; Decimal(14,2) fits a double exactly enough.
      measures: r.measures.map((m) => ({ ...m, target: toNumber(m.target), previous: toNumber(m.previous), current: toNumber(m.current) })),
    });
    byDepartment.set(r.departmentId, list);
  }
  for (const [id, strategies] of byDepartment) {
    const changes = periodChanges(strategies);
    if (changes.withHistory > 0) out.set(id, { since, quarter, changes });
  }
  return out;
}

const toNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** One department's changes, for someone who may read it; null when there is no last quarter to compare with. */
export async function departmentChanges(
  ctx: ServiceContext,
  actor: Actor,
  departmentId: number,
  now: Date = ctx.now(),
): Promise<ChangesSinceLastQuarter | null> {
  await requireRead(ctx, actor, departmentId, { action: 'status.changes', entityType: 'department', entityId: departmentId });
  return (await loadChangesByDepartment(ctx, [departmentId], now)).get(departmentId) ?? null;
}

/** Several departments at once (a manager's App Home), each checked. */
export async function departmentsChanges(
  ctx: ServiceContext,
  actor: Actor,
  departmentIds: readonly number[],
  now: Date = ctx.now(),
): Promise<Map<number, ChangesSinceLastQuarter>> {
  for (const id of departmentIds) await requireRead(ctx, actor, id, { action: 'status.changes', entityType: 'department', entityId: id });
  return loadChangesByDepartment(ctx, departmentIds, now);
}

/** Every department's strategies together, for ORSE admins. */
export async function citywideChanges(ctx: ServiceContext, actor: Actor, now: Date = ctx.now()): Promise<ChangesSinceLastQuarter | null> {
  await requireOrseAdmin(ctx, actor, { action: 'status.changes', entityType: 'department', entityId: '*' });
  return combine(await loadChangesByDepartment(ctx, 'all', now));
}

/** The departments' changes as one (null when none has history). */
export function combine(all: ReadonlyMap<number, ChangesSinceLastQuarter>): ChangesSinceLastQuarter | null {
  const list = [...all.values()];
  const first = list[0];
  if (!first) return null;
  return { since: first.since, quarter: first.quarter, changes: addPeriodChanges(list.map((c) => c.changes)) };
}
