// Triggers jobs on their schedules in the City's time zone. node-cron fires each job at its
// times; every fire goes to the run coordinator, which lets one instance run it.
//
// A sweep backs node-cron up, every 15 s. It runs, once, the most recent fire that
// fire-times.ts lists and nobody claimed: the DST cases node-cron misses (see
// fire-times.ts), fires node-cron skipped because the event loop was busy, and schedules
// changed on other instances (it reloads the JobSchedule table first). It also takes over
// runs whose instance died. It is a plain interval timer on purpose: node-cron's own "every
// 15 seconds" stalls through the repeated hour at fall-back. Catch-up at start is the same
// idea with each job's own, longer window.
import cron, { type ScheduledTask } from 'node-cron';
import type { JobName } from '../config.js';
import type { Logger } from '../logger.js';
import { pruneExpiredRecords } from '../services/retention.js';
import type { AppContext } from '../services/app-context.js';
import type { FireSource, RunCoordinator, RunOutcome } from './run-coordinator.js';
import { JOB_DEFAULTS, isJobName } from './schedule/defaults.js';
import { resolveSchedules, type EffectiveSchedule } from './schedule/effective-schedule.js';
import { latestFireBetween, nextFireAfter, truncateToSecond } from './schedule/fire-times.js';
import { scheduleChanges } from './schedule/set-job-schedule.js';

/** What the scheduler needs from the run coordinator (an interface so tests can count fires). */
export type FireRunner = Pick<RunCoordinator, 'runFire' | 'isRunning' | 'leaseFor' | 'instanceId' | 'stop' | 'abandon'>;

const PRUNE_EVERY_MS = 3_600_000;
/** Jobs that fire every few seconds or minutes: their finished runs are kept for this long. */
const FREQUENT_JOBS: JobName[] = ['outbox', 'briefings', 'canvas-sync', 'period-snapshots'];
const FREQUENT_RUNS_KEPT_MS = 2 * 86_400_000;

/**
 * The outbox fires 8,640 times a day. Its finished runs (and the minute-by-minute
 * briefings') are deleted after two days; that cannot make a fire run again, since neither
 * the sweep (2 min) nor catch-up (0 for these jobs, at most 24 h for any) looks that far back.
 */
export async function pruneFrequentRuns(prisma: AppContext['prisma'], now: Date): Promise<number> {
  const r = await prisma.jobRun.deleteMany({
    where: { job: { in: FREQUENT_JOBS }, status: { not: 'RUNNING' }, manual: false, fireTime: { lt: new Date(now.getTime() - FREQUENT_RUNS_KEPT_MS) } },
  });
  return r.count;
}

export interface SchedulerOptions {
  ctx: AppContext;
  coordinator: FireRunner;
  /** Time between sweeps; default 15 s. */
  sweepIntervalMs?: number;
  /** The sweep leaves fires younger than this to node-cron; default 5 s. */
  sweepGraceMs?: number;
  /** How far back the sweep looks; default 2 min (never before this scheduler started). */
  sweepLookbackMs?: number;
  /** Run missed fires at start (default true). */
  catchUp?: boolean;
  /** Per-job catch-up windows; JOB_DEFAULTS otherwise. */
  catchUpWindowMs?: Partial<Record<JobName, number>>;
}

export interface ScheduledJobView {
  job: JobName;
  schedule: EffectiveSchedule;
  nextFire: Date | null;
}

/** node-cron wants its own logger shape; route it into ours. */
function cronLogger(logger: Logger) {
  return {
    info: (m: string) => logger.info(m),
    warn: (m: string) => logger.debug(m), // "missed execution" warnings: the sweep handles those
    error: (m: string | Error, err?: Error) => logger.error({ err: err ?? m }, typeof m === 'string' ? m : m.message),
    debug: (m: string | Error) => logger.debug(typeof m === 'string' ? m : m.message),
  };
}

export class Scheduler {
  private readonly tasks = new Map<JobName, { task: ScheduledTask; expression: string }>();
  private sweepTimer: NodeJS.Timeout | null = null;
  private schedules: EffectiveSchedule[] = [];
  private startedAt = new Date(0);
  private readonly attempted = new Map<string, number>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly logger: Logger;
  private stopped = false;
  private sweeping: Promise<void> | null = null;
  private readonly onScheduleChange = () => {
    void this.reload().catch((e) => this.logger.error({ err: e }, 'could not reload schedules'));
  };
  /** Resolves when the start-up catch-up has finished (for tests and orderly shutdown). */
  catchUpDone: Promise<void> = Promise.resolve();

  constructor(private readonly options: SchedulerOptions) {
    this.logger = options.ctx.logger.child({ component: 'scheduler' });
  }

  private get ctx(): AppContext {
    return this.options.ctx;
  }

  private get zone(): string {
    return this.ctx.config.timeZone;
  }

  catchUpWindow(job: JobName): number {
    return this.options.catchUpWindowMs?.[job] ?? JOB_DEFAULTS[job].catchUpWindowMs;
  }

  async start(): Promise<void> {
    this.startedAt = truncateToSecond(this.ctx.now());
    await this.reload();
    this.sweepTimer = setInterval(() => void this.sweepOnce(), this.options.sweepIntervalMs ?? 15_000);
    this.sweepTimer.unref();
    scheduleChanges.on('changed', this.onScheduleChange);
    if (this.options.catchUp !== false) this.catchUpDone = this.track(this.catchUp(this.ctx.now()));
    this.logger.info({ jobs: this.schedules.map((s) => `${s.job}=${s.enabled ? s.cron.expression : 'off'} (${s.source})`) }, 'scheduler started');
  }

  async stop(timeoutMs = 20_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    scheduleChanges.off('changed', this.onScheduleChange);
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const { task } of this.tasks.values()) await task.destroy();
    this.tasks.clear();
    await this.options.coordinator.stop(timeoutMs);
    await Promise.race([Promise.allSettled([...this.pending]), new Promise((r) => setTimeout(r, 1000).unref())]);
  }

  /** Re-reads settings and environment; re-creates the node-cron task of each job that changed. */
  reload(): Promise<void> {
    // Serialized: a sweep and a settings change reloading at once must not both create a task.
    const next = this.reloading.then(() => this.reloadNow());
    this.reloading = next.catch(() => {});
    return next;
  }

  private reloading: Promise<void> = Promise.resolve();

  private async reloadNow(): Promise<void> {
    if (this.stopped) return;
    const next = await resolveSchedules(this.ctx.prisma, this.ctx.config);
    for (const schedule of next) {
      for (const warning of schedule.warnings) {
        // Reloads run every sweep: say it once, not every 15 seconds.
        if (!this.reported.has(warning)) this.logger.error({ job: schedule.job }, warning);
      }
      const current = this.tasks.get(schedule.job);
      const wanted = schedule.enabled ? schedule.cron.expression : null;
      if (current && current.expression === wanted) continue;
      if (current) {
        await current.task.destroy();
        this.tasks.delete(schedule.job);
      }
      if (wanted !== null) this.tasks.set(schedule.job, { task: await this.createTask(schedule.job, wanted), expression: wanted });
      if (this.schedules.length > 0) {
        this.logger.info({ job: schedule.job, cron: wanted ?? 'disabled', source: schedule.source }, 'schedule changed');
      }
    }
    this.schedules = next;
    this.reported = new Set(next.flatMap((s) => s.warnings));
  }

  private reported = new Set<string>();

  private async createTask(job: JobName, expression: string): Promise<ScheduledTask> {
    const task = cron.createTask(expression, (context) => this.onCronFire(job, context.date), {
      timezone: this.zone,
      name: `reap:${job}`,
      logger: cronLogger(this.logger),
    });
    await task.start();
    return task;
  }

  list(now: Date = this.ctx.now()): ScheduledJobView[] {
    return this.schedules.map((schedule) => ({
      job: schedule.job,
      schedule,
      nextFire: schedule.enabled ? nextFireAfter(schedule.cron, this.zone, now) : null,
    }));
  }

  private onCronFire(job: JobName, date: Date): void {
    if (this.stopped) return;
    const fireTime = truncateToSecond(date);
    if (this.options.coordinator.isRunning(job)) {
      // Leave it to another instance, or to the sweep once this run is over.
      this.logger.debug({ job, fireTime: fireTime.toISOString() }, 'previous run still going; not claiming this fire here');
      return;
    }
    void this.launch(job, fireTime, 'cron');
  }

  private launch(job: JobName, fireTime: Date, source: FireSource): Promise<RunOutcome | undefined> {
    this.remember(job, fireTime);
    return this.track(
      this.options.coordinator.runFire(job, fireTime, source).catch((e) => {
        // Typically the database is unreachable; the sweep tries again while the fire is recent.
        this.attempted.delete(`${job}@${fireTime.getTime()}`);
        this.logger.error({ err: e, job, fireTime: fireTime.toISOString(), source }, 'could not run a fire');
        return undefined;
      }),
    );
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
    return promise;
  }

  private remember(job: JobName, fireTime: Date): void {
    this.attempted.set(`${job}@${fireTime.getTime()}`, fireTime.getTime());
  }

  private sweepOnce(): Promise<void> {
    // One sweep at a time; a slow database must not pile them up.
    this.sweeping ??= this.sweep(this.ctx.now())
      .catch((e) => this.logger.error({ err: e }, 'sweep failed'))
      .finally(() => {
        this.sweeping = null;
      });
    return this.sweeping;
  }

  /** Runs the most recent unclaimed fire of each job, then rescues runs of dead instances. */
  async sweep(now: Date): Promise<void> {
    if (this.stopped) return;
    await this.reload();
    const lookback = this.options.sweepLookbackMs ?? 120_000;
    const grace = this.options.sweepGraceMs ?? 5_000;
    const notBefore = new Date(Math.max(this.startedAt.getTime() - 1, now.getTime() - lookback));
    for (const [key, at] of this.attempted) if (at < now.getTime() - lookback - 60_000) this.attempted.delete(key);
    for (const schedule of this.schedules) {
      if (!schedule.enabled || this.options.coordinator.isRunning(schedule.job)) continue;
      const fire = latestFireBetween(schedule.cron, this.zone, notBefore, new Date(now.getTime() - grace));
      if (!fire || this.attempted.has(`${schedule.job}@${fire.getTime()}`)) continue;
      void this.launch(schedule.job, fire, 'sweep');
    }
    await this.rescueStaleRuns(now, lookback);
    if (now.getTime() - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = now.getTime();
      const removed = await pruneFrequentRuns(this.ctx.prisma, now);
      if (removed > 0) this.logger.debug({ removed }, 'pruned old runs of frequent jobs');
      const expired = await pruneExpiredRecords(this.ctx.prisma, now);
      if (expired.outboxMessages + expired.unknownAuditRows > 0) this.logger.info(expired, 'pruned records past their retention');
    }
  }

  private prunedAt = 0;

  private async rescueStaleRuns(now: Date, lookback: number): Promise<void> {
    const coordinator = this.options.coordinator;
    const shortestLease = Math.min(...this.schedules.map((s) => coordinator.leaseFor(s.job)));
    const stale = await this.ctx.prisma.jobRun.findMany({
      where: { status: 'RUNNING', startedAt: { lt: new Date(now.getTime() - shortestLease) } },
      orderBy: { fireTime: 'desc' },
      take: 50,
    });
    for (const row of stale) {
      if (!isJobName(row.job)) continue;
      const job = row.job;
      if (row.startedAt.getTime() >= now.getTime() - coordinator.leaseFor(job)) continue;
      if (row.instanceId === coordinator.instanceId && coordinator.isRunning(job)) continue;
      const window = Math.max(this.catchUpWindow(job), lookback);
      if (row.fireTime.getTime() > now.getTime() - window && !coordinator.isRunning(job)) {
        void this.launch(job, row.fireTime, 'takeover');
      } else if (row.fireTime.getTime() <= now.getTime() - window) {
        const abandoned = await coordinator.abandon(
          row.id,
          row.instanceId,
          row.startedAt,
          `abandoned: instance ${row.instanceId} stopped before finishing, and the fire is too old to run again`,
        );
        if (abandoned) this.logger.warn({ job, runId: row.id, from: row.instanceId }, 'marked a dead run as failed');
      }
    }
  }

  /** At start: for each job, the most recent fire missed within its window runs once. */
  async catchUp(now: Date): Promise<void> {
    for (const schedule of this.schedules) {
      const window = this.catchUpWindow(schedule.job);
      if (!schedule.enabled || window <= 0 || this.stopped) continue;
      const fire = latestFireBetween(schedule.cron, this.zone, new Date(now.getTime() - window), now);
      if (!fire) continue;
      const outcome = await this.launch(schedule.job, fire, 'catch-up');
      if (outcome && outcome.outcome !== 'not-claimed') {
        this.logger.info({ job: schedule.job, fireTime: fire.toISOString(), outcome: outcome.outcome }, 'caught up a missed fire');
      }
    }
  }
}
