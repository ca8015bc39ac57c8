// Which schedule a job runs on: an admin's setting in the database wins over the
// REAP_CRON_<JOB> environment variable, which wins over the built-in default.
import { ConfigError, cronEnvName, JOB_NAMES, type Config, type JobName } from '../../config.js';
import type { Prisma } from '../../db/client.js';
import { checkCron, type CompiledCron } from './cron-expression.js';
import { JOB_DEFAULTS } from './defaults.js';
import { cadenceProblem, describeCadenceProblem } from './cadence.js';

export type ScheduleSource = 'setting' | 'env' | 'default';

export interface EffectiveSchedule {
  job: JobName;
  cron: CompiledCron;
  source: ScheduleSource;
  /** "REAP_CRON_WEEKLY_DIGEST" or "JobSchedule (set by U123 at …)", for messages. */
  sourceLabel: string;
  enabled: boolean;
  /** Why a higher-precedence value was not used (an invalid stored setting). */
  warnings: string[];
}

export interface StoredSchedule {
  job: string;
  cron: string;
  enabled: boolean;
  updatedBy: string | null;
  updatedAt: Date;
}

/** Pure precedence rule; the inputs are what the database and environment hold. */
export function pickSchedule(job: JobName, stored: StoredSchedule | undefined, envValue: string | undefined): EffectiveSchedule {
  const warnings: string[] = [];
  const enabled = stored?.enabled ?? true;
  if (stored) {
    const checked = checkCron(stored.cron);
    if (checked.ok) {
      return {
        job,
        cron: checked.compiled,
        source: 'setting',
        sourceLabel: `setting${stored.updatedBy ? ` by ${stored.updatedBy}` : ''}`,
        enabled,
        warnings,
      };
    }
    // Only reachable if someone wrote the table directly: setJobSchedule refuses bad values.
    warnings.push(`the stored setting is invalid and was ignored: ${checked.message}`);
  }
  if (envValue !== undefined) {
    const checked = checkCron(envValue);
    if (checked.ok) return { job, cron: checked.compiled, source: 'env', sourceLabel: cronEnvName(job), enabled, warnings };
    warnings.push(`${cronEnvName(job)} is invalid and was ignored: ${checked.message}`);
  }
  const fallback = checkCron(JOB_DEFAULTS[job].cron);
  if (!fallback.ok) throw new Error(`built-in schedule of ${job} is invalid: ${fallback.message}`);
  return { job, cron: fallback.compiled, source: 'default', sourceLabel: 'default', enabled, warnings };
}

export async function loadStoredSchedules(prisma: Prisma): Promise<Map<string, StoredSchedule>> {
  const rows = await prisma.jobSchedule.findMany();
  return new Map(rows.map((r) => [r.job, r]));
}

export async function resolveSchedules(prisma: Prisma, config: Config): Promise<EffectiveSchedule[]> {
  const stored = await loadStoredSchedules(prisma);
  return JOB_NAMES.map((job) => pickSchedule(job, stored.get(job), config.cronOverrides[job]));
}

/**
 * Refuses to start with a malformed REAP_CRON_<JOB>, the same way every other variable is
 * treated (README: "a wrong value stops the process with one line naming the variable").
 * Running on the default instead would send digests at a time nobody chose, silently.
 */
export function assertValidCronOverrides(config: Pick<Config, 'cronOverrides' | 'timeZone'>, now: Date = new Date()): void {
  for (const job of JOB_NAMES) {
    const value = config.cronOverrides[job];
    if (value === undefined) continue;
    const checked = checkCron(value);
    if (!checked.ok) throw new ConfigError(`${cronEnvName(job)} is invalid: ${checked.message}`);
    // The same rule as /reap settings: a schedule that would silently stop the job is refused.
    const problem = cadenceProblem(job, checked.compiled, config.timeZone, now);
    if (problem) throw new ConfigError(`${cronEnvName(job)}="${checked.compiled.expression}" is refused: ${describeCadenceProblem(problem)}`);
  }
}
