// Deadline reminders: which open milestones and strategies a person is reminded of on a
// given City business day. Pure, so the calendar rules are tested without a database.
//
// The rules:
// - Before the due date: on each of `offsetDays` days before it (default 7 and 1). A date
//   on a weekend or holiday moves to the business day before it (the early window).
// - Overdue: the day after the due date, then every `overdueEveryDays` (default 7) while the
//   item stays open. A date on a weekend or holiday moves to the business day after it
//   (the late window): an item is never called overdue before it is.
// - Snoozed items are hidden until the snooze ends (the first City day it no longer
//   covers); that day, moved like "overdue", brings the item back once.
// - Nothing for items whose strategy already has an update in its department's current
//   reporting period (reporting on the strategy covers its milestones too), nothing to
//   inactive members, nothing for completed or deferred work.
// - The job runs on business days only; one DM per person per day lists all their items.
import { DateTime } from 'luxon';
import type { Language, Role, StrategyStatus } from '../generated/prisma/enums.js';
import { addDays, daysBetween } from './calendar-dates.js';
import { earlyWindow, inRange, isBusinessDay, lateWindow, type HolidaySet } from './business-days.js';
import { canManageDepartment, canReportOn, type Actor } from './permissions.js';

export interface ReminderRules {
  /** Days before the due date a reminder goes out (0 = on the due date). */
  offsetDays: readonly number[];
  /** Overdue reminders: the day after the due date, then every this many days. */
  overdueEveryDays: number;
}

export const DEFAULT_REMINDER_RULES: ReminderRules = { offsetDays: [7, 1], overdueEveryDays: 7 };

/** "Snooze a week". */
export const REMINDER_SNOOZE_DAYS = 7;

/** Offsets beyond this make no sense for a reminder and would widen every query. */
export const MAX_OFFSET_DAYS = 90;

export type ReminderReason = { kind: 'before'; offsetDays: number } | { kind: 'overdue' } | { kind: 'snooze-ended' };

export interface ReminderRecipient {
  memberId: number;
  slackUserId: string;
  name: string;
  language: Language | null;
  slackLocale: string | null;
  roles: readonly Role[];
  departmentId: number | null;
  active: boolean;
}

export interface ReminderCandidate {
  kind: 'milestone' | 'strategy';
  /** Milestone id or strategy id, per kind. */
  id: number;
  title: string;
  /** ISO date. */
  dueDate: string;
  strategy: {
    id: number;
    /** "2.3" */
    label: string;
    /** The citywide plan's title, which the label names; null for a department plan's. */
    citywidePlan?: string | null;
    text: string;
    status: StrategyStatus;
    ownerId: number | null;
    departmentId: number | null;
    departmentCode: string | null;
  };
  /** The milestone's owner, else its strategy's owner; the strategy's owner for a strategy. */
  recipient: ReminderRecipient;
  /** First City date the item is no longer snoozed (see snoozeEndDate), or null. */
  snoozeEnd: string | null;
  /** The strategy has an update in its department's current reporting period. */
  reportedThisPeriod: boolean;
}

export interface DueReminder extends ReminderCandidate {
  reason: ReminderReason;
  /** Negative when overdue. */
  daysUntilDue: number;
  /** Whether to show Submit update: the recipient may report on the strategy (a milestone owner from elsewhere may not). */
  canUpdate: boolean;
  /** Whether to show Mark done: always for milestones (the recipient owns it), leads and admins for strategies. */
  canMarkDone: boolean;
}

export interface RecipientReminders {
  recipient: ReminderRecipient;
  /** Overdue first (oldest first), then the soonest due. */
  items: DueReminder[];
}

const CLOSED: readonly StrategyStatus[] = ['COMPLETED', 'DEFERRED'];

/** Whole, non-negative, distinct offsets in range; anything else is dropped. */
export function normalizeOffsets(values: readonly unknown[]): number[] {
  const ok = values.filter((v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_OFFSET_DAYS);
  return [...new Set(ok)].sort((a, b) => a - b);
}

/** Why the item is due a reminder on business day `today`, or null. */
export function reminderReason(
  item: { dueDate: string; snoozeEnd: string | null },
  today: string,
  holidays: HolidaySet,
  rules: ReminderRules,
): ReminderReason | null {
  if (!isBusinessDay(today, holidays)) return null;
  if (item.snoozeEnd !== null && item.snoozeEnd > today) return null;
  const early = earlyWindow(today, holidays);
  for (const offset of normalizeOffsets(rules.offsetDays)) {
    if (inRange(addDays(item.dueDate, -offset), early)) return { kind: 'before', offsetDays: offset };
  }
  const late = lateWindow(today, holidays);
  const every = Math.max(1, Math.floor(rules.overdueEveryDays));
  for (let day = late.from; day <= late.to; day = addDays(day, 1)) {
    const overdueBy = daysBetween(item.dueDate, day);
    if (overdueBy >= 1 && (overdueBy - 1) % every === 0) return { kind: 'overdue' };
  }
  if (item.snoozeEnd !== null && inRange(item.snoozeEnd, late)) return { kind: 'snooze-ended' };
  return null;
}

/**
 * The latest due date worth loading for `today`: reminders before the due date reach at
 * most the largest offset past the early window. Everything overdue is loaded too.
 */
export function latestDueDateToLoad(today: string, holidays: HolidaySet, rules: ReminderRules): string {
  const offsets = normalizeOffsets(rules.offsetDays);
  return addDays(earlyWindow(today, holidays).to, offsets.at(-1) ?? 0);
}

function asActor(r: ReminderRecipient): Actor {
  return {
    memberId: r.memberId,
    slackUserId: r.slackUserId,
    name: r.name,
    roles: r.roles,
    departmentId: r.departmentId,
    departmentCode: null,
    managedDepartmentIds: [],
    active: r.active,
    language: r.language,
  };
}

/** Who gets which reminders on business day `today`: one entry per person, none without items. */
export function selectReminders(candidates: readonly ReminderCandidate[], today: string, holidays: HolidaySet, rules: ReminderRules): RecipientReminders[] {
  if (!isBusinessDay(today, holidays)) return [];
  const byRecipient = new Map<string, RecipientReminders>();
  for (const c of candidates) {
    if (!c.recipient.active || c.reportedThisPeriod || CLOSED.includes(c.strategy.status)) continue;
    const reason = reminderReason(c, today, holidays, rules);
    if (!reason) continue;
    const actor = asActor(c.recipient);
    const canMarkDone = c.kind === 'milestone' || canManageDepartment(actor, c.strategy.departmentId);
    const canUpdate = canReportOn(actor, { departmentId: c.strategy.departmentId, ownerId: c.strategy.ownerId });
    const item: DueReminder = { ...c, reason, daysUntilDue: daysBetween(today, c.dueDate), canUpdate, canMarkDone };
    const entry = byRecipient.get(c.recipient.slackUserId) ?? { recipient: c.recipient, items: [] };
    entry.items.push(item);
    byRecipient.set(c.recipient.slackUserId, entry);
  }
  const order = (a: DueReminder, b: DueReminder) => a.dueDate.localeCompare(b.dueDate) || a.kind.localeCompare(b.kind) || a.id - b.id;
  return [...byRecipient.values()]
    .map((r) => ({ ...r, items: r.items.sort(order) }))
    .sort((a, b) => a.recipient.slackUserId.localeCompare(b.recipient.slackUserId));
}

/**
 * The first City date a snooze no longer covers: the date of `until` when it is exactly a
 * City midnight (how the app snoozes), else the day after.
 */
export function snoozeEndDate(until: Date, zone: string): string {
  const local = DateTime.fromJSDate(until, { zone });
  const day = local.toISODate()!;
  return local.equals(local.startOf('day')) ? day : addDays(day, 1);
}

/**
 * "Snooze a week" from `today`: hidden through today + days − 1, back on today + days.
 * City midnight, computed on the calendar so a week across a clock change is still 7 days.
 */
export function snoozeUntil(today: string, zone: string, days = REMINDER_SNOOZE_DAYS): Date {
  return DateTime.fromISO(addDays(today, days), { zone }).startOf('day').toJSDate();
}
