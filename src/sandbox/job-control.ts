// "Run this scheduled job now" from the page. By default the sandbox uses the scheduler the
// app server runs in this process (startServer's `jobs`); a `runJob` given to startSandbox
// takes its place. Without either the control stays visible but disabled, saying why.
import { JOB_NAMES, type JobName } from '../config.js';
import type { RunOutcome } from '../jobs/index.js';
import { HttpError } from './http-json.js';

export type RunJob = (name: JobName) => Promise<string>;

export interface JobControlInfo {
  names: readonly string[];
  enabled: boolean;
  /** Why the control is disabled, for the page. */
  reason?: string;
}

export const NO_RUNNER_REASON = 'This sandbox runs without the scheduler (started with scheduler: false), so jobs cannot be run from here.';

export function jobControlInfo(runJob: RunJob | undefined): JobControlInfo {
  return runJob ? { names: JOB_NAMES, enabled: true } : { names: JOB_NAMES, enabled: false, reason: NO_RUNNER_REASON };
}

export async function runJobNow(runJob: RunJob | undefined, name: string): Promise<{ job: JobName; detail: string }> {
  if (!runJob) throw new HttpError(501, NO_RUNNER_REASON);
  const job = JOB_NAMES.find((candidate) => candidate === name);
  if (!job) throw new HttpError(404, `unknown job "${name}"; jobs: ${JOB_NAMES.join(', ')}`);
  return { job, detail: await runJob(job) };
}

/** One line for the page from the scheduler's answer. */
export function describeRunOutcome(outcome: RunOutcome): string {
  switch (outcome.outcome) {
    case 'succeeded': {
      const detail = outcome.detail ?? (outcome.enqueued !== undefined ? `${outcome.enqueued} messages queued` : '');
      // Composers only queue messages; the outbox job (every 10 s) sends them.
      const later = (outcome.enqueued ?? 0) > 0 ? ' \u2014 the outbox sends them within 10 seconds' : '';
      return `succeeded${detail ? `: ${detail}` : ''}${later}`;
    }
    case 'failed':
      return `failed: ${outcome.error}`;
    case 'not-claimed':
      return `not run: ${outcome.reason}`;
    case 'lost-lease':
      return 'finished, but another instance had taken the run over';
  }
}
