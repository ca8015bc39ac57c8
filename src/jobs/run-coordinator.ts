// Decides who runs a fire and records how it went. A fire is claimed by inserting
// JobRun(job, fireTime); the unique key lets exactly one instance win, because every
// instance names the fire by its scheduled second, not by when its timer went off.
//
// A RUNNING row whose lease ran out is presumed to belong to a dead instance and may be taken
// over (compare-and-set on instanceId + startedAt, so two rescuers cannot both win). If the
// original holder was only slow, both may run the job body; that is harmless because jobs
// write their effects as outbox rows with idempotency keys, and only the current holder may
// record the outcome. JobRun has no heartbeat column, so the lease counts from startedAt
// (which a takeover resets): keep jobs shorter than their lease, or ask for the column.
import type { JobName } from '../config.js';
import type { AppContext } from '../services/app-context.js';
import { writeAudit } from '../services/audit.js';
import { enqueueOutbox } from './outbox/enqueue.js';
import { periodHelpers } from './period.js';
import type { JobRegistry, JobRunContext } from './registry.js';
import { JOB_DEFAULTS } from './schedule/defaults.js';
import { truncateToSecond } from './schedule/fire-times.js';

export type FireSource = 'cron' | 'sweep' | 'catch-up' | 'takeover' | 'manual';

export type RunOutcome =
  | { outcome: 'succeeded'; runId: number; detail?: string; enqueued?: number }
  | { outcome: 'failed'; runId: number; error: string }
  /** Another instance holds or finished this fire, or this instance is already running it. */
  | { outcome: 'not-claimed'; reason: string }
  /** The run finished but another instance had taken it over meanwhile; its outcome stands. */
  | { outcome: 'lost-lease'; runId: number };

export interface RunCoordinatorOptions {
  ctx: AppContext;
  registry: JobRegistry;
  instanceId: string;
  /** Per-job lease; JOB_DEFAULTS otherwise. */
  leaseMs?: Partial<Record<JobName, number>>;
}

interface Claim {
  runId: number;
  job: JobName;
  fireTime: Date;
  manual: boolean;
  source: FireSource;
}

const MAX_ERROR_LENGTH = 4000;

export class RunCoordinator {
  private readonly running = new Map<string, Promise<RunOutcome>>();
  private readonly abort = new AbortController();

  constructor(private readonly options: RunCoordinatorOptions) {}

  get instanceId(): string {
    return this.options.instanceId;
  }

  leaseFor(job: JobName): number {
    return this.options.leaseMs?.[job] ?? JOB_DEFAULTS[job].leaseMs;
  }

  /** True while this instance runs some fire of the job. */
  isRunning(job: JobName): boolean {
    for (const key of this.running.keys()) if (key.startsWith(`${job}@`)) return true;
    return false;
  }

  /** Claims the fire (or takes over a dead claim) and runs it; otherwise does nothing. */
  async runFire(job: JobName, fireTime: Date, source: FireSource): Promise<RunOutcome> {
    if (this.abort.signal.aborted) return { outcome: 'not-claimed', reason: 'scheduler is stopping' };
    const at = truncateToSecond(fireTime);
    const key = `${job}@${at.toISOString()}`;
    const inFlight = this.running.get(key);
    if (inFlight) return { outcome: 'not-claimed', reason: 'already running in this instance' };
    const promise = (async (): Promise<RunOutcome> => {
      const claim = await this.claim(job, at, source === 'manual', source);
      if (!claim) return { outcome: 'not-claimed', reason: 'claimed by another run' };
      return this.execute(claim);
    })();
    this.running.set(key, promise);
    try {
      return await promise;
    } finally {
      this.running.delete(key);
    }
  }

  /** A manual run "now": its fire time is the current second, recorded with manual=true. */
  async runManually(job: JobName): Promise<RunOutcome> {
    return this.runFire(job, truncateToSecond(this.options.ctx.now()), 'manual');
  }

  private async claim(job: JobName, fireTime: Date, manual: boolean, source: FireSource): Promise<Claim | null> {
    const { prisma } = this.options.ctx;
    const now = this.options.ctx.now();
    const inserted = await prisma.jobRun.createMany({
      data: [{ job, fireTime, instanceId: this.instanceId, manual, startedAt: now, status: 'RUNNING' }],
      skipDuplicates: true,
    });
    const row = await prisma.jobRun.findUnique({ where: { job_fireTime: { job, fireTime } } });
    if (!row) return null; // deleted meanwhile (retention); nothing to run
    if (inserted.count === 1) return { runId: row.id, job, fireTime, manual, source };
    if (row.status !== 'RUNNING' || row.startedAt.getTime() > now.getTime() - this.leaseFor(job)) return null;
    const taken = await prisma.jobRun.updateMany({
      where: { id: row.id, status: 'RUNNING', instanceId: row.instanceId, startedAt: row.startedAt },
      data: { instanceId: this.instanceId, startedAt: now },
    });
    if (taken.count !== 1) return null;
    await writeAudit(prisma, {
      actor: 'system:scheduler',
      action: 'job.run.takeover',
      entityType: 'jobRun',
      entityId: String(row.id),
      before: { instanceId: row.instanceId, startedAt: row.startedAt },
      after: { instanceId: this.instanceId, startedAt: now },
      detail: `${job} fire ${fireTime.toISOString()}: lease of ${Math.round(this.leaseFor(job) / 1000)} s expired`,
    });
    this.options.ctx.logger.warn(
      { job, fireTime: fireTime.toISOString(), runId: row.id, from: row.instanceId },
      'took over a run whose instance stopped answering',
    );
    return { runId: row.id, job, fireTime, manual: row.manual, source: 'takeover' };
  }

  private async execute(claim: Claim): Promise<RunOutcome> {
    const { ctx, registry } = this.options;
    const logger = ctx.logger.child({ job: claim.job, fireTime: claim.fireTime.toISOString(), runId: claim.runId });
    const registered = registry.get(claim.job);
    const run: JobRunContext = {
      ctx,
      job: claim.job,
      fireTime: claim.fireTime,
      manual: claim.manual,
      runId: claim.runId,
      instanceId: this.instanceId,
      period: periodHelpers(claim.fireTime, ctx.config.timeZone),
      logger,
      signal: this.abort.signal,
      enqueue: (tx, messages) => enqueueOutbox(tx, claim.job, messages, ctx.now()),
    };
    const started = Date.now();
    let status: 'SUCCEEDED' | 'FAILED' = 'SUCCEEDED';
    let error: string | null = null;
    let result: { detail?: string; enqueued?: number } = {};
    try {
      result = (await registered.handler(run)) ?? {};
    } catch (e) {
      status = 'FAILED';
      error = describeError(e);
      logger.error({ err: e }, 'job failed');
    }
    const finished = await ctx.prisma.jobRun.updateMany({
      where: { id: claim.runId, instanceId: this.instanceId, status: 'RUNNING' },
      data: { status, finishedAt: ctx.now(), error },
    });
    if (finished.count !== 1) {
      logger.warn('another instance took this run over before it finished; leaving its record alone');
      return { outcome: 'lost-lease', runId: claim.runId };
    }
    const ms = Date.now() - started;
    if (status === 'FAILED') return { outcome: 'failed', runId: claim.runId, error: error ?? 'failed' };
    const level = claim.job === 'outbox' && !result.detail ? 'debug' : 'info';
    logger[level]({ ms, source: claim.source, detail: result.detail, enqueued: result.enqueued }, 'job finished');
    return { outcome: 'succeeded', runId: claim.runId, detail: result.detail, enqueued: result.enqueued };
  }

  /**
   * Marks a dead instance's run FAILED when it is too old to be worth running again.
   * Compare-and-set, so a run that comes back to life or was just taken over is untouched.
   */
  async abandon(runId: number, instanceId: string, startedAt: Date, reason: string): Promise<boolean> {
    const r = await this.options.ctx.prisma.jobRun.updateMany({
      where: { id: runId, status: 'RUNNING', instanceId, startedAt },
      data: { status: 'FAILED', finishedAt: this.options.ctx.now(), error: reason },
    });
    return r.count === 1;
  }

  /** Tells running jobs to stop, then waits up to timeoutMs for them. */
  async stop(timeoutMs: number): Promise<void> {
    this.abort.abort();
    const all = Promise.allSettled([...this.running.values()]);
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  }

  get stopping(): boolean {
    return this.abort.signal.aborted;
  }
}

function describeError(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}
