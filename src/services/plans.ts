// A department's plan, page by page: strategies in plan order grouped under their
// objectives, each with the buttons the reader may use. A page is a fixed number of
// queries (department, plans, count, the page's strategies, their latest updates, their
// open milestones), whatever the size of the plan.
//
// A citywide plan (the Welcoming San José Plan) has no department: it is named by its key
// or the key's first part ("WSJ"), its objectives are pillars, and each strategy shows its
// lead and partner departments. Anyone may see what the City published (pillars, strategy
// text, status, who leads); owner, dates, milestones and updates are the lead department's
// working detail, shown to those who may read the strategy (canReadStrategy).
import type { MeasureDirection, MeasureKind } from '../generated/prisma/enums.js';
import type { PlanKind, StrategyStatus } from '../generated/prisma/enums.js';
import { isoDateOf } from '../domain/calendar-dates.js';
import { fiscalYearOf } from '../domain/fiscal-calendar.js';
import { canManageDepartment, canReadStrategy, canReportOn, type Actor } from '../domain/permissions.js';
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
  /** A citywide strategy's lead department; null on department plans. */
  leadDepartment: DepartmentRef | null;
  /** A citywide strategy's partner departments, by code. */
  partnerDepartments: DepartmentRef[];
  /** The active typed measures with their latest reported value (none when restricted). */
  typedMeasures: PlanMeasureFact[];
  /**
   * The reader may not read this strategy in full: owner, due date, milestones, last update
   * and deferral reason are left out (null, 0), not just hidden by the UI.
   */
  restricted: boolean;
}

/** A typed measure on a plan page: what it is and its latest value, if any. */
export interface PlanMeasureFact {
  label: string;
  kind: MeasureKind;
  unit: string;
  target: number | null;
  direction: MeasureDirection;
  latest: { value: number; periodKey: string } | null;
}

export interface DepartmentRef {
  code: string;
  name: string;
}

export interface PlanObjectiveGroup {
  id: number;
  number: number;
  title: string;
  /** A pillar's description; null for department objectives. */
  description: string | null;
  strategies: PlanStrategyItem[];
}

/** A citywide plan's pillar, listed whether or not it has strategies yet. */
export interface PlanPillar {
  number: number;
  title: string;
  description: string | null;
  strategies: number;
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
  /** Null for a citywide plan, which belongs to no department. */
  department: { id: number; code: string; name: string } | null;
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
  /** A citywide plan's pillars (empty for department plans). */
  pillars: PlanPillar[];
  /** The one pillar shown, when the reader asked for one. */
  pillar: number | null;
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
  options: { planKey?: string; pillar?: number } = {},
): Promise<PlanView> {
  // Only a citywide plan has pillars: asking for one without naming a plan means the newest.
  const citywideRef = options.planKey ?? departmentQuery ?? (options.pillar !== undefined ? '' : undefined);
  if (citywideRef !== undefined) {
    const citywide = await findCitywidePlan(ctx, citywideRef);
    if (citywide) return citywidePlanView(ctx, actor, citywide, page, pageSize, options.pillar);
    if (options.pillar !== undefined && !departmentQuery && !options.planKey) throw notFound('errors.notFound.citywidePlan', { query: citywideRef });
  }
  const department = await departmentFor(ctx, actor, departmentQuery);
  await requireRead(ctx, actor, department.id, { action: 'plan.view', entityType: 'department', entityId: department.id });

  const plans = await ctx.prisma.plan.findMany({ where: { departmentId: department.id }, orderBy: [{ fiscalEndYear: 'desc' }, { id: 'desc' }] });
  const plan = options.planKey
    ? plans.find((p) => p.key.toLowerCase() === options.planKey!.toLowerCase())
    : currentPlan(plans, fiscalYearOf(ctx.now(), ctx.config.timeZone));
  if (!plan) throw notFound('errors.notFound.plan', { query: options.planKey ?? department.code, suggestions: plans.map((p) => p.key) });

  const where = { archivedAt: null, objective: { planId: plan.id } };
  const totalStrategies = await ctx.prisma.strategy.count({ where });
  const { size, totalPages, current } = pageOf(totalStrategies, pageSize, page);

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
  const { lastBy, openBy, measuresBy } = await workingFacts(
    ctx,
    strategies.map((s) => s.id),
  );

  const manage = canManageDepartment(actor, department.id);
  const groups: PlanObjectiveGroup[] = [];
  for (const s of strategies) {
    let group = groups.at(-1);
    if (!group || group.id !== s.objective.id) {
      group = { id: s.objective.id, number: s.objective.number, title: s.objective.title, description: null, strategies: [] };
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
      leadDepartment: null,
      partnerDepartments: [],
      typedMeasures: measuresBy.get(s.id) ?? [],
      restricted: false,
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
    pillars: [],
    pillar: null,
  };
}

/**
 * The citywide plan a reader named: its key ("WSJ-2021-2024"), the key's first part ("WSJ",
 * the newest such plan), or nothing at all (the newest citywide plan). Null when none fits,
 * so the name is then tried as a department.
 */
async function findCitywidePlan(ctx: ServiceContext, text: string) {
  const plans = await ctx.prisma.plan.findMany({ where: { kind: 'CITYWIDE_PLAN' }, orderBy: [{ fiscalEndYear: 'desc' }, { id: 'desc' }] });
  const q = text.trim().toLowerCase();
  if (q === '') return plans[0] ?? null;
  return plans.find((p) => p.key.toLowerCase() === q) ?? plans.find((p) => p.key.toLowerCase().startsWith(`${q}-`)) ?? null;
}

/** The citywide plan `text` names (its key or the key's first part), for /reap add; null when none. */
export async function citywidePlanNamed(ctx: ServiceContext, text: string): Promise<CitywidePlanRow | null> {
  if (text.trim() === '') return null;
  const plan = await findCitywidePlan(ctx, text);
  return plan && { id: plan.id, key: plan.key, title: plan.title };
}

async function citywidePlanView(
  ctx: ServiceContext,
  actor: Actor,
  plan: PlanSummary,
  page: number,
  pageSize: number,
  pillar: number | undefined,
): Promise<PlanView> {
  const objectives = await ctx.prisma.objective.findMany({
    where: { planId: plan.id },
    select: { id: true, number: true, title: true, description: true, _count: { select: { strategies: { where: { archivedAt: null } } } } },
    orderBy: { number: 'asc' },
  });
  if (pillar !== undefined && !objectives.some((o) => o.number === pillar)) {
    throw notFound('errors.notFound.pillar', { number: pillar, plan: plan.key, choices: objectives.map((o) => o.number).join(', ') });
  }
  const where = { archivedAt: null, objective: pillar === undefined ? { planId: plan.id } : { planId: plan.id, number: pillar } };
  const totalStrategies = await ctx.prisma.strategy.count({ where });
  const { size, totalPages, current } = pageOf(totalStrategies, pageSize, page);

  const strategies = await ctx.prisma.strategy.findMany({
    where,
    include: {
      objective: { select: { id: true, number: true, title: true, description: true, plan: { select: { departmentId: true } } } },
      owner: { select: { slackUserId: true, name: true } },
      leadDepartment: { select: { code: true, name: true } },
      partners: { select: { departmentId: true, department: { select: { code: true, name: true } } } },
    },
    orderBy: [{ objective: { number: 'asc' } }, { number: 'asc' }],
    skip: (current - 1) * size,
    take: size,
  });
  // Working detail is only fetched for strategies the reader may read in full.
  const readable = new Set(strategies.filter((s) => canReadStrategy(actor, scopeOf(s))).map((s) => s.id));
  const { lastBy, openBy, measuresBy } = await workingFacts(ctx, [...readable]);

  const groups: PlanObjectiveGroup[] = [];
  for (const s of strategies) {
    let group = groups.at(-1);
    if (!group || group.id !== s.objective.id) {
      group = { id: s.objective.id, number: s.objective.number, title: s.objective.title, description: s.objective.description, strategies: [] };
      groups.push(group);
    }
    const full = readable.has(s.id);
    const scope = scopeOf(s);
    group.strategies.push({
      id: s.id,
      label: strategyLabel(s),
      number: s.number,
      text: s.text,
      status: s.status,
      version: s.version,
      dueDate: full && s.dueDate ? isoDateOf(s.dueDate) : null,
      owner: full ? s.owner : null,
      needsReassignment: full && s.needsReassignment,
      deferredReason: full ? s.deferredReason : null,
      performanceMeasures: s.performanceMeasures,
      outputs: s.outputs,
      openMilestones: openBy.get(s.id) ?? 0,
      lastUpdateAt: lastBy.get(s.id) ?? null,
      canUpdate: canReportOn(actor, scope),
      canManage: canManageDepartment(actor, scope.departmentId),
      leadDepartment: s.leadDepartment,
      partnerDepartments: s.partners.map((p) => p.department).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
      typedMeasures: full ? (measuresBy.get(s.id) ?? []) : [],
      restricted: !full,
    });
  }

  return {
    department: null,
    plan: planSummary(plan),
    plans: [],
    objectives: groups,
    page: current,
    pageSize: size,
    totalStrategies,
    totalPages,
    hasPrevious: current > 1,
    hasNext: current < totalPages,
    // Adding a strategy to a plan of the whole City is ORSE's (a plan without a department).
    canManage: canManageDepartment(actor, null),
    pillars: objectives
      .filter((o) => pillar === undefined || o.number === pillar)
      .map((o) => ({ number: o.number, title: o.title, description: o.description, strategies: o._count.strategies })),
    pillar: pillar ?? null,
  };
}

/** Each strategy's last update time and open milestone count: two grouped queries for a page. */
async function workingFacts(
  ctx: ServiceContext,
  ids: number[],
): Promise<{ lastBy: Map<number, Date | null>; openBy: Map<number, number>; measuresBy: Map<number, PlanMeasureFact[]> }> {
  const [latest, facts] = ids.length
    ? await Promise.all([
        ctx.prisma.progressUpdate.groupBy({ by: ['strategyId'], where: { strategyId: { in: ids } }, _max: { createdAt: true } }),
        // Open milestones and the typed measures with their latest value, in one statement
        // however many strategies, measures or periods there are.
        ctx.prisma.$queryRaw<{ strategyId: number; openMilestones: number; measures: string | null }[]>`
          /* plan page: milestones and measures */
          SELECT s.id AS "strategyId",
                 (SELECT count(*)::int FROM "Milestone" mi WHERE mi."strategyId" = s.id AND mi."completedAt" IS NULL) AS "openMilestones",
                 (SELECT json_agg(x ORDER BY x.position, x.id)::text FROM (
                    SELECT me.id, me.position, me.label, me.kind::text AS kind, me.unit, me.target::float8 AS target,
                           me.direction::text AS direction, lv.value::float8 AS "latestValue", lv."periodKey" AS "latestPeriod"
                      FROM "Measure" me
                      LEFT JOIN LATERAL (
                        SELECT mv.value, pu."periodKey"
                          FROM "MeasureValue" mv JOIN "ProgressUpdate" pu ON pu.id = mv."progressUpdateId"
                         WHERE mv."measureId" = me.id
                         ORDER BY pu."createdAt" DESC, mv.id DESC LIMIT 1) lv ON true
                     WHERE me."strategyId" = s.id AND me."archivedAt" IS NULL) x) AS measures
            FROM unnest(${ids}::int[]) AS s(id)`,
      ])
    : [[], []];
  type Row = {
    label: string;
    kind: MeasureKind;
    unit: string;
    target: number | null;
    direction: MeasureDirection;
    latestValue: number | null;
    latestPeriod: string | null;
  };
  const measuresBy = new Map<number, PlanMeasureFact[]>();
  const openBy = new Map<number, number>();
  for (const f of facts) {
    if (f.openMilestones > 0) openBy.set(f.strategyId, f.openMilestones);
    if (!f.measures) continue;
    measuresBy.set(
      f.strategyId,
      (JSON.parse(f.measures) as Row[]).map((m) => ({
        label: m.label,
        kind: m.kind,
        unit: m.unit,
        target: m.target,
        direction: m.direction,
        latest: m.latestValue !== null && m.latestPeriod !== null ? { value: m.latestValue, periodKey: m.latestPeriod } : null,
      })),
    );
  }
  return { lastBy: new Map(latest.map((r) => [r.strategyId, r._max.createdAt])), openBy, measuresBy };
}

/** A page size within bounds, and the asked page within the pages there are (crafted values included). */
function pageOf(total: number, pageSize: number, page: number): { size: number; totalPages: number; current: number } {
  const size = Math.min(Math.max(1, Math.floor(pageSize) || 1), MAX_PAGE_SIZE);
  const totalPages = Math.max(1, Math.ceil(total / size));
  return { size, totalPages, current: Math.min(Math.max(1, Math.floor(page) || 1), totalPages) };
}

export interface ObjectivesOfPlan {
  planTitle: string;
  objectives: { id: number; number: number; title: string }[];
}

/** A department's objectives, grouped by plan, newest plan first (the add form's choices). */
export async function departmentObjectives(ctx: ServiceContext, departmentId: number): Promise<ObjectivesOfPlan[]> {
  const plans = await ctx.prisma.plan.findMany({
    where: { departmentId },
    select: { title: true, objectives: { select: { id: true, number: true, title: true }, orderBy: { number: 'asc' } } },
    orderBy: [{ fiscalEndYear: 'desc' }, { id: 'desc' }],
  });
  return plans.map((p) => ({ planTitle: p.title, objectives: p.objectives }));
}

export interface CitywidePlanRow {
  id: number;
  key: string;
  title: string;
}

/** The citywide plans, newest first: where an ORSE admin may add a citywide strategy. */
export async function citywidePlans(ctx: ServiceContext): Promise<CitywidePlanRow[]> {
  return ctx.prisma.plan.findMany({
    where: { kind: 'CITYWIDE_PLAN' },
    select: { id: true, key: true, title: true },
    orderBy: [{ fiscalEndYear: 'desc' }, { id: 'desc' }],
  });
}

/** A citywide plan and its pillars (the add form's objectives); null when `planId` is not one. */
export async function citywidePillars(ctx: ServiceContext, planId: number): Promise<(CitywidePlanRow & ObjectivesOfPlan) | null> {
  const plan = await ctx.prisma.plan.findFirst({
    where: { id: planId, kind: 'CITYWIDE_PLAN' },
    select: { id: true, key: true, title: true, objectives: { select: { id: true, number: true, title: true }, orderBy: { number: 'asc' } } },
  });
  return plan && { id: plan.id, key: plan.key, title: plan.title, planTitle: plan.title, objectives: plan.objectives };
}

/**
 * The key of the newest ORSE work plan, or null when there is none. ORSE's work plan is
 * public to every member (its report is not gated), so this needs no actor.
 */
export async function latestWorkPlanKey(ctx: ServiceContext): Promise<string | null> {
  const plan = await ctx.prisma.plan.findFirst({
    where: { kind: 'ORSE_WORK_PLAN' },
    orderBy: [{ fiscalEndYear: 'desc' }, { id: 'desc' }],
    select: { key: true },
  });
  return plan?.key ?? null;
}
