// Who may do what, as pure rules over an Actor (loaded by services/authz.ts). Kept free of
// I/O so the UI can ask the same questions to decide which buttons to show (canUpdate /
// canManage) that the services ask before they write.
//
//   ORSE admin   anything, any department
//   equity lead  manage strategies and milestones of their own department
//   staff        report progress on what they own and on their own department's strategies
//   manager      read the departments they manage (plus report like anyone else)
//   partner      a department named as partner on a citywide strategy reads that strategy
//
// A citywide strategy belongs to its lead department for all of the above.
import type { Role } from '../generated/prisma/enums.js';

export interface Actor {
  memberId: number;
  slackUserId: string;
  name: string;
  roles: readonly Role[];
  departmentId: number | null;
  departmentCode: string | null;
  managedDepartmentIds: readonly number[];
  /** Always true for a loaded actor: deactivated members are refused at load time. */
  active: boolean;
  language: 'en' | 'es' | 'vi' | null;
  /** Slack's locale as last seen, for when no language is chosen (absent in hand-built actors). */
  slackLocale?: string | null;
}

/** Where a strategy sits, which is all the rules need to know about it. */
export interface StrategyScope {
  /** The plan's department, or a citywide strategy's lead department. */
  departmentId: number | null;
  ownerId: number | null;
  /** Departments that work on a citywide strategy without leading it. */
  partnerDepartmentIds?: readonly number[];
}

export const isOrseAdmin = (actor: Actor): boolean => actor.roles.includes('ORSE_ADMIN');

/** Add, edit, reassign, defer and close strategies and their milestones. */
export function canManageDepartment(actor: Actor, departmentId: number | null): boolean {
  if (!actor.active) return false;
  if (isOrseAdmin(actor)) return true;
  // A plan without a department (none today) is ORSE's to manage.
  return departmentId !== null && actor.roles.includes('EQUITY_LEAD') && actor.departmentId === departmentId;
}

export function canReportOn(actor: Actor, strategy: StrategyScope): boolean {
  if (!actor.active) return false;
  if (isOrseAdmin(actor)) return true;
  if (strategy.ownerId !== null && strategy.ownerId === actor.memberId) return true;
  return strategy.departmentId !== null && strategy.departmentId === actor.departmentId;
}

/** See a department's plan and status: its own people, its managers, ORSE admins. */
export function canReadDepartment(actor: Actor, departmentId: number | null): boolean {
  if (!actor.active) return false;
  if (isOrseAdmin(actor)) return true;
  if (departmentId === null) return false;
  return actor.departmentId === departmentId || actor.managedDepartmentIds.includes(departmentId);
}

/**
 * See one strategy in full (owner, dates, milestones, updates): whoever reads its department,
 * its owner, and the people and managers of its partner departments.
 */
export function canReadStrategy(actor: Actor, strategy: StrategyScope): boolean {
  if (canReadDepartment(actor, strategy.departmentId)) return true;
  if (!actor.active) return false;
  if (strategy.ownerId !== null && strategy.ownerId === actor.memberId) return true;
  return (strategy.partnerDepartmentIds ?? []).some((id) => id === actor.departmentId || actor.managedDepartmentIds.includes(id));
}

/**
 * Edit a submitted update: its author while they may still report on the strategy, or
 * whoever manages the department (an equity lead correcting a typo for staff).
 */
export function canEditUpdate(actor: Actor, update: { authorId: number }, strategy: StrategyScope): boolean {
  if (canManageDepartment(actor, strategy.departmentId)) return true;
  return update.authorId === actor.memberId && canReportOn(actor, strategy);
}

/**
 * Mark a milestone done: department managers, and the people the reminder goes to (the
 * milestone's owner and the strategy's owner), who are the ones who know it is done.
 */
export function canCompleteMilestone(actor: Actor, milestone: { ownerId: number | null }, strategy: StrategyScope): boolean {
  if (canManageDepartment(actor, strategy.departmentId)) return true;
  if (!actor.active) return false;
  return milestone.ownerId === actor.memberId || strategy.ownerId === actor.memberId;
}
