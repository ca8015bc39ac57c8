// The weekly manager digest, as data: for each department a manager manages, what moved
// in the past week (status changes, completions, other updates), what is overdue or at
// risk, and whose strategies have no update for the current reporting period. Pure: the
// job loads rows for all managers at once (services/digests.ts) and this groups them.
//
// Rules, in the words of /reap status (domain/status-summary.ts):
// - overdue: not completed and due before today (City calendar); open milestones too;
// - at risk: due within DUE_SOON_DAYS and nobody reported on the strategy this period
//   (deferred work does not report, so it is never "at risk");
// - not reported: a strategy that expects reports (REPORTING_STATUSES) without an update
//   filed for a period starting on or after the department's current period start.
import { DateTime } from 'luxon';
import type { Language, ReportingCadence, Role, StrategyStatus } from '../generated/prisma/enums.js';
import type { FiscalPeriod } from './fiscal-calendar.js';
import { DUE_SOON_DAYS, REPORTING_STATUSES, isOverdue, reportingSummary, type ReportingSummary } from './status-summary.js';

export interface DigestPerson {
  slackUserId: string;
  name: string;
}

export interface DigestDepartment {
  id: number;
  code: string;
  name: string;
  reportingCadence: ReportingCadence;
}

export interface DigestStrategy {
  id: number;
  departmentId: number;
  /** "2.3" */
  label: string;
  /** The citywide plan's title, which the label names; null for a department plan's. */
  citywidePlan?: string | null;
  text: string;
  status: StrategyStatus;
  dueDate: string | null;
  owner: DigestPerson | null;
  /** Latest update's period start (ISO date), or null if never updated. */
  lastPeriodStart: string | null;
}

export interface DigestUpdate {
  id: number;
  strategyId: number;
  statusFrom: StrategyStatus;
  statusTo: StrategyStatus;
  createdAt: Date;
  author: DigestPerson;
  /** What the update says; the digest shows the start of it. */
  narrative: string;
}

/** An open (not completed) milestone. */
export interface DigestMilestone {
  id: number;
  strategyId: number;
  title: string;
  dueDate: string;
  owner: DigestPerson | null;
}

export interface StrategyRef {
  id: number;
  label: string;
  /** The citywide plan's title, which the label names; null for a department plan's. */
  citywidePlan?: string | null;
  text: string;
}

export interface DigestUpdateItem {
  updateId: number;
  strategy: StrategyRef;
  statusFrom: StrategyStatus;
  statusTo: StrategyStatus;
  at: Date;
  author: DigestPerson;
  narrative: string;
}

export interface DigestDueItem {
  kind: 'strategy' | 'milestone';
  /** Strategy id or milestone id, per kind. */
  id: number;
  /** The milestone's title; the strategy's text for strategies. */
  title: string;
  strategy: StrategyRef;
  dueDate: string;
  /** Negative when overdue. */
  daysUntilDue: number;
  owner: DigestPerson | null;
}

export interface NotReportedGroup {
  /** null: strategies without an owner. */
  owner: DigestPerson | null;
  strategies: StrategyRef[];
}

export interface DepartmentWeek {
  department: DigestDepartment;
  /** The department's reporting period containing the digest's date. */
  period: FiscalPeriod;
  totalStrategies: number;
  /** The digest's opening line, computed as App Home computes it (status-summary.ts). */
  summary: ReportingSummary;
  /** Updates filed in the week, whatever they say. */
  updateCount: number;
  /** statusTo COMPLETED from another status. */
  completions: DigestUpdateItem[];
  /** Other status changes (statusFrom ≠ statusTo). */
  statusChanges: DigestUpdateItem[];
  /** Updates that kept the status. */
  otherUpdates: DigestUpdateItem[];
  /** Oldest due date first. */
  overdue: DigestDueItem[];
  /** Soonest first. */
  atRisk: DigestDueItem[];
  /** By owner name; unowned strategies last. */
  notReported: NotReportedGroup[];
  notReportedCount: number;
}

export interface DepartmentWeekInput {
  department: DigestDepartment;
  period: FiscalPeriod;
  today: string;
  strategies: readonly DigestStrategy[];
  /** Updates of the week for this department's strategies. */
  updates: readonly DigestUpdate[];
  /** Open milestones of this department's strategies due up to today + horizon. */
  milestones: readonly DigestMilestone[];
  horizonDays?: number;
}

const ref = (s: DigestStrategy): StrategyRef => ({ id: s.id, label: s.label, citywidePlan: s.citywidePlan, text: s.text });

/** Compares "2.10" after "2.9". */
export function compareLabels(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Number.isNaN(d) ? a.localeCompare(b) : d;
  }
  return 0;
}

export function reportedThisPeriod(s: Pick<DigestStrategy, 'lastPeriodStart'>, period: Pick<FiscalPeriod, 'start'>): boolean {
  return s.lastPeriodStart !== null && s.lastPeriodStart >= period.start;
}

export function composeDepartmentWeek(input: DepartmentWeekInput): DepartmentWeek {
  const { department, period, today } = input;
  const horizon = input.horizonDays ?? DUE_SOON_DAYS;
  const byId = new Map(input.strategies.map((s) => [s.id, s]));
  // Whole days between ISO dates by arithmetic on UTC midnights (the same as daysUntil in
  // status-summary.ts, without building a DateTime per strategy for 1,800 of them).
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const daysUntil = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - todayMs) / 86_400_000);

  const updates = input.updates
    .filter((u) => byId.has(u.strategyId))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)
    .map<DigestUpdateItem>((u) => ({
      updateId: u.id,
      strategy: ref(byId.get(u.strategyId)!),
      statusFrom: u.statusFrom,
      statusTo: u.statusTo,
      at: u.createdAt,
      author: u.author,
      narrative: u.narrative,
    }));
  const completions = updates.filter((u) => u.statusTo === 'COMPLETED' && u.statusFrom !== 'COMPLETED');
  const statusChanges = updates.filter((u) => u.statusFrom !== u.statusTo && !(u.statusTo === 'COMPLETED' && u.statusFrom !== 'COMPLETED'));
  const otherUpdates = updates.filter((u) => u.statusFrom === u.statusTo);

  const due = (kind: DigestDueItem['kind'], id: number, title: string, s: DigestStrategy, dueDate: string, owner: DigestPerson | null): DigestDueItem => ({
    kind,
    id,
    title,
    strategy: ref(s),
    dueDate,
    daysUntilDue: daysUntil(dueDate),
    owner,
  });
  const overdue: DigestDueItem[] = [];
  const atRisk: DigestDueItem[] = [];
  for (const s of input.strategies) {
    if (!s.dueDate) continue;
    if (isOverdue(s, today)) overdue.push(due('strategy', s.id, s.text, s, s.dueDate, s.owner));
    // Due soon (isDueSoon): not completed, due today or within the horizon.
    else if (s.status !== 'DEFERRED' && s.status !== 'COMPLETED' && daysUntil(s.dueDate) <= horizon && !reportedThisPeriod(s, period)) {
      atRisk.push(due('strategy', s.id, s.text, s, s.dueDate, s.owner));
    }
  }
  for (const m of input.milestones) {
    const s = byId.get(m.strategyId);
    // A finished or set-aside strategy's leftover milestone is not news.
    if (!s || s.status === 'COMPLETED' || s.status === 'DEFERRED') continue;
    const owner = m.owner ?? s.owner;
    if (m.dueDate < today) overdue.push(due('milestone', m.id, m.title, s, m.dueDate, owner));
    else if (daysUntil(m.dueDate) <= horizon && !reportedThisPeriod(s, period)) atRisk.push(due('milestone', m.id, m.title, s, m.dueDate, owner));
  }
  const byDue = (a: DigestDueItem, b: DigestDueItem) =>
    a.dueDate.localeCompare(b.dueDate) || compareLabels(a.strategy.label, b.strategy.label) || a.kind.localeCompare(b.kind) || a.id - b.id;
  overdue.sort(byDue);
  atRisk.sort(byDue);

  const silent = input.strategies
    .filter((s) => REPORTING_STATUSES.includes(s.status) && !reportedThisPeriod(s, period))
    .sort((a, b) => compareLabels(a.label, b.label));
  const groups = new Map<string, NotReportedGroup>();
  for (const s of silent) {
    const key = s.owner?.slackUserId ?? '';
    const group = groups.get(key) ?? { owner: s.owner, strategies: [] };
    group.strategies.push(ref(s));
    groups.set(key, group);
  }
  const notReported = [...groups.values()].sort((a, b) => {
    if (!a.owner || !b.owner) return a.owner ? -1 : b.owner ? 1 : 0;
    return a.owner.name.localeCompare(b.owner.name) || a.owner.slackUserId.localeCompare(b.owner.slackUserId);
  });

  return {
    department,
    period,
    totalStrategies: input.strategies.length,
    summary: reportingSummary(input.strategies, today, period.start, horizon),
    updateCount: updates.length,
    completions,
    statusChanges,
    otherUpdates,
    overdue,
    atRisk,
    notReported,
    notReportedCount: silent.length,
  };
}

export interface DigestManager {
  memberId: number;
  slackUserId: string;
  name: string;
  roles: readonly Role[];
  active: boolean;
  language: Language | null;
  slackLocale: string | null;
  managedDepartmentIds: readonly number[];
  /** The member's WEEKLY_DIGEST subscription: null (none: the default is to send), or its active flag. */
  weeklyDigestSubscription: { active: boolean } | null;
}

export interface ManagerDigest {
  manager: DigestManager;
  /** Alphabetical by department name. */
  departments: DepartmentWeek[];
}

/** Active managers with departments who have not opted out. */
export function isDigestRecipient(m: DigestManager): boolean {
  return m.active && m.roles.includes('MANAGER') && m.managedDepartmentIds.length > 0 && m.weeklyDigestSubscription?.active !== false;
}

/** Each recipient's departments, from the weeks computed once per department. */
export function planManagerDigests(managers: readonly DigestManager[], weeks: ReadonlyMap<number, DepartmentWeek>): ManagerDigest[] {
  const out: ManagerDigest[] = [];
  for (const manager of managers) {
    if (!isDigestRecipient(manager)) continue;
    const departments = [...new Set(manager.managedDepartmentIds)]
      .map((id) => weeks.get(id))
      .filter((w): w is DepartmentWeek => w !== undefined)
      .sort((a, b) => a.department.name.localeCompare(b.department.name));
    if (departments.length) out.push({ manager, departments });
  }
  return out.sort((a, b) => a.manager.slackUserId.localeCompare(b.manager.slackUserId));
}

export interface DigestTotals {
  departments: number;
  updates: number;
  completions: number;
  overdue: number;
  atRisk: number;
  notReported: number;
}

export function digestTotals(departments: readonly DepartmentWeek[]): DigestTotals {
  return departments.reduce<DigestTotals>(
    (t, d) => ({
      departments: t.departments + 1,
      updates: t.updates + d.updateCount,
      completions: t.completions + d.completions.length,
      overdue: t.overdue + d.overdue.length,
      atRisk: t.atRisk + d.atRisk.length,
      notReported: t.notReported + d.notReportedCount,
    }),
    { departments: 0, updates: 0, completions: 0, overdue: 0, atRisk: 0, notReported: 0 },
  );
}

/**
 * The week a digest fired at `fireTime` covers: the seven calendar days before it in the
 * City's zone (so a DST change does not shift the start by an hour), [from, until).
 */
export function weeklyDigestWindow(fireTime: Date, zone: string): { from: Date; until: Date } {
  return { from: DateTime.fromJSDate(fireTime, { zone }).minus({ days: 7 }).toJSDate(), until: fireTime };
}
