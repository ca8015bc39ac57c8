// Owner coverage for ORSE: which open strategies nobody is looking after. Pure, so the
// rules are tested without a database and the query only has to narrow the rows.
//
//   noOwner        nobody owns it
//   inactiveOwner  its owner left (deactivated) or it was flagged for a new owner
//   neverUpdated   no progress update was ever filed on it
//   overdue        due before the City's today and neither completed nor deferred
//
// Archived and completed strategies need no coverage. A strategy can meet several reasons
// and is listed under each, so every heading's count is what its list holds.
import type { StrategyStatus } from '../generated/prisma/enums.js';

export const COVERAGE_REASONS = ['noOwner', 'inactiveOwner', 'neverUpdated', 'overdue'] as const;
export type CoverageReason = (typeof COVERAGE_REASONS)[number];

export interface CoverageFacts {
  status: StrategyStatus;
  /** Absent for rows read without archived strategies. */
  archived?: boolean;
  /** ISO date or null. */
  dueDate: string | null;
  owner: { active: boolean } | null;
  needsReassignment: boolean;
  hasUpdate: boolean;
}

/** The reasons a strategy needs ORSE's attention, in COVERAGE_REASONS order; [] when none. */
export function coverageReasons(s: CoverageFacts, today: string): CoverageReason[] {
  if (s.archived === true || s.status === 'COMPLETED') return [];
  const reasons: CoverageReason[] = [];
  if (s.owner === null) reasons.push('noOwner');
  else if (!s.owner.active || s.needsReassignment) reasons.push('inactiveOwner');
  if (!s.hasUpdate) reasons.push('neverUpdated');
  // Deferred work has a new date and a reason on record: it is not late.
  if (s.status !== 'DEFERRED' && s.dueDate !== null && s.dueDate < today) reasons.push('overdue');
  return reasons;
}

export type CoverageGroups<T> = Record<CoverageReason, T[]>;

/** Items under each reason they meet, keeping the order they came in. */
export function groupByReason<T extends CoverageFacts>(items: readonly T[], today: string): CoverageGroups<T> {
  const groups: CoverageGroups<T> = { noOwner: [], inactiveOwner: [], neverUpdated: [], overdue: [] };
  for (const item of items) for (const reason of coverageReasons(item, today)) groups[reason].push(item);
  return groups;
}
