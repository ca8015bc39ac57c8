// What `reap jobs list` (and later the settings screen) shows about each job.
import { DateTime } from 'luxon';
import type { Config, JobName } from '../config.js';
import type { Prisma } from '../db/client.js';
import type { JobRegistry } from './registry.js';
import { JOB_DEFAULTS } from './schedule/defaults.js';
import { resolveSchedules, type EffectiveSchedule } from './schedule/effective-schedule.js';
import { nextFireAfter } from './schedule/fire-times.js';

export interface JobOverview {
  job: JobName;
  schedule: EffectiveSchedule;
  nextFire: Date | null;
  lastRun: { fireTime: Date; status: string; manual: boolean; finishedAt: Date | null; error: string | null } | null;
  implemented: boolean;
}

export async function jobsOverview(prisma: Prisma, config: Config, registry: JobRegistry, now: Date): Promise<JobOverview[]> {
  const schedules = await resolveSchedules(prisma, config);
  return Promise.all(
    schedules.map(async (schedule) => {
      const last = await prisma.jobRun.findFirst({ where: { job: schedule.job }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }] });
      return {
        job: schedule.job,
        schedule,
        nextFire: schedule.enabled ? nextFireAfter(schedule.cron, config.timeZone, now) : null,
        lastRun: last ? { fireTime: last.fireTime, status: last.status, manual: last.manual, finishedAt: last.finishedAt, error: last.error } : null,
        implemented: registry.get(schedule.job).implemented || schedule.job === 'outbox',
      };
    }),
  );
}

function when(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('ccc yyyy-MM-dd HH:mm:ss ZZZZ');
}

/** A plain-text table, one row per job, times in the City's zone. */
export function formatJobsTable(rows: JobOverview[], zone: string): string {
  const header = ['JOB', 'SCHEDULE', 'FROM', `NEXT FIRE (${zone})`, 'LAST RUN'];
  const body = rows.map((r) => {
    const s = r.schedule;
    const schedule = `${s.cron.expression}${s.source === 'default' ? ` (${JOB_DEFAULTS[r.job].description})` : ''}`;
    const last = r.lastRun ? `${r.lastRun.status}${r.lastRun.manual ? ' (manual)' : ''} ${when(r.lastRun.fireTime, zone)}` : 'never';
    return [`${r.job}${r.implemented ? '' : ' *'}`, schedule, s.sourceLabel, s.enabled ? when(r.nextFire!, zone) : 'disabled', last];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [line(header), ...body.map(line)];
  if (rows.some((r) => !r.implemented)) out.push('', '* no composer registered yet: the job runs on schedule and does nothing.');
  const failed = rows.filter((r) => r.lastRun?.status === 'FAILED' && r.lastRun.error);
  for (const r of failed) out.push(`${r.job} last failed: ${r.lastRun!.error!.split('\n')[0]}`);
  for (const r of rows) for (const w of r.schedule.warnings) out.push(`${r.job}: ${w}`);
  return out.join('\n');
}
