// The jobs the scheduler knows how to run. Job authors register a handler per job name:
//
//   registerJob('weekly-digest', async (run) => {
//     const week = run.period.isoWeek();
//     const result = await run.ctx.prisma.$transaction(async (tx) =>
//       run.enqueue(tx, managers.map((m) => ({
//         idempotencyKey: outboxKey(run.job, week, m.slackUserId),
//         userId: m.slackUserId,
//         payload: { text, blocks },
//       }))));
//     return { detail: `${result.created} digests queued` };
//   });
//
// A job without a handler still runs on schedule and records a no-op, so `reap jobs list`
// shows it is scheduled but has nothing to do yet.
import { JOB_NAMES, type JobName } from '../config.js';
import type { Logger } from '../logger.js';
import type { AppContext } from '../services/app-context.js';
import type { EnqueueResult, OutboxMessageInput, OutboxWriter } from './outbox/enqueue.js';
import type { PeriodHelpers } from './period.js';

export interface JobRunContext {
  ctx: AppContext;
  job: JobName;
  /** The scheduled instant (whole second, UTC), the same on every instance; "now" for manual runs. */
  fireTime: Date;
  manual: boolean;
  runId: number;
  instanceId: string;
  /** Period names of fireTime in the City's zone, for idempotency keys. */
  period: PeriodHelpers;
  logger: Logger;
  /** Aborted when the scheduler stops; long jobs should check it between steps. */
  signal: AbortSignal;
  /** Writes outbox rows in the caller's transaction; rows whose key exists are skipped. */
  enqueue(tx: OutboxWriter, messages: readonly OutboxMessageInput[]): Promise<EnqueueResult>;
}

export interface JobResult {
  /** One line for logs and `reap jobs run`, e.g. "12 reminders queued". */
  detail?: string;
  /** Outbox rows this run created (for logs and tests). */
  enqueued?: number;
}

export type JobHandler = (run: JobRunContext) => Promise<JobResult>;

export interface RegisteredJob {
  name: JobName;
  handler: JobHandler;
  /** False for the built-in no-op of a job nobody has written yet. */
  implemented: boolean;
}

export class JobRegistry {
  private readonly handlers = new Map<JobName, JobHandler>();

  register(name: JobName, handler: JobHandler): this {
    if (!(JOB_NAMES as readonly string[]).includes(name)) {
      throw new Error(`cannot register unknown job "${name}"; jobs: ${JOB_NAMES.join(', ')}`);
    }
    if (this.handlers.has(name)) throw new Error(`job "${name}" is registered twice`);
    this.handlers.set(name, handler);
    return this;
  }

  has(name: JobName): boolean {
    return this.handlers.has(name);
  }

  get(name: JobName): RegisteredJob {
    const handler = this.handlers.get(name);
    if (handler) return { name, handler, implemented: true };
    return { name, handler: noComposer(name), implemented: false };
  }

  /** A copy with the same handlers, so a scheduler can add its own outbox handler. */
  clone(): JobRegistry {
    const copy = new JobRegistry();
    for (const [name, handler] of this.handlers) copy.register(name, handler);
    return copy;
  }
}

/** Jobs whose missing composer was already reported: once per process is enough (briefings fire every minute). */
const reportedMissing = new Set<JobName>();

function noComposer(name: JobName): JobHandler {
  return async (run) => {
    const level = reportedMissing.has(name) ? 'debug' : 'warn';
    reportedMissing.add(name);
    run.logger[level]({ job: name }, `no composer registered for ${name}; nothing to do`);
    return { detail: `no composer registered for ${name}`, enqueued: 0 };
  };
}

/** The registry `startScheduler` and the CLI use unless given another. */
export const defaultRegistry = new JobRegistry();

export function registerJob(name: JobName, handler: JobHandler): void {
  defaultRegistry.register(name, handler);
}
