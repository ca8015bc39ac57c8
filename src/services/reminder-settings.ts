// The AppSetting values the reminder and prompt jobs read, and the strategy snoozes kept
// there. An ORSE admin (or an operator with SQL) sets, for example:
//
//   reminders.offsetDays                 [7, 1]   days before a due date to remind (0 = on the day)
//   reminders.overdueEveryDays           7        overdue: the day after the due date, then every N days
//   prompts.nudgeBusinessDaysBeforeEnd   5        nudge non-reporters on the Nth-last business day of a period
//
// A missing or malformed value falls back to the default (and the job logs why), so a typo
// in a setting never stops reminders.
//
// Strategies have no snooze column (Milestone.snoozedUntil has no Strategy twin), so a
// strategy's snooze lives in AppSetting under "reminders.snooze.strategy.<id>" as
// { "until": ISO instant, "by": Slack user id }: one row per strategy, replaced by the next
// snooze, read by the job in the same query as the settings.
import type { Prisma } from '../db/client.js';
import { DEFAULT_REMINDER_RULES, MAX_OFFSET_DAYS, normalizeOffsets, type ReminderRules } from '../domain/reminders.js';
import { DEFAULT_NUDGE_BUSINESS_DAYS, MAX_NUDGE_BUSINESS_DAYS } from '../domain/update-prompts.js';
import type { Prisma as PrismaNS } from '../generated/prisma/client.js';
import type { Tx } from './service-context.js';

export const REMINDER_SETTING_KEYS = {
  offsetDays: 'reminders.offsetDays',
  overdueEveryDays: 'reminders.overdueEveryDays',
  nudgeBusinessDays: 'prompts.nudgeBusinessDaysBeforeEnd',
} as const;

export const STRATEGY_SNOOZE_PREFIX = 'reminders.snooze.strategy.';

export const strategySnoozeKey = (strategyId: number): string => `${STRATEGY_SNOOZE_PREFIX}${strategyId}`;

export interface ReminderSettings {
  rules: ReminderRules;
  nudgeBusinessDays: number;
  /** Settings that were present but unusable, in words for the log. */
  problems: string[];
}

type Row = { key: string; value: PrismaNS.JsonValue };

const wholeIn = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** The settings from their rows; pure so the fallbacks are easy to test. */
export function parseReminderSettings(rows: readonly Row[]): ReminderSettings {
  const value = new Map(rows.map((r) => [r.key, r.value]));
  const problems: string[] = [];
  let offsetDays = [...DEFAULT_REMINDER_RULES.offsetDays];
  let overdueEveryDays = DEFAULT_REMINDER_RULES.overdueEveryDays;
  let nudgeBusinessDays = DEFAULT_NUDGE_BUSINESS_DAYS;

  if (value.has(REMINDER_SETTING_KEYS.offsetDays)) {
    const raw = value.get(REMINDER_SETTING_KEYS.offsetDays);
    const list = Array.isArray(raw) ? raw : [raw];
    const ok = normalizeOffsets(list);
    if (list.length > 0 && list.every((v) => wholeIn(v, 0, MAX_OFFSET_DAYS))) offsetDays = ok;
    else problems.push(`${REMINDER_SETTING_KEYS.offsetDays} should be a list of whole days 0-${MAX_OFFSET_DAYS}, e.g. [7, 1]; got ${JSON.stringify(raw)}`);
  }
  if (value.has(REMINDER_SETTING_KEYS.overdueEveryDays)) {
    const raw = value.get(REMINDER_SETTING_KEYS.overdueEveryDays);
    if (wholeIn(raw, 1, 365)) overdueEveryDays = raw;
    else problems.push(`${REMINDER_SETTING_KEYS.overdueEveryDays} should be a whole number of days 1-365; got ${JSON.stringify(raw)}`);
  }
  if (value.has(REMINDER_SETTING_KEYS.nudgeBusinessDays)) {
    const raw = value.get(REMINDER_SETTING_KEYS.nudgeBusinessDays);
    if (wholeIn(raw, 1, MAX_NUDGE_BUSINESS_DAYS)) nudgeBusinessDays = raw;
    else problems.push(`${REMINDER_SETTING_KEYS.nudgeBusinessDays} should be a whole number 1-${MAX_NUDGE_BUSINESS_DAYS}; got ${JSON.stringify(raw)}`);
  }
  return { rules: { offsetDays, overdueEveryDays }, nudgeBusinessDays, problems };
}

/** Strategy id → snoozed until, from the snooze rows (unreadable rows are ignored). */
export function parseStrategySnoozes(rows: readonly Row[]): Map<number, Date> {
  const out = new Map<number, Date>();
  for (const r of rows) {
    if (!r.key.startsWith(STRATEGY_SNOOZE_PREFIX)) continue;
    const id = Number(r.key.slice(STRATEGY_SNOOZE_PREFIX.length));
    const until = r.value && typeof r.value === 'object' && !Array.isArray(r.value) ? (r.value as { until?: unknown }).until : undefined;
    const at = typeof until === 'string' ? new Date(until) : null;
    if (Number.isInteger(id) && id > 0 && at && !Number.isNaN(at.getTime())) out.set(id, at);
  }
  return out;
}

/** Settings and strategy snoozes in one query. */
export async function loadReminderSettings(db: Prisma | Tx): Promise<ReminderSettings & { strategySnoozes: Map<number, Date> }> {
  const rows = await db.appSetting.findMany({
    where: { OR: [{ key: { in: Object.values(REMINDER_SETTING_KEYS) } }, { key: { startsWith: STRATEGY_SNOOZE_PREFIX } }] },
    select: { key: true, value: true },
  });
  return { ...parseReminderSettings(rows), strategySnoozes: parseStrategySnoozes(rows) };
}
