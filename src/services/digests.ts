// What the weekly manager digest and the monthly REDI digest are made of, loaded for every
// recipient at once. The number of queries is fixed: it does not grow with the number of
// managers, departments, strategies or updates (rows are fetched in a few set-based queries
// over the union of everyone's departments and grouped in memory by the pure composers in
// domain/weekly-digest.ts and domain/redi-digest.ts). No authorization here: these are
// system jobs, and each manager only gets the departments ManagedDepartment gives them.
import { addDays, dbDate, isoDateOf, todayIn } from '../domain/calendar-dates.js';
import { periodContaining } from '../domain/fiscal-calendar.js';
import { SHAREABLE_VISIBILITIES, composeRediDigest, type RediDigest, type RediUpdateRow } from '../domain/redi-digest.js';
import { DUE_SOON_DAYS } from '../domain/status-summary.js';
import {
  composeDepartmentWeek,
  isDigestRecipient,
  planManagerDigests,
  type DepartmentWeek,
  type DigestManager,
  type DigestStrategy,
  type ManagerDigest,
} from '../domain/weekly-digest.js';
import type { Language } from '../generated/prisma/enums.js';
import type { ServiceContext } from './service-context.js';
import { citywidePlanOf, inStrategyDepartments, strategyDepartment, strategyDepartmentId, strategyLabel } from './strategy-records.js';

// ---------------------------------------------------------------------------------------
// Weekly manager digest

export interface WeeklyDigestData {
  /** The City's date the digest speaks of (the day of `until`). */
  today: string;
  from: Date;
  until: Date;
  /** One per manager who gets a digest, by Slack id. */
  digests: ManagerDigest[];
  /** Managers left out because they turned the digest off. */
  optedOut: number;
}

/**
 * Every manager's week, [from, until). Six queries at most: managers (with their
 * departments and subscription), then departments, strategies, the week's updates, the
 * latest reporting period per strategy and open milestones, for all managers together.
 */
export async function loadWeeklyDigests(ctx: ServiceContext, window: { from: Date; until: Date }): Promise<WeeklyDigestData> {
  const zone = ctx.config.timeZone;
  const { from, until } = window;
  const today = todayIn(until, zone);
  // The MANAGER role is checked in memory (isDigestRecipient): Prisma's `has` on an enum
  // array does not bind on the PGlite adapter, and only managers have ManagedDepartment rows.
  const rows = await ctx.prisma.member.findMany({
    where: { active: true, managedDepartments: { some: {} } },
    select: {
      id: true,
      slackUserId: true,
      name: true,
      roles: true,
      active: true,
      language: true,
      slackLocale: true,
      managedDepartments: { select: { departmentId: true } },
      subscriptions: { where: { kind: 'WEEKLY_DIGEST' }, select: { active: true } },
    },
    orderBy: { slackUserId: 'asc' },
  });
  const managers: DigestManager[] = rows.map((m) => ({
    memberId: m.id,
    slackUserId: m.slackUserId,
    name: m.name,
    roles: m.roles,
    active: m.active,
    language: m.language,
    slackLocale: m.slackLocale,
    managedDepartmentIds: m.managedDepartments.map((d) => d.departmentId),
    weeklyDigestSubscription: m.subscriptions[0] ?? null,
  }));
  const recipients = managers.filter(isDigestRecipient);
  const optedOut = managers.filter((m) => m.weeklyDigestSubscription?.active === false).length;
  const departmentIds = [...new Set(recipients.flatMap((m) => m.managedDepartmentIds))].sort((a, b) => a - b);
  if (departmentIds.length === 0) return { today, from, until, digests: [], optedOut };

  // The earliest period any department can be in: monthly periods start inside their quarter.
  const quarterStart = periodContaining(until, zone, 'QUARTERLY').start;
  // A citywide strategy is in its lead department's week; its partners' managers do not get it.
  const [departments, strategies] = await Promise.all([
    ctx.prisma.department.findMany({
      where: { id: { in: departmentIds } },
      select: { id: true, code: true, name: true, reportingCadence: true },
    }),
    ctx.prisma.strategy.findMany({
      where: { archivedAt: null, ...inStrategyDepartments(departmentIds) },
      select: {
        id: true,
        number: true,
        text: true,
        status: true,
        dueDate: true,
        leadDepartmentId: true,
        owner: { select: { slackUserId: true, name: true } },
        objective: { select: { number: true, plan: { select: { kind: true, title: true, departmentId: true } } } },
      },
    }),
  ]);
  // Updates and milestones by the ids just read: the department filter under them would
  // join every update of the City.
  const strategyIds = strategies.map((s) => s.id);
  const [updates, latest, milestones] = await Promise.all([
    ctx.prisma.progressUpdate.findMany({
      where: { createdAt: { gte: from, lt: until }, strategyId: { in: strategyIds } },
      select: {
        id: true,
        strategyId: true,
        statusFrom: true,
        statusTo: true,
        createdAt: true,
        narrative: true,
        author: { select: { slackUserId: true, name: true } },
      },
    }),
    ctx.prisma.progressUpdate.groupBy({
      by: ['strategyId'],
      where: { periodStart: { gte: dbDate(quarterStart) }, strategyId: { in: strategyIds } },
      _max: { periodStart: true },
    }),
    ctx.prisma.milestone.findMany({
      where: {
        completedAt: null,
        dueDate: { lte: dbDate(addDays(today, DUE_SOON_DAYS)) },
        strategyId: { in: strategies.filter((s) => s.status !== 'COMPLETED' && s.status !== 'DEFERRED').map((s) => s.id) },
      },
      select: { id: true, strategyId: true, title: true, dueDate: true, owner: { select: { slackUserId: true, name: true } } },
    }),
  ]);

  const lastPeriodStart = new Map(latest.map((r) => [r.strategyId, r._max.periodStart ? isoDateOf(r._max.periodStart) : null]));
  const strategiesByDepartment = groupBy(
    strategies.map<DigestStrategy>((s) => ({
      id: s.id,
      departmentId: strategyDepartmentId(s)!,
      label: strategyLabel(s),
      citywidePlan: citywidePlanOf(s),
      text: s.text,
      status: s.status,
      dueDate: s.dueDate ? isoDateOf(s.dueDate) : null,
      owner: s.owner,
      lastPeriodStart: lastPeriodStart.get(s.id) ?? null,
    })),
    (s) => s.departmentId,
  );
  const departmentOf = new Map(strategies.map((s) => [s.id, strategyDepartmentId(s)!]));
  const updatesByDepartment = groupBy(updates, (u) => departmentOf.get(u.strategyId) ?? -1);
  const milestonesByDepartment = groupBy(
    milestones.map((m) => ({ ...m, dueDate: isoDateOf(m.dueDate) })),
    (m) => departmentOf.get(m.strategyId) ?? -1,
  );

  const weeks = new Map<number, DepartmentWeek>();
  for (const d of departments) {
    weeks.set(
      d.id,
      composeDepartmentWeek({
        department: d,
        period: periodContaining(until, zone, d.reportingCadence),
        today,
        strategies: strategiesByDepartment.get(d.id) ?? [],
        updates: updatesByDepartment.get(d.id) ?? [],
        milestones: milestonesByDepartment.get(d.id) ?? [],
      }),
    );
  }
  return { today, from, until, digests: planManagerDigests(recipients, weeks), optedOut };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Monthly REDI digest

/** AppSetting naming the REDI network's channel; unset means the digest goes only to DMs. */
export const REDI_CHANNEL_SETTING = 'redi.channelId';

/** How far back a practice may answer this month's roadblock ("already solved it"). */
export const REDI_HINT_LOOKBACK_DAYS = 365;

const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

/** The setting's value: "C0REDI" or { "channelId": "C0REDI" }; anything else counts as unset. */
export function parseRediChannelSetting(value: unknown): string | null {
  const raw = typeof value === 'string' ? value : value && typeof value === 'object' ? (value as { channelId?: unknown }).channelId : null;
  return typeof raw === 'string' && CHANNEL_ID.test(raw.trim()) ? raw.trim() : null;
}

export interface RediMemberRecipient {
  slackUserId: string;
  language: Language | null;
  slackLocale: string | null;
}

export interface RediDigestData {
  digest: RediDigest;
  channelId: string | null;
  /** Active members with an active REDI_DIGEST subscription, by Slack id. */
  members: RediMemberRecipient[];
}

/** Three queries: the channel setting, the subscribers, the shareable updates. */
export async function loadRediDigest(ctx: ServiceContext, window: { from: Date; until: Date }): Promise<RediDigestData> {
  const { from, until } = window;
  const lookback = new Date(Math.min(from.getTime(), until.getTime() - REDI_HINT_LOOKBACK_DAYS * 86_400_000));
  const [setting, subscriptions, updates] = await Promise.all([
    ctx.prisma.appSetting.findUnique({ where: { key: REDI_CHANNEL_SETTING } }),
    ctx.prisma.digestSubscription.findMany({
      where: { kind: 'REDI_DIGEST', active: true, member: { active: true } },
      select: { member: { select: { slackUserId: true, language: true, slackLocale: true } } },
    }),
    ctx.prisma.progressUpdate.findMany({
      where: {
        // Never INTERNAL: only what the author chose to share goes any further.
        visibility: { in: [...SHAREABLE_VISIBILITIES] },
        createdAt: { gte: lookback, lt: until },
        strategy: { archivedAt: null },
        OR: [{ practices: { not: '' } }, { roadblocks: { not: '' } }, { helpNeeded: { not: '' } }],
      },
      select: {
        id: true,
        visibility: true,
        createdAt: true,
        practices: true,
        roadblocks: true,
        helpNeeded: true,
        strategy: {
          select: {
            id: true,
            number: true,
            text: true,
            // A citywide strategy's practices are its lead department's, as in the weekly digest.
            leadDepartment: { select: { id: true, code: true, name: true } },
            objective: {
              select: { number: true, plan: { select: { key: true, kind: true, title: true, department: { select: { id: true, code: true, name: true } } } } },
            },
          },
        },
      },
    }),
  ]);
  const rows: RediUpdateRow[] = updates.map((u) => {
    const plan = u.strategy.objective.plan;
    return {
      id: u.id,
      visibility: u.visibility,
      createdAt: u.createdAt,
      department: strategyDepartment(u.strategy) ?? { id: null, code: plan.key, name: plan.title },
      strategy: { id: u.strategy.id, label: strategyLabel(u.strategy), citywidePlan: citywidePlanOf(u.strategy), text: u.strategy.text },
      practices: u.practices,
      roadblocks: u.roadblocks,
      helpNeeded: u.helpNeeded,
    };
  });
  const members = subscriptions.map((s) => s.member).sort((a, b) => a.slackUserId.localeCompare(b.slackUserId));
  return { digest: composeRediDigest({ from, until, updates: rows }), channelId: parseRediChannelSetting(setting?.value), members };
}
