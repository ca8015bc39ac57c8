// Changing a job's schedule (for `/reap settings` and the CLI). The new expression is
// checked before anything is written, so a bad one leaves the old schedule in force; every
// change is audited. Schedulers in this process reload at once, the others within a sweep.
import { EventEmitter } from 'node:events';
import { JOB_NAMES, type Config, type JobName } from '../../config.js';
import type { Prisma } from '../../db/client.js';
import { writeAudit } from '../../services/audit.js';
import { checkCron } from './cron-expression.js';
import { isJobName } from './defaults.js';
import { pickSchedule } from './effective-schedule.js';

export class ScheduleRejectedError extends Error {
  constructor(
    readonly reason: 'unknown_job' | 'invalid_cron',
    message: string,
  ) {
    super(message);
  }
}

/** Emits 'changed' (job) after a committed change, for schedulers in this process. */
export const scheduleChanges = new EventEmitter();

function requireJob(job: string): JobName {
  if (!isJobName(job)) {
    throw new ScheduleRejectedError('unknown_job', `There is no job called "${job}". Jobs: ${JOB_NAMES.join(', ')}.`);
  }
  return job;
}

export interface ScheduleChange {
  job: JobName;
  before: { cron: string; enabled: boolean } | null;
  after: { cron: string; enabled: boolean } | null;
}

export async function setJobSchedule(prisma: Prisma, job: string, cron: string, actorSlackId: string): Promise<ScheduleChange> {
  const name = requireJob(job);
  const checked = checkCron(cron);
  if (!checked.ok) {
    throw new ScheduleRejectedError('invalid_cron', `Schedule of ${name} not changed: ${checked.message}.`);
  }
  const expression = checked.compiled.expression;
  const change = await prisma.$transaction(async (tx) => {
    const existing = await tx.jobSchedule.findUnique({ where: { job: name } });
    const row = await tx.jobSchedule.upsert({
      where: { job: name },
      create: { job: name, cron: expression, updatedBy: actorSlackId },
      update: { cron: expression, updatedBy: actorSlackId },
    });
    const result: ScheduleChange = {
      job: name,
      before: existing ? { cron: existing.cron, enabled: existing.enabled } : null,
      after: { cron: row.cron, enabled: row.enabled },
    };
    await writeAudit(tx, {
      actor: actorSlackId,
      action: 'job.schedule.set',
      entityType: 'jobSchedule',
      entityId: name,
      before: result.before,
      after: result.after,
    });
    return result;
  });
  scheduleChanges.emit('changed', name);
  return change;
}

/** Pauses or resumes a job without touching the schedule in force (config supplies REAP_CRON_<JOB>). */
export async function setJobEnabled(
  prisma: Prisma,
  config: Pick<Config, 'cronOverrides'>,
  job: string,
  enabled: boolean,
  actorSlackId: string,
): Promise<ScheduleChange> {
  const name = requireJob(job);
  const change = await prisma.$transaction(async (tx) => {
    const existing = await tx.jobSchedule.findUnique({ where: { job: name } });
    if (!existing) {
      // No stored expression yet: store the one in force, so pausing changes nothing else.
      const current = pickSchedule(name, undefined, config.cronOverrides[name]).cron.expression;
      await tx.jobSchedule.create({ data: { job: name, cron: current, enabled, updatedBy: actorSlackId } });
    } else {
      await tx.jobSchedule.update({ where: { job: name }, data: { enabled, updatedBy: actorSlackId } });
    }
    const after = await tx.jobSchedule.findUniqueOrThrow({ where: { job: name } });
    const result: ScheduleChange = {
      job: name,
      before: existing ? { cron: existing.cron, enabled: existing.enabled } : null,
      after: { cron: after.cron, enabled: after.enabled },
    };
    await writeAudit(tx, {
      actor: actorSlackId,
      action: enabled ? 'job.schedule.enable' : 'job.schedule.disable',
      entityType: 'jobSchedule',
      entityId: name,
      before: result.before,
      after: result.after,
    });
    return result;
  });
  scheduleChanges.emit('changed', name);
  return change;
}

/** Removes the stored setting: the job goes back to REAP_CRON_<JOB> or its default. */
export async function clearJobSchedule(prisma: Prisma, job: string, actorSlackId: string): Promise<ScheduleChange> {
  const name = requireJob(job);
  const change = await prisma.$transaction(async (tx) => {
    const existing = await tx.jobSchedule.findUnique({ where: { job: name } });
    if (existing) await tx.jobSchedule.delete({ where: { job: name } });
    const result: ScheduleChange = {
      job: name,
      before: existing ? { cron: existing.cron, enabled: existing.enabled } : null,
      after: null,
    };
    await writeAudit(tx, {
      actor: actorSlackId,
      action: 'job.schedule.clear',
      entityType: 'jobSchedule',
      entityId: name,
      before: result.before,
      after: null,
    });
    return result;
  });
  scheduleChanges.emit('changed', name);
  return change;
}
