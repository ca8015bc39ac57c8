// What each job does by default: when it fires, how far back a restart catches up a missed
// fire, and how long a claimed run may go without finishing before another instance may
// take it over.
import { JOB_NAMES, type JobName } from '../../config.js';

export interface JobDefaults {
  cron: string;
  /** Plain-language schedule, for `reap jobs list` and settings screens. */
  description: string;
  /**
   * At start, the most recent fire missed within this window runs once; 0 = never. Reminders
   * and digests are still useful a few hours late; the outbox runs every 10 s anyway.
   */
  catchUpWindowMs: number;
  /** A RUNNING claim older than this is presumed dead and may be taken over. */
  leaseMs: number;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

export const JOB_DEFAULTS: Readonly<Record<JobName, JobDefaults>> = {
  'deadline-reminders': { cron: '0 8 * * *', description: 'daily at 08:00', catchUpWindowMs: 12 * HOUR, leaseMs: 10 * MINUTE },
  // The job itself decides whether today starts a reporting period.
  'update-prompts': { cron: '30 7 * * *', description: 'daily at 07:30', catchUpWindowMs: 12 * HOUR, leaseMs: 10 * MINUTE },
  'weekly-digest': { cron: '0 8 * * 1', description: 'Mondays at 08:00', catchUpWindowMs: 24 * HOUR, leaseMs: 10 * MINUTE },
  'redi-digest': { cron: '0 9 1 * *', description: 'the 1st of each month at 09:00', catchUpWindowMs: 24 * HOUR, leaseMs: 10 * MINUTE },
  'briefing-reminder': { cron: '0 9 * * *', description: 'daily at 09:00', catchUpWindowMs: 12 * HOUR, leaseMs: 10 * MINUTE },
  // Posts briefings whose scheduled time has come; a missed minute is picked up by the next.
  briefings: { cron: '* * * * *', description: 'every minute', catchUpWindowMs: 0, leaseMs: 10 * MINUTE },
  outbox: { cron: '*/10 * * * * *', description: 'every 10 seconds', catchUpWindowMs: 0, leaseMs: 10 * MINUTE },
  // Renders each department canvas and edits only the ones whose plan changed.
  'canvas-sync': { cron: '* * * * *', description: 'every minute', catchUpWindowMs: 0, leaseMs: 10 * MINUTE },
  // Closes each finished quarter's snapshots; nearly every run finds nothing to do.
  'period-snapshots': { cron: '*/15 * * * *', description: 'every 15 minutes', catchUpWindowMs: 0, leaseMs: 10 * MINUTE },
};

export function isJobName(value: string): value is JobName {
  return (JOB_NAMES as readonly string[]).includes(value);
}
