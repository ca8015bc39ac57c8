// How often a schedule may fire, so a schedule can never silently stop what people rely on.
// People-facing jobs (reminders, prompts, digests) must run at least once a month; setting
// the weekly digest to "once a year" would end it without anyone noticing. Internal
// housekeeping (the outbox that sends every DM, posting scheduled briefings, any job not
// listed as people-facing) is not for /reap settings at all, and through REAP_CRON_* must
// keep running every few minutes, since every message waits on it.
import { JOB_NAMES, type JobName } from '../../config.js';
import type { CompiledCron } from './cron-expression.js';
import { firesBetween, localDateOf, matchesDate, type LocalDate } from './fire-times.js';

/**
 * The jobs ORSE may reschedule. Anything else, including housekeeping jobs added later, is
 * internal by default: forgetting to list one keeps it safe rather than editable.
 */
export const PEOPLE_FACING_JOBS: readonly JobName[] = ['deadline-reminders', 'update-prompts', 'weekly-digest', 'redi-digest', 'briefing-reminder'];

export const isInternalJob = (job: JobName): boolean => !PEOPLE_FACING_JOBS.includes(job);
export const INTERNAL_JOBS: readonly JobName[] = JOB_NAMES.filter(isInternalJob);

/** A month of 31 days plus one for a DST shift or a leap day between two "1st of the month" runs. */
export const MAX_GAP_DAYS = 32;
/** How far ahead the gap is checked: long enough to catch "once a year" and "only in December". */
const HORIZON_DAYS = 400;
/** Internal jobs: the longest pause allowed between two runs. */
export const MAX_INTERNAL_GAP_MINUTES = 15;

export type CadenceProblem =
  /** No run for more than MAX_GAP_DAYS: after `from` (today, or the last run before the pause) the next is `next` (null: not within the coming year). */
  | { kind: 'rare'; from: string; next: string | null }
  /** An internal job pausing longer than MAX_INTERNAL_GAP_MINUTES. */
  | { kind: 'internalSlow'; gapMinutes: number };

const iso = (d: LocalDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function addDays(d: LocalDate, n: number): LocalDate {
  const x = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
}

/** Dates (in the City's zone) on which the schedule runs, day by day: cheap even for "every second". */
function rareGap(cron: CompiledCron, zone: string, now: Date): CadenceProblem | null {
  const today = localDateOf(now.getTime(), zone);
  let last = today;
  let lastIndex = 0;
  for (let i = 1; i <= HORIZON_DAYS; i++) {
    const date = addDays(today, i);
    if (!matchesDate(cron, date)) continue;
    if (i - lastIndex > MAX_GAP_DAYS) return { kind: 'rare', from: iso(last), next: iso(date) };
    last = date;
    lastIndex = i;
  }
  return HORIZON_DAYS - lastIndex > MAX_GAP_DAYS ? { kind: 'rare', from: iso(last), next: null } : null;
}

function internalGap(cron: CompiledCron, zone: string, now: Date): CadenceProblem | null {
  const fires = firesBetween(cron, zone, now, new Date(now.getTime() + 2 * 86_400_000)).map((d) => d.getTime());
  let prev = now.getTime();
  let worst = 0;
  for (const t of fires) {
    worst = Math.max(worst, t - prev);
    prev = t;
  }
  if (fires.length === 0) worst = 2 * 86_400_000;
  const gapMinutes = Math.round(worst / 60_000);
  return gapMinutes > MAX_INTERNAL_GAP_MINUTES ? { kind: 'internalSlow', gapMinutes } : null;
}

/** Why this schedule would leave people without what the job does, or null when it is fine. */
export function cadenceProblem(job: JobName, cron: CompiledCron, zone: string, now: Date): CadenceProblem | null {
  return isInternalJob(job) ? internalGap(cron, zone, now) : rareGap(cron, zone, now);
}

/** The problem in plain English, for start-up errors and logs (the Slack side translates its own). */
export function describeCadenceProblem(p: CadenceProblem): string {
  if (p.kind === 'internalSlow') {
    return `it would pause up to ${p.gapMinutes} minutes between runs; internal jobs must run at least every ${MAX_INTERNAL_GAP_MINUTES} minutes, or messages and briefings wait that long`;
  }
  return p.next
    ? `it runs less than once a month (after ${p.from} not again until ${p.next}); reminders, prompts and digests must run at least monthly`
    : `it would not run again after ${p.from} within the coming year; reminders, prompts and digests must run at least monthly`;
}
