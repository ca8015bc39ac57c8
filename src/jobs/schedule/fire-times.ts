// When a schedule fires, as a pure function of (expression, time zone, instant). node-cron
// triggers the jobs in production, but it cannot answer "when was the last fire before
// 10:00?" (needed for catch-up) and it gets DST wrong in two ways we measured: a daily 02:30
// job never fires on the spring-forward day, and an every-10-seconds job pauses for the whole
// repeated hour on the fall-back night. This module is the reference; the scheduler's sweep
// runs any fire it lists that node-cron did not trigger.
//
// DST rules (those of Vixie cron, which operators know):
//  - a wall-clock time skipped by spring-forward (02:30 in America/Los_Angeles) fires once,
//    at the first instant after the gap (03:00 PDT);
//  - a wall-clock time that happens twice at fall-back (01:30) fires once, the first time;
//  - jobs whose hour field is a wildcard ("every 10 seconds", "every hour at :30") follow real
//    time instead: nothing in the gap, both passes through the repeated hour.
import { DateTime, IANAZone } from 'luxon';
import type { CompiledCron } from './cron-expression.js';

const DAY_MS = 86_400_000;
/** Enough to find the next 29 February of a "0 0 29 2 *" schedule. */
const MAX_SEARCH_DAYS = 366 * 9;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

function zoneOf(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new Error(`unknown time zone "${name}"`);
  return zone;
}

export function localDateOf(at: number, zone: string): LocalDate {
  const d = DateTime.fromMillis(at, { zone });
  return { year: d.year, month: d.month, day: d.day };
}

function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

// ---------- day matching: the same semantics as node-cron 4 (day-of-month AND day-of-week) ----------

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function nearestWeekday(year: number, month: number, target: number): number {
  const last = lastDayOfMonth(year, month);
  if (target < 1 || target > last) return -1;
  const weekday = new Date(Date.UTC(year, month - 1, target)).getUTCDay();
  if (weekday === 6) return target === 1 ? target + 2 : target - 1;
  if (weekday === 0) return target === last ? target - 2 : target + 1;
  return target;
}

function matchesDayOfMonth(field: (number | string)[], { year, month, day }: LocalDate): boolean {
  for (const value of field) {
    if (value === day) return true;
    if (typeof value !== 'string') continue;
    if (value === 'L' && day === lastDayOfMonth(year, month)) return true;
    const weekdayToken = /^(\d{1,2}|L)W$/.exec(value);
    if (weekdayToken) {
      const target = weekdayToken[1] === 'L' ? lastDayOfMonth(year, month) : Number(weekdayToken[1]);
      if (nearestWeekday(year, month, target) === day) return true;
    }
    const offsetToken = /^L-(\d{1,2})$/.exec(value);
    if (offsetToken && lastDayOfMonth(year, month) - Number(offsetToken[1]) === day) return true;
  }
  return false;
}

function matchesDayOfWeek(field: (number | string)[], { year, month, day }: LocalDate): boolean {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  for (const value of field) {
    if (value === weekday) return true;
    if (typeof value !== 'string') continue;
    const nth = /^([0-7])#([1-5])$/.exec(value);
    if (nth) {
      if (Number(nth[1]) % 7 === weekday && Math.floor((day - 1) / 7) + 1 === Number(nth[2])) return true;
      continue;
    }
    const last = /^([0-7])L$/i.exec(value);
    if (last && Number(last[1]) % 7 === weekday && day + 7 > lastDayOfMonth(year, month)) return true;
  }
  return false;
}

export function matchesDate(cron: CompiledCron, date: LocalDate): boolean {
  return cron.months.includes(date.month) && matchesDayOfMonth(cron.daysOfMonth, date) && matchesDayOfWeek(cron.daysOfWeek, date);
}

// ---------- wall-clock time → instants ----------

export type WallTimeResolution =
  | { kind: 'unique'; at: number }
  /** Fall-back: the wall time happens twice. */
  | { kind: 'repeated'; first: number; second: number }
  /** Spring-forward: the wall time never happens; gapEnd is the first instant after the gap. */
  | { kind: 'skipped'; gapEnd: number };

/** One change of UTC offset: `before` minutes east of UTC until `at`, `after` from then on. */
export interface OffsetTransition {
  at: number;
  before: number;
  after: number;
}

/** The instant the offset changes between lo (offset `before`) and hi, to the second. */
function findTransition(zone: IANAZone, lo: number, hi: number): OffsetTransition {
  const before = zone.offset(lo);
  const after = zone.offset(hi);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (zone.offset(mid) === before) lo = mid;
    else hi = mid;
  }
  return { at: hi, before, after };
}

/**
 * Resolves a wall-clock time (given as if it were UTC) around one transition by arithmetic:
 * a reading with the old offset is real if it falls before the change, one with the new
 * offset if it falls after. Both real: repeated; neither: skipped.
 */
export function resolveWallTime(wallAsUtc: number, t: OffsetTransition): WallTimeResolution {
  const early = wallAsUtc - t.before * 60_000;
  const late = wallAsUtc - t.after * 60_000;
  const earlyReal = early < t.at;
  const lateReal = late >= t.at;
  if (earlyReal && lateReal && early !== late) return { kind: 'repeated', first: Math.min(early, late), second: Math.max(early, late) };
  if (earlyReal) return { kind: 'unique', at: early };
  if (lateReal) return { kind: 'unique', at: late };
  return { kind: 'skipped', gapEnd: t.at };
}

/** Every fire on one local date, ascending, without duplicates. */
export function firesOnDate(cron: CompiledCron, zoneName: string, date: LocalDate): number[] {
  if (!matchesDate(cron, date)) return [];
  const zone = zoneOf(zoneName);
  const midnight = Date.UTC(date.year, date.month - 1, date.day);
  const walls: number[] = [];
  for (const hour of cron.hours)
    for (const minute of cron.minutes) for (const second of cron.seconds) walls.push(midnight + ((hour * 60 + minute) * 60 + second) * 1000);
  const lo = midnight - DAY_MS;
  const hi = midnight + 2 * DAY_MS;
  const offset = zone.offset(lo);
  if (offset === zone.offset(hi)) {
    // No transition anywhere near this date: plain arithmetic.
    return walls.map((w) => w - offset * 60_000).sort((a, b) => a - b);
  }
  const transition = findTransition(zone, lo, hi);
  const out = new Set<number>();
  for (const wall of walls) {
    const r = resolveWallTime(wall, transition);
    if (r.kind === 'unique') out.add(r.at);
    else if (r.kind === 'repeated') {
      out.add(r.first);
      if (cron.followsRealTime) out.add(r.second);
    } else if (!cron.followsRealTime) out.add(r.gapEnd);
  }
  return [...out].sort((a, b) => a - b);
}

/** The first fire strictly after `after`. */
export function nextFireAfter(cron: CompiledCron, zone: string, after: Date): Date {
  const from = after.getTime();
  let date = addDays(localDateOf(from, zone), -1);
  for (let i = 0; i < MAX_SEARCH_DAYS; i++, date = addDays(date, 1)) {
    const hit = firesOnDate(cron, zone, date).find((t) => t > from);
    if (hit !== undefined) return new Date(hit);
  }
  throw new Error(`"${cron.expression}" never fires`);
}

/** The most recent fire at or before `at` and strictly after `notBefore`, or null. */
export function latestFireBetween(cron: CompiledCron, zone: string, notBefore: Date, at: Date): Date | null {
  const lo = notBefore.getTime();
  const hi = at.getTime();
  if (hi <= lo) return null;
  const first = addDays(localDateOf(lo, zone), -1);
  for (let date = addDays(localDateOf(hi, zone), 1); compareDates(date, first) >= 0; date = addDays(date, -1)) {
    const fires = firesOnDate(cron, zone, date);
    for (let i = fires.length - 1; i >= 0; i--) {
      const t = fires[i]!;
      if (t <= hi && t > lo) return new Date(t);
      if (t <= lo) return null;
    }
  }
  return null;
}

/** Every fire in (from, to], ascending. Meant for tests and short windows. */
export function firesBetween(cron: CompiledCron, zone: string, from: Date, to: Date): Date[] {
  const lo = from.getTime();
  const hi = to.getTime();
  const out: Date[] = [];
  const last = addDays(localDateOf(hi, zone), 1);
  for (let date = addDays(localDateOf(lo, zone), -1); compareDates(date, last) <= 0; date = addDays(date, 1)) {
    for (const t of firesOnDate(cron, zone, date)) if (t > lo && t <= hi) out.push(new Date(t));
  }
  return out;
}

/** Fire times are whole seconds, so two instances always name a fire the same way. */
export function truncateToSecond(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}
