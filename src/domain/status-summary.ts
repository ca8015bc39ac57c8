// How a department stands, computed from its strategies: counts by status, what is overdue
// or due soon, and what nobody reported on this quarter. Pure, so the rules ("overdue" =
// due before today in the City's zone and not completed) are tested without a database.
import type { StrategyStatus } from '../generated/prisma/enums.js';
import { addDays, daysBetween } from './calendar-dates.js';

export const DUE_SOON_DAYS = 14;

/** Statuses that still expect progress reports. Completed and deferred work does not. */
export const REPORTING_STATUSES: readonly StrategyStatus[] = ['IN_PROGRESS', 'ONGOING', 'NOT_STARTED'];

export interface StrategyFacts {
  status: StrategyStatus;
  /** ISO date or null. */
  dueDate: string | null;
  /** ISO date of the latest update's period start, or null if never updated. */
  lastPeriodStart: string | null;
}

export const isOverdue = (s: Pick<StrategyFacts, 'status' | 'dueDate'>, today: string): boolean =>
  s.status !== 'COMPLETED' && s.dueDate !== null && s.dueDate < today;

/** Not completed and due between today and `last` (ISO dates), both included. */
const dueBy = (s: Pick<StrategyFacts, 'status' | 'dueDate'>, today: string, last: string): boolean =>
  s.status !== 'COMPLETED' && s.dueDate !== null && s.dueDate >= today && s.dueDate <= last;

// Lists work out the horizon's last day once: a date sum per strategy was a tenth of a
// department status's time on the main thread.
export const isDueSoon = (s: Pick<StrategyFacts, 'status' | 'dueDate'>, today: string, days = DUE_SOON_DAYS): boolean => dueBy(s, today, addDays(today, days));

/** Expected to report and has no update filed for a period starting in this quarter. */
export const isSilentThisQuarter = (s: StrategyFacts, quarterStart: string): boolean =>
  REPORTING_STATUSES.includes(s.status) && (s.lastPeriodStart === null || s.lastPeriodStart < quarterStart);

export function emptyStatusCounts(): Record<StrategyStatus, number> {
  return { COMPLETED: 0, IN_PROGRESS: 0, ONGOING: 0, NOT_STARTED: 0, DEFERRED: 0 };
}

export interface StatusBreakdown<T> {
  total: number;
  byStatus: Record<StrategyStatus, number>;
  /** Oldest due date first. */
  overdue: T[];
  /** Soonest first. */
  dueSoon: T[];
  notUpdatedThisQuarter: T[];
}

export function summarizeStrategies<T extends StrategyFacts>(strategies: readonly T[], today: string, quarterStart: string): StatusBreakdown<T> {
  const byStatus = emptyStatusCounts();
  for (const s of strategies) byStatus[s.status]++;
  const byDue = (a: T, b: T) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '');
  const soon = addDays(today, DUE_SOON_DAYS);
  return {
    total: strategies.length,
    byStatus,
    overdue: strategies.filter((s) => isOverdue(s, today)).sort(byDue),
    dueSoon: strategies.filter((s) => dueBy(s, today, soon)).sort(byDue),
    notUpdatedThisQuarter: strategies.filter((s) => isSilentThisQuarter(s, quarterStart)),
  };
}

/**
 * The four counts a manager sees first, on App Home and at the top of the weekly digest:
 * computed here only, so the two can never disagree. Reported / not reported count the
 * strategies that expect reports, against the department's own reporting period (a
 * month or a quarter); overdue and due soon count strategies, as /reap status does.
 */
export interface ReportingSummary {
  reported: number;
  notReported: number;
  overdue: number;
  dueSoon: number;
}

export function reportingSummary(strategies: readonly StrategyFacts[], today: string, periodStart: string, dueSoonDays = DUE_SOON_DAYS): ReportingSummary {
  const out: ReportingSummary = { reported: 0, notReported: 0, overdue: 0, dueSoon: 0 };
  const soon = addDays(today, dueSoonDays);
  for (const s of strategies) {
    if (REPORTING_STATUSES.includes(s.status)) {
      if (s.lastPeriodStart !== null && s.lastPeriodStart >= periodStart) out.reported++;
      else out.notReported++;
    }
    if (isOverdue(s, today)) out.overdue++;
    else if (dueBy(s, today, soon)) out.dueSoon++;
  }
  return out;
}

export function addSummaries(list: readonly ReportingSummary[]): ReportingSummary {
  return list.reduce(
    (a, b) => ({
      reported: a.reported + b.reported,
      notReported: a.notReported + b.notReported,
      overdue: a.overdue + b.overdue,
      dueSoon: a.dueSoon + b.dueSoon,
    }),
    {
      reported: 0,
      notReported: 0,
      overdue: 0,
      dueSoon: 0,
    },
  );
}

/** Days until a due date (negative once overdue). */
export const daysUntil = (dueDate: string, today: string): number => daysBetween(today, dueDate);
