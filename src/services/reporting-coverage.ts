// Reporting coverage per past quarter, from the quarters' closing snapshots
// (period-snapshots.ts): how many strategies were expected to report (they reported, or were
// still open at the close) and how many did. Drawn by ui/charts/reporting-coverage.ts in the
// quarterly briefing and on App Home. One statement, named by its leading comment.
import { Prisma as PrismaNS } from '../generated/prisma/client.js';
import { periodContaining, previousPeriod, type FiscalPeriod } from '../domain/fiscal-calendar.js';
import { REPORTING_STATUSES } from '../domain/status-summary.js';
import type { ServiceContext } from './service-context.js';
import { strategyIdsInDepartmentsSql } from './strategy-records.js';

/** Quarters a coverage chart shows: the last year. */
export const COVERAGE_QUARTERS = 4;

export interface QuarterCoverage {
  period: FiscalPeriod;
  expected: number;
  reported: number;
  notReported: number;
}

/**
 * The last `quarters` finished quarters, oldest first, for one department's strategies or
 * every plan's. Quarters with no snapshot at all (before the app's history) are left out.
 */
export async function reportingCoverage(
  ctx: Pick<ServiceContext, 'prisma' | 'config' | 'now'>,
  scope: { departmentId: number } | 'citywide',
  now: Date = ctx.now(),
  quarters = COVERAGE_QUARTERS,
): Promise<QuarterCoverage[]> {
  const periods: FiscalPeriod[] = [];
  let q = periodContaining(now, ctx.config.timeZone, 'QUARTERLY');
  for (let i = 0; i < quarters; i++) periods.unshift((q = previousPeriod(q)));
  const keys = PrismaNS.join(periods.map((p) => p.key));
  const open = PrismaNS.join(REPORTING_STATUSES.map((s) => PrismaNS.sql`${s}`));
  const where =
    scope === 'citywide'
      ? PrismaNS.empty
      : // A citywide strategy is covered in its lead department's chart, not its partners'.
        PrismaNS.sql`AND ps."strategyId" IN (${strategyIdsInDepartmentsSql([scope.departmentId])})`;
  const rows = await ctx.prisma.$queryRaw<{ periodKey: string; expected: number; reported: number }[]>(PrismaNS.sql`
    /* reporting coverage per quarter */
    SELECT ps."periodKey", count(*)::int AS expected, count(*) FILTER (WHERE ps.reported)::int AS reported
      FROM "PeriodSnapshot" ps
     WHERE ps."periodKey" IN (${keys}) AND (ps.reported OR ps.status::text IN (${open})) ${where}
     GROUP BY ps."periodKey"`);
  const byKey = new Map(rows.map((r) => [r.periodKey, r]));
  return periods.flatMap((period) => {
    const r = byKey.get(period.key);
    return r ? [{ period, expected: r.expected, reported: r.reported, notReported: r.expected - r.reported }] : [];
  });
}
