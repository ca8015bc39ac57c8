// What the deadline-reminders job chooses from: every open milestone and strategy that could
// be due a reminder today, with the person it goes to, whether it is snoozed and whether its
// strategy was already reported this period. Three queries however many people and items
// there are (plus the settings and holidays the job reads once); domain/reminders.ts decides.
import { isoDateOf } from '../domain/calendar-dates.js';
import { periodContaining } from '../domain/fiscal-calendar.js';
import { snoozeEndDate, type ReminderCandidate, type ReminderRecipient } from '../domain/reminders.js';
import { REPORTING_STATUSES } from '../domain/status-summary.js';
import type { ServiceContext } from './service-context.js';
import { citywidePlanOf, strategyDepartment, strategyDepartmentId, strategyLabel } from './strategy-records.js';

const recipientSelect = {
  id: true,
  slackUserId: true,
  name: true,
  language: true,
  slackLocale: true,
  roles: true,
  departmentId: true,
  active: true,
} as const;

const strategySelect = {
  id: true,
  number: true,
  text: true,
  status: true,
  // A citywide strategy reports on its lead department's cadence (strategyDepartment).
  leadDepartmentId: true,
  leadDepartment: { select: { code: true, reportingCadence: true } },
  objective: {
    select: { number: true, plan: { select: { kind: true, title: true, departmentId: true, department: { select: { code: true, reportingCadence: true } } } } },
  },
  owner: { select: recipientSelect },
} as const;

type RecipientRow = {
  id: number;
  slackUserId: string;
  name: string;
  language: ReminderRecipient['language'];
  slackLocale: string | null;
  roles: ReminderRecipient['roles'];
  departmentId: number | null;
  active: boolean;
};

const recipientOf = (m: RecipientRow): ReminderRecipient => ({
  memberId: m.id,
  slackUserId: m.slackUserId,
  name: m.name,
  language: m.language,
  slackLocale: m.slackLocale,
  roles: m.roles,
  departmentId: m.departmentId,
  active: m.active,
});

export interface CandidateQuery {
  /** The City's date of the run. */
  today: string;
  /** Load nothing due after this ISO date (domain/reminders.ts latestDueDateToLoad). */
  latestDueDate: string;
  /** The instant of the run: decides the reporting periods. */
  at: Date;
  /** Strategy snoozes from AppSetting (reminder-settings.ts). */
  strategySnoozes: ReadonlyMap<number, Date>;
}

export async function loadReminderCandidates(ctx: ServiceContext, q: CandidateQuery): Promise<ReminderCandidate[]> {
  const zone = ctx.config.timeZone;
  const until = new Date(`${q.latestDueDate}T00:00:00.000Z`);
  const openStrategy = { archivedAt: null, status: { in: [...REPORTING_STATUSES] } };
  const quarter = periodContaining(q.at, zone, 'QUARTERLY');
  const month = periodContaining(q.at, zone, 'MONTHLY');

  const [milestones, strategies, reported] = await Promise.all([
    ctx.prisma.milestone.findMany({
      where: {
        completedAt: null,
        dueDate: { lte: until },
        strategy: openStrategy,
        OR: [{ owner: { active: true } }, { strategy: { owner: { active: true } } }],
      },
      select: { id: true, title: true, dueDate: true, snoozedUntil: true, owner: { select: recipientSelect }, strategy: { select: strategySelect } },
      orderBy: { id: 'asc' },
    }),
    ctx.prisma.strategy.findMany({
      where: { ...openStrategy, dueDate: { not: null, lte: until }, owner: { active: true } },
      select: { ...strategySelect, dueDate: true },
      orderBy: { id: 'asc' },
    }),
    // Updates filed for a period starting this quarter or later: the only ones that can
    // count as "this period" for a monthly or a quarterly department.
    ctx.prisma.progressUpdate.groupBy({
      by: ['strategyId'],
      where: { periodStart: { gte: new Date(`${quarter.start}T00:00:00.000Z`) }, strategy: openStrategy },
      _max: { periodStart: true },
    }),
  ]);

  const latestPeriodStart = new Map(reported.map((r) => [r.strategyId, r._max.periodStart ? isoDateOf(r._max.periodStart) : null]));
  type StrategyRow = (typeof strategies)[number] | (typeof milestones)[number]['strategy'];
  const place = (s: StrategyRow) => {
    const department = strategyDepartment(s);
    const periodStart = department?.reportingCadence === 'MONTHLY' ? month.start : quarter.start;
    const last = latestPeriodStart.get(s.id) ?? null;
    return {
      strategy: {
        id: s.id,
        label: strategyLabel(s),
        citywidePlan: citywidePlanOf(s),
        text: s.text,
        status: s.status,
        ownerId: s.owner?.id ?? null,
        departmentId: strategyDepartmentId(s),
        departmentCode: department?.code ?? null,
      },
      reportedThisPeriod: last !== null && last >= periodStart,
    };
  };

  const out: ReminderCandidate[] = [];
  for (const m of milestones) {
    // An unowned milestone, or one whose owner left, is its strategy owner's to watch.
    const who = m.owner?.active ? m.owner : m.strategy.owner?.active ? m.strategy.owner : null;
    if (!who) continue;
    out.push({
      kind: 'milestone',
      id: m.id,
      title: m.title,
      dueDate: isoDateOf(m.dueDate),
      recipient: recipientOf(who),
      snoozeEnd: m.snoozedUntil ? snoozeEndDate(m.snoozedUntil, zone) : null,
      ...place(m.strategy),
    });
  }
  for (const s of strategies) {
    if (!s.owner || !s.dueDate) continue;
    const snoozed = q.strategySnoozes.get(s.id);
    out.push({
      kind: 'strategy',
      id: s.id,
      title: s.text,
      dueDate: isoDateOf(s.dueDate),
      recipient: recipientOf(s.owner),
      snoozeEnd: snoozed ? snoozeEndDate(snoozed, zone) : null,
      ...place(s),
    });
  }
  return out;
}
