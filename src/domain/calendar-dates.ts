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

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Midnight UTC of a plain, real ISO date in milliseconds, else null. Such dates are whole
 * days apart, so the two sums below need no luxon for them: its parsing, per strategy,
 * was a tenth of a department status's time on the main thread. Anything else (a date
 * that does not exist, a time of day) goes through luxon as before.
 */
function plainDateMs(iso: string): number | null {
  if (!ISO_DATE.test(iso)) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) || isoDateOf(new Date(ms)) !== iso ? null : ms;
}

export function addDays(iso: string, days: number): string {
  const ms = Number.isInteger(days) ? plainDateMs(iso) : null;
  const sum = ms === null ? null : isoDateOf(new Date(ms + days * DAY_MS));
  if (sum !== null && ISO_DATE.test(sum)) return sum;
  return DateTime.fromISO(iso, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = plainDateMs(from);
  const b = plainDateMs(to);
  if (a !== null && b !== null) return Math.round((b - a) / DAY_MS);
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

/** Whole days since an instant, counted on the City's calendar (yesterday 23:00 is 1 day ago). */
export function calendarDaysSince(at: Date, now: Date, zone: string): number {
  return daysBetween(todayIn(at, zone), todayIn(now, zone));
}
