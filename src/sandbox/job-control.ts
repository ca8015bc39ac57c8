// "Run this scheduled job now" from the page. The scheduler lives in src/jobs; the sandbox
// only gets a function to call, so it never depends on how jobs are built.
import { JOB_NAMES, type JobName } from '../config.js';
import { HttpError } from './http-json.js';

export type RunJob = (name: JobName) => Promise<string>;

export interface JobControlInfo {
  names: readonly string[];
  enabled: boolean;
  /** Why the control is disabled, for the page. */
  reason?: string;
}

export const NO_RUNNER_REASON =
  'Running jobs from the sandbox needs the scheduler\u2019s runNow (src/jobs), which is not wired into the sandbox yet.';

export function jobControlInfo(runJob: RunJob | undefined): JobControlInfo {
  return runJob ? { names: JOB_NAMES, enabled: true } : { names: JOB_NAMES, enabled: false, reason: NO_RUNNER_REASON };
}

export async function runJobNow(runJob: RunJob | undefined, name: string): Promise<{ job: JobName; detail: string }> {
  if (!runJob) throw new HttpError(501, NO_RUNNER_REASON);
  const job = JOB_NAMES.find((candidate) => candidate === name);
  if (!job) throw new HttpError(404, `unknown job "${name}"; jobs: ${JOB_NAMES.join(', ')}`);
  return { job, detail: await runJob(job) };
}
