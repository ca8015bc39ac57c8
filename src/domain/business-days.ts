// The City's working calendar: Monday to Friday, minus the City holidays in the Holiday
// table. Dates are ISO "YYYY-MM-DD" strings (calendar dates, no time zone), so a run at
// 08:00 in the week clocks change is the same day as any other.
//
// Reminders and prompts only go out on business days. How a date that falls on a weekend
// or holiday is moved depends on what the message says:
//   - "due in N days" and "a period starts" may come early (the last business day on or
//     before the date), so a reminder for a Tuesday deadline after a Monday holiday
//     arrives on the Friday, not on the deadline itself;
//   - "overdue" and "your snooze is over" may never come early (the first business day
//     on or after the date), so nobody is told something is overdue before it is.
import { DateTime } from 'luxon';
import { addDays } from './calendar-dates.js';

/** ISO dates of City holidays. */
export type HolidaySet = ReadonlySet<string>;

// A year without a single business day means the holiday table is broken; stop rather
// than loop forever.
const MAX_SCAN_DAYS = 366;

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(iso: string): number {
  const d = DateTime.fromISO(iso, { zone: 'UTC' });
  if (!d.isValid) throw new Error(`not a calendar date: ${iso}`);
  return d.weekday;
}

export const isWeekend = (iso: string): boolean => weekdayOf(iso) >= 6;

export function isBusinessDay(iso: string, holidays: HolidaySet): boolean {
  return !isWeekend(iso) && !holidays.has(iso);
}

function scan(from: string, step: 1 | -1, holidays: HolidaySet): string {
  let day = from;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    if (isBusinessDay(day, holidays)) return day;
    day = addDays(day, step);
  }
  throw new Error(`no business day within ${MAX_SCAN_DAYS} days of ${from}: check the holiday list`);
}

/** The date itself when it is a business day, else the next one. */
export const businessDayOnOrAfter = (iso: string, holidays: HolidaySet): string => scan(iso, 1, holidays);

/** The date itself when it is a business day, else the one before. */
export const businessDayOnOrBefore = (iso: string, holidays: HolidaySet): string => scan(iso, -1, holidays);

/** The first business day strictly after the date. */
export const nextBusinessDay = (iso: string, holidays: HolidaySet): string => scan(addDays(iso, 1), 1, holidays);

/** The last business day strictly before the date. */
export const previousBusinessDay = (iso: string, holidays: HolidaySet): string => scan(addDays(iso, -1), -1, holidays);

/** Inclusive ISO date range. */
export interface DateRange {
  from: string;
  to: string;
}

export const inRange = (iso: string, r: DateRange): boolean => iso >= r.from && iso <= r.to;

/**
 * Dates whose early-moved message goes out on business day `today`: today up to the day
 * before the next business day (Friday → Friday..Sunday, or ..Monday before a Monday holiday).
 */
export function earlyWindow(today: string, holidays: HolidaySet): DateRange {
  return { from: today, to: addDays(nextBusinessDay(today, holidays), -1) };
}

/**
 * Dates whose late-moved message goes out on business day `today`: the day after the
 * previous business day up to today (Monday → Saturday..Monday, Tuesday after a Monday
 * holiday → Saturday..Tuesday).
 */
export function lateWindow(today: string, holidays: HolidaySet): DateRange {
  return { from: addDays(previousBusinessDay(today, holidays), 1), to: today };
}

/** Business days of an inclusive range, in order. */
export function businessDaysIn(range: DateRange, holidays: HolidaySet): string[] {
  const out: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    if (isBusinessDay(day, holidays)) out.push(day);
  }
  return out;
}

/** The first business day of a range, or null when it has none. */
export function firstBusinessDayIn(range: DateRange, holidays: HolidaySet): string | null {
  return businessDaysIn(range, holidays)[0] ?? null;
}

/**
 * The business day that leaves `n` business days in the range counting itself (n = 1 is
 * the last business day), or the first business day when the range has fewer than n.
 */
export function nthLastBusinessDayIn(range: DateRange, n: number, holidays: HolidaySet): string | null {
  const days = businessDaysIn(range, holidays);
  if (days.length === 0) return null;
  return days[Math.max(0, days.length - Math.max(1, Math.floor(n)))]!;
}
