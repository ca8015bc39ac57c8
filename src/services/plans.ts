// A department's plan, page by page: strategies in plan order grouped under their
// objectives, each with the buttons the reader may use. A page is a fixed number of
// queries (department, plans, count, the page's strategies, their latest updates, their
// open milestones), whatever the size of the plan.
import type { PlanKind, StrategyStatus } from '../generated/prisma/enums.js';
import { isoDateOf } from '../domain/calendar-dates.js';
import { fiscalYearOf } from '../domain/fiscal-calendar.js';
import { canManageDepartment, canReportOn, type Actor } from '../domain/permissions.js';
import { requireRead } from './authz.js';
import { departmentFor } from './departments.js';
import { notFound } from './errors.js';
import type { PersonRef } from './progress-updates.js';
import type { ServiceContext } from './service-context.js';
import { scopeOf, strategyLabel } from './strategy-records.js';

export const MAX_PAGE_SIZE = 50;

export interface PlanStrategyItem {
  id: number;
  label: string;
  number: number;
  text: string;
  status: StrategyStatus;
  version: number;
  dueDate: string | null;
  owner: PersonRef | null;
  needsReassignment: boolean;
  deferredReason: string | null;
  performanceMeasures: string;
  outputs: string;
  openMilestones: number;
  lastUpdateAt: Date | null;
  canUpdate: boolean;
  canManage: boolean;
}

export interface PlanObjectiveGroup {
  id: number;
  number: number;
  title: string;
  strategies: PlanStrategyItem[];
}

export interface PlanSummary {
  id: number;
  key: string;
  title: string;
  kind: PlanKind;
  fiscalStartYear: number;
  fiscalEndYear: number;
}

export interface PlanView {
  department: { id: number; code: string; name: string };
  plan: PlanSummary;
  /** All of the department's plans, newest first, to switch between. */
  plans: PlanSummary[];
  objectives: PlanObjectiveGroup[];
  page: number;
  pageSize: number;
  totalStrategies: number;
  totalPages: number;
  hasPrevious: boolean;
  hasNext: boolean;
  /** May add strategies to this plan. */
  canManage: boolean;
}

const planSummary = (p: PlanSummary): PlanSummary => ({
  id: p.id,
  key: p.key,
  title: p.title,
  kind: p.kind,
  fiscalStartYear: p.fiscalStartYear,
  fiscalEndYear: p.fiscalEndYear,
});

/**
 * The plan a department works from now: the newest whose fiscal years include today's,
 * else the newest one.
 */
export function currentPlan<P extends PlanSummary>(plans: readonly P[], fiscalYearEnd: number): P | undefined {
  const newestFirst = [...plans].sort((a, b) => b.fiscalEndYear - a.fiscalEndYear || b.id - a.id);
  return newestFirst.find((p) => p.fiscalStartYear < fiscalYearEnd && fiscalYearEnd <= p.fiscalEndYear) ?? newestFirst[0];
}

export async function planView(
  ctx: ServiceContext,
  actor: Actor,
  departmentQuery?: string,
  page = 1,
  pageSize = 20,
  options: { planKey?: string } = {},
): Promise<PlanView> {
  const department = await departmentFor(ctx, actor, departmentQuery);
  await requireRead(ctx, actor, department.id, { action: 'plan.view', entityType: 'department', entityId: department.id });

  const plans = await ctx.prisma.plan.findMany({ where: { departmentId: department.id }, orderBy: [{ fiscalEndYear: 'desc' }, { id: 'desc' }] });
  const plan = options.planKey
    ? plans.find((p) => p.key.toLowerCase() === options.planKey!.toLowerCase())
    : currentPlan(plans, fiscalYearOf(ctx.now(), ctx.config.timeZone));
  if (!plan) throw notFound('errors.notFound.plan', { query: options.planKey ?? department.code, suggestions: plans.map((p) => p.key) });

  const size = Math.min(Math.max(1, Math.floor(pageSize) || 1), MAX_PAGE_SIZE);
  const where = { archivedAt: null, objective: { planId: plan.id } };
  const totalStrategies = await ctx.prisma.strategy.count({ where });
  const totalPages = Math.max(1, Math.ceil(totalStrategies / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), totalPages);

  const strategies = await ctx.prisma.strategy.findMany({
    where,
    include: {
      objective: { select: { id: true, number: true, title: true, plan: { select: { departmentId: true } } } },
      owner: { select: { slackUserId: true, name: true } },
    },
    orderBy: [{ objective: { number: 'asc' } }, { number: 'asc' }],
    skip: (current - 1) * size,
    take: size,
  });
  const ids = strategies.map((s) => s.id);
  const [latest, milestones] = ids.length
    ? await Promise.all([
        ctx.prisma.progressUpdate.groupBy({ by: ['strategyId'], where: { strategyId: { in: ids } }, _max: { createdAt: true } }),
        ctx.prisma.milestone.groupBy({ by: ['strategyId'], where: { strategyId: { in: ids }, completedAt: null }, _count: { _all: true } }),
      ])
    : [[], []];
  const lastBy = new Map(latest.map((r) => [r.strategyId, r._max.createdAt]));
  const openBy = new Map(milestones.map((r) => [r.strategyId, r._count._all]));

  const manage = canManageDepartment(actor, department.id);
  const groups: PlanObjectiveGroup[] = [];
  for (const s of strategies) {
    let group = groups.at(-1);
    if (!group || group.id !== s.objective.id) {
      group = { id: s.objective.id, number: s.objective.number, title: s.objective.title, strategies: [] };
      groups.push(group);
    }
    group.strategies.push({
      id: s.id,
      label: strategyLabel(s),
      number: s.number,
      text: s.text,
      status: s.status,
      version: s.version,
      dueDate: s.dueDate ? isoDateOf(s.dueDate) : null,
      owner: s.owner,
      needsReassignment: s.needsReassignment,
      deferredReason: s.deferredReason,
      performanceMeasures: s.performanceMeasures,
      outputs: s.outputs,
      openMilestones: openBy.get(s.id) ?? 0,
      lastUpdateAt: lastBy.get(s.id) ?? null,
      canUpdate: canReportOn(actor, scopeOf(s)),
      canManage: manage,
    });
  }

  return {
    department: { id: department.id, code: department.code, name: department.name },
    plan: planSummary(plan),
    plans: plans.map(planSummary),
    objectives: groups,
    page: current,
    pageSize: size,
    totalStrategies,
    totalPages,
    hasPrevious: current > 1,
    hasNext: current < totalPages,
    canManage: manage,
  };
}
