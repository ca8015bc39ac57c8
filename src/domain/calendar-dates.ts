// Calendar dates as the app reasons about them: ISO "YYYY-MM-DD" strings. Due dates are
// @db.Date columns, which Prisma hands over as midnight UTC; "today" is the City's date,
// so a strategy due on the 5th is overdue from the 6th in San José whatever the server's
// or the reader's zone.
import { DateTime } from 'luxon';

/** The calendar date of `now` in `zone`. */
export function todayIn(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}

/** A @db.Date value (midnight UTC) as its ISO date. */
export function isoDateOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** An ISO date as Prisma wants it for a @db.Date column: midnight UTC. */
export function dbDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

export function addDays(iso: string, days: number): string {
  return DateTime.fromISO(iso, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

/** Whole days since an instant, counted on the City's calendar (yesterday 23:00 is 1 day ago). */
export function calendarDaysSince(at: Date, now: Date, zone: string): number {
  return daysBetween(todayIn(at, zone), todayIn(now, zone));
}
