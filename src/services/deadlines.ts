// "What is due for me": the person's open milestones and strategies that are overdue or
// due within the horizon, dated on the City's calendar. One query whatever the data.
import type { StrategyStatus } from '../generated/prisma/enums.js';
import { addDays, isoDateOf, todayIn } from '../domain/calendar-dates.js';
import { canCompleteMilestone, canManageDepartment, canReportOn, type Actor } from '../domain/permissions.js';
import { DUE_SOON_DAYS, daysUntil } from '../domain/status-summary.js';
import type { ServiceContext } from './service-context.js';
import { citywidePlanSql, scopeOf, strategyDepartment, strategyDepartmentId, strategyLabel } from './strategy-records.js';

export interface DeadlineItem {
  kind: 'milestone' | 'strategy';
  /** Milestone id or strategy id, per kind. */
  id: number;
  title: string;
  dueDate: string;
  /** Negative when overdue. */
  daysUntilDue: number;
  strategy: { id: number; label: string; citywidePlan?: string | null; text: string; status: StrategyStatus; version: number };
  plan: { key: string };
  department: { code: string } | null;
  /** Milestone reminders snoozed until this time (milestones only). */
  snoozedUntil: Date | null;
  /** Report progress on the strategy. */
  canUpdate: boolean;
  /** Edit, reassign, defer, close (the strategy, or the milestone's strategy). */
  canManage: boolean;
  /** Mark the milestone done: managers and the people its reminder goes to. False for strategies. */
  canComplete: boolean;
}

export interface MyDeadlines {
  today: string;
  horizonDays: number;
  /** Oldest first. */
  overdue: DeadlineItem[];
  /** Soonest first. */
  upcoming: DeadlineItem[];
}

/** The strategy a deadline is about, with where it sits: its department, plan and objective. */
export interface DeadlineStrategy {
  id: number;
  number: number;
  text: string;
  status: StrategyStatus;
  version: number;
  ownerId: number | null;
  // A citywide strategy is its lead department's: shown under it, managed by its equity lead.
  leadDepartmentId: number | null;
  leadDepartment: { code: string } | null;
  objective: { number: number; plan: { key: string; departmentId: number | null; department: { code: string } | null } };
  /** The citywide plan's title, null for a department plan's strategy (citywidePlanOf). */
  citywidePlan: string | null;
}

export interface DeadlineRows {
  /** By due date, then id. */
  milestones: { id: number; title: string; dueDate: Date; ownerId: number | null; snoozedUntil: Date | null; strategy: DeadlineStrategy }[];
  /** By due date, then id. */
  strategies: (DeadlineStrategy & { dueDate: Date })[];
}

interface DeadlineRow {
  kind: 'milestone' | 'strategy';
  milestoneId: number | null;
  title: string | null;
  milestoneOwnerId: number | null;
  snoozedUntil: Date | null;
  dueDate: Date;
  id: number;
  number: number;
  text: string;
  status: StrategyStatus;
  version: number;
  ownerId: number | null;
  leadDepartmentId: number | null;
  leadCode: string | null;
  objectiveNumber: number;
  planKey: string;
  planDepartmentId: number | null;
  planDepartmentCode: string | null;
  citywidePlan: string | null;
}

/**
 * The member's open milestones (their own, and the unowned ones of strategies they own) and
 * open strategies due on or before `until` (an ISO date), with where each strategy sits.
 * One statement, on every App Home: Prisma's nested selects (JSON built per row by
 * relationJoins) cost several times it on PGlite. Each branch starts from an index on the
 * owner, so the City's unowned milestones are never all read; where the strategy sits is
 * joined once, outside the branches, which halves the planning PGlite spends on it.
 * tests/integration/services/deadlines-read.test.ts holds it to the Prisma queries it replaced.
 */
export async function deadlineRows(ctx: Pick<ServiceContext, 'prisma'>, memberId: number, until: string): Promise<DeadlineRows> {
  const rows = await ctx.prisma.$queryRaw<DeadlineRow[]>`
    /* my deadlines */
    SELECT x.kind, x."milestoneId", x.title, x."milestoneOwnerId", x."snoozedUntil", x."dueDate",
           s.id, s.number, s.text, s.status::text AS status, s.version, s."ownerId", s."leadDepartmentId",
           ld.code AS "leadCode", o.number AS "objectiveNumber", p.key AS "planKey", p."departmentId" AS "planDepartmentId",
           pd.code AS "planDepartmentCode", ${citywidePlanSql} AS "citywidePlan"
      FROM (
        SELECT 'milestone' AS kind, mi.id AS "milestoneId", mi.title, mi."ownerId" AS "milestoneOwnerId", mi."snoozedUntil",
               mi."dueDate", mi."strategyId"
          FROM "Milestone" mi
         WHERE mi."ownerId" = ${memberId} AND mi."completedAt" IS NULL AND mi."dueDate" <= ${until}::date
        UNION ALL
        SELECT 'milestone', mi.id, mi.title, mi."ownerId", mi."snoozedUntil", mi."dueDate", mi."strategyId"
          FROM "Strategy" ms JOIN "Milestone" mi ON mi."strategyId" = ms.id
         WHERE ms."ownerId" = ${memberId} AND mi."ownerId" IS NULL AND mi."completedAt" IS NULL AND mi."dueDate" <= ${until}::date
        UNION ALL
        SELECT 'strategy', NULL, NULL, NULL, NULL, ss."dueDate", ss.id
          FROM "Strategy" ss
         WHERE ss."ownerId" = ${memberId} AND ss.status <> 'COMPLETED' AND ss."dueDate" <= ${until}::date
      ) x
      JOIN "Strategy" s ON s.id = x."strategyId"
      JOIN "Objective" o ON o.id = s."objectiveId"
      JOIN "Plan" p ON p.id = o."planId"
      LEFT JOIN "Department" pd ON pd.id = p."departmentId"
      LEFT JOIN "Department" ld ON ld.id = s."leadDepartmentId"
     WHERE s."archivedAt" IS NULL
     ORDER BY x.kind, x."dueDate", x."milestoneId", s.id`;
  const out: DeadlineRows = { milestones: [], strategies: [] };
  for (const r of rows) {
    const strategy: DeadlineStrategy = {
      id: r.id,
      number: r.number,
      text: r.text,
      status: r.status,
      version: r.version,
      ownerId: r.ownerId,
      leadDepartmentId: r.leadDepartmentId,
      leadDepartment: r.leadCode !== null ? { code: r.leadCode } : null,
      objective: {
        number: r.objectiveNumber,
        plan: { key: r.planKey, departmentId: r.planDepartmentId, department: r.planDepartmentCode !== null ? { code: r.planDepartmentCode } : null },
      },
      citywidePlan: r.citywidePlan,
    };
    if (r.kind === 'strategy') out.strategies.push({ ...strategy, dueDate: r.dueDate });
    else out.milestones.push({ id: r.milestoneId!, title: r.title!, dueDate: r.dueDate, ownerId: r.milestoneOwnerId, snoozedUntil: r.snoozedUntil, strategy });
  }
  return out;
}

export async function myDeadlines(ctx: ServiceContext, actor: Actor, now: Date = ctx.now(), options: { horizonDays?: number } = {}): Promise<MyDeadlines> {
  const horizonDays = options.horizonDays ?? DUE_SOON_DAYS;
  const today = todayIn(now, ctx.config.timeZone);
  const { milestones, strategies } = await deadlineRows(ctx, actor.memberId, addDays(today, horizonDays));

  const common = (s: DeadlineStrategy) => {
    const plan = s.objective.plan;
    return {
      strategy: { id: s.id, label: strategyLabel(s), citywidePlan: s.citywidePlan, text: s.text, status: s.status, version: s.version },
      plan: { key: plan.key },
      department: strategyDepartment(s),
      canUpdate: canReportOn(actor, scopeOf(s)),
    };
  };
  const items: DeadlineItem[] = [
    ...milestones.map((m) => {
      const dueDate = isoDateOf(m.dueDate);
      return {
        kind: 'milestone' as const,
        id: m.id,
        title: m.title,
        dueDate,
        daysUntilDue: daysUntil(dueDate, today),
        snoozedUntil: m.snoozedUntil,
        ...common(m.strategy),
        canManage: canManageDepartment(actor, strategyDepartmentId(m.strategy)),
        canComplete: canCompleteMilestone(actor, m, scopeOf(m.strategy)),
      };
    }),
    ...strategies.map((s) => {
      const dueDate = isoDateOf(s.dueDate);
      return {
        kind: 'strategy' as const,
        id: s.id,
        title: s.text,
        dueDate,
        daysUntilDue: daysUntil(dueDate, today),
        snoozedUntil: null,
        ...common(s),
        canManage: canManageDepartment(actor, strategyDepartmentId(s)),
        canComplete: false,
      };
    }),
  ].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.kind.localeCompare(b.kind) || a.id - b.id);

  return {
    today,
    horizonDays,
    overdue: items.filter((i) => i.dueDate < today),
    upcoming: items.filter((i) => i.dueDate >= today),
  };
}
