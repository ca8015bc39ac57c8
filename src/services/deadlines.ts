// "What is due for me": the person's open milestones and strategies that are overdue or
// due within the horizon, dated on the City's calendar. Two queries whatever the data.
import type { StrategyStatus } from '../generated/prisma/enums.js';
import { addDays, dbDate, isoDateOf, todayIn } from '../domain/calendar-dates.js';
import { canCompleteMilestone, canManageDepartment, canReportOn, type Actor } from '../domain/permissions.js';
import { DUE_SOON_DAYS, daysUntil } from '../domain/status-summary.js';
import type { ServiceContext } from './service-context.js';
import { citywidePlanOf, scopeOf, strategyDepartment, strategyDepartmentId, strategyLabel } from './strategy-records.js';

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

const strategyPlace = {
  id: true,
  number: true,
  text: true,
  status: true,
  version: true,
  ownerId: true,
  // A citywide strategy is its lead department's: shown under it, managed by its equity lead.
  leadDepartmentId: true,
  leadDepartment: { select: { code: true } },
  objective: { select: { number: true, plan: { select: { key: true, kind: true, title: true, departmentId: true, department: { select: { code: true } } } } } },
} as const;

export async function myDeadlines(ctx: ServiceContext, actor: Actor, now: Date = ctx.now(), options: { horizonDays?: number } = {}): Promise<MyDeadlines> {
  const horizonDays = options.horizonDays ?? DUE_SOON_DAYS;
  const today = todayIn(now, ctx.config.timeZone);
  const until = dbDate(addDays(today, horizonDays));
  const [milestones, strategies] = await Promise.all([
    ctx.prisma.milestone.findMany({
      where: {
        completedAt: null,
        dueDate: { lte: until },
        strategy: { archivedAt: null },
        // An unowned milestone is its strategy owner's to watch.
        OR: [{ ownerId: actor.memberId }, { ownerId: null, strategy: { ownerId: actor.memberId } }],
      },
      select: { id: true, title: true, dueDate: true, ownerId: true, snoozedUntil: true, strategy: { select: strategyPlace } },
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    }),
    ctx.prisma.strategy.findMany({
      where: { ownerId: actor.memberId, archivedAt: null, status: { not: 'COMPLETED' }, dueDate: { not: null, lte: until } },
      select: { ...strategyPlace, dueDate: true },
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    }),
  ]);

  type Place = (typeof strategies)[number];
  const common = (s: Place | (typeof milestones)[number]['strategy']) => {
    const plan = s.objective.plan;
    return {
      strategy: { id: s.id, label: strategyLabel(s), citywidePlan: citywidePlanOf(s), text: s.text, status: s.status, version: s.version },
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
      const dueDate = isoDateOf(s.dueDate!);
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
