// City holidays: the days reminders and update prompts skip. Seeded for the current and
// next fiscal year (src/db/seed/holidays.ts); operators add the City's one-off closures and
// correct the list with `reap holidays` (src/cli/holidays-command.ts). Every change is audited.
import { DateTime } from 'luxon';
import type { Prisma } from '../db/client.js';
import { addDays, dbDate, isoDateOf } from '../domain/calendar-dates.js';
import type { DateRange, HolidaySet } from '../domain/business-days.js';
import { writeAudit } from './audit.js';
import { invalidField } from './errors.js';
import { TX_OPTIONS, type Tx } from './service-context.js';

export interface HolidayView {
  /** ISO date the City is closed. */
  date: string;
  name: string;
}

export const HOLIDAY_NAME_MAX = 200;

export type AddHolidayOutcome = 'added' | 'renamed' | 'unchanged';

export interface AddHolidayResult {
  holiday: HolidayView;
  outcome: AddHolidayOutcome;
  /** The name it had before a rename. */
  previousName?: string;
}

/** A real calendar date written as YYYY-MM-DD, or null. */
export function parseIsoDate(text: string): string | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return null;
  return DateTime.fromISO(t, { zone: 'UTC' }).isValid ? t : null;
}

function checkDate(date: string): string {
  const iso = parseIsoDate(date);
  if (!iso) throw invalidField('date', 'errors.invalid.date');
  return iso;
}

function checkName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (trimmed === '') throw invalidField('name', 'errors.invalid.required');
  if (trimmed.includes('\u0000')) throw invalidField('name', 'errors.invalid.characters');
  const length = Array.from(trimmed).length;
  if (length > HOLIDAY_NAME_MAX) throw invalidField('name', 'errors.invalid.tooLong', { limit: HOLIDAY_NAME_MAX, length });
  return trimmed;
}

const view = (h: { date: Date; name: string }): HolidayView => ({ date: isoDateOf(h.date), name: h.name });

/** Holidays in date order, optionally within an inclusive range. */
export async function listHolidays(db: Prisma | Tx, range: Partial<DateRange> = {}): Promise<HolidayView[]> {
  const rows = await db.holiday.findMany({
    where: { date: { ...(range.from ? { gte: dbDate(checkDate(range.from)) } : {}), ...(range.to ? { lte: dbDate(checkDate(range.to)) } : {}) } },
    orderBy: { date: 'asc' },
  });
  return rows.map(view);
}

/**
 * The holiday dates around `today` that the business-day rules can reach: a few weeks
 * back (the previous business day before a long closure) and ahead (the next one, and the
 * end of a quarter for the nudge day). One query.
 */
export async function holidaysAround(db: Prisma | Tx, today: string, daysBack = 31, daysAhead = 124): Promise<HolidaySet> {
  const rows = await db.holiday.findMany({
    where: { date: { gte: dbDate(addDays(today, -daysBack)), lte: dbDate(addDays(today, daysAhead)) } },
    select: { date: true },
  });
  return new Set(rows.map((r) => isoDateOf(r.date)));
}

/** Adds a holiday, or renames the one on that date. Adding the same thing twice changes nothing. */
export async function addHoliday(db: Prisma, actor: string, date: string, name: string): Promise<AddHolidayResult> {
  const iso = checkDate(date);
  const clean = checkName(name);
  return db.$transaction(async (tx) => {
    const existing = await tx.holiday.findUnique({ where: { date: dbDate(iso) } });
    if (existing && existing.name === clean) return { holiday: view(existing), outcome: 'unchanged' as const };
    if (existing) {
      const renamed = await tx.holiday.update({ where: { id: existing.id }, data: { name: clean } });
      await writeAudit(tx, { actor, action: 'holiday.rename', entityType: 'holiday', entityId: iso, before: view(existing), after: view(renamed) });
      return { holiday: view(renamed), outcome: 'renamed' as const, previousName: existing.name };
    }
    // A concurrent add of the same date loses on the unique key and is reported as an error;
    // running the command again then finds the row.
    const created = await tx.holiday.create({ data: { date: dbDate(iso), name: clean } });
    await writeAudit(tx, { actor, action: 'holiday.add', entityType: 'holiday', entityId: iso, after: view(created) });
    return { holiday: view(created), outcome: 'added' as const };
  }, TX_OPTIONS);
}

/** Removes the holiday on a date; null when there was none. */
export async function removeHoliday(db: Prisma, actor: string, date: string): Promise<HolidayView | null> {
  const iso = checkDate(date);
  return db.$transaction(async (tx) => {
    const existing = await tx.holiday.findUnique({ where: { date: dbDate(iso) } });
    if (!existing) return null;
    const removed = await tx.holiday.deleteMany({ where: { id: existing.id } });
    if (removed.count === 0) return null;
    await writeAudit(tx, { actor, action: 'holiday.remove', entityType: 'holiday', entityId: iso, before: view(existing) });
    return view(existing);
  }, TX_OPTIONS);
}
