// Claiming fires in the database: one run per fire whoever asks, takeover of dead claims,
// catch-up after downtime, and re-runs that enqueue nothing twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobName } from '../../../src/config.js';
import { outboxKey } from '../../../src/jobs/outbox/enqueue.js';
import { JobRegistry, type JobHandler } from '../../../src/jobs/registry.js';
import { RunCoordinator } from '../../../src/jobs/run-coordinator.js';
import { pruneFrequentRuns, Scheduler } from '../../../src/jobs/scheduler.js';
import type { AppContext } from '../../../src/services/app-context.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';
import { TestClock, testContext } from './support/harness.js';

let db: TestDatabase;
let clock: TestClock;
let ctx: AppContext;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await dropTestDatabase(db);
});

beforeEach(async () => {
  await db.prisma.$executeRawUnsafe('TRUNCATE "JobRun", "OutboxMessage", "AuditLog", "JobSchedule" RESTART IDENTITY CASCADE');
  clock = new TestClock(Date.parse('2026-11-23T16:00:00Z')); // Monday 08:00 in San José
  ctx = testContext(db, { now: clock.now });
});

/** A digest-like job: one DM per person per ISO week, and a count of how often its body ran. */
function weeklyDigest(calls: string[], people = ['U0ANA', 'U0BAO']): JobHandler {
  return async (run) => {
    calls.push(`${run.instanceId}@${run.fireTime.toISOString()}`);
    const week = run.period.isoWeek();
    const r = await run.ctx.prisma.$transaction((tx) =>
      run.enqueue(
        tx,
        people.map((u) => ({ idempotencyKey: outboxKey(run.job, week, u), userId: u, payload: { text: `digest ${week}` } })),
      ),
    );
    return { detail: `${r.created} digests queued`, enqueued: r.created };
  };
}

function coordinator(instanceId: string, registry: JobRegistry, leaseMs?: Partial<Record<JobName, number>>) {
  return new RunCoordinator({ ctx, registry, instanceId, leaseMs });
}

describe('claiming a fire', () => {
  it('runs a fire once when three instances ask at the same moment', async () => {
    const calls: string[] = [];
    const registry = new JobRegistry().register('weekly-digest', weeklyDigest(calls));
    const fire = new Date('2026-11-23T16:00:00Z');
    const outcomes = await Promise.all(['a', 'b', 'c'].map((id) => coordinator(id, registry).runFire('weekly-digest', fire, 'cron')));
    expect(outcomes.filter((o) => o.outcome === 'succeeded')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'not-claimed')).toHaveLength(2);
    expect(calls).toHaveLength(1);
    const runs = await ctx.prisma.jobRun.findMany();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ job: 'weekly-digest', status: 'SUCCEEDED', manual: false, fireTime: fire });
    expect(runs[0]!.finishedAt).not.toBeNull();
    expect(await ctx.prisma.outboxMessage.count()).toBe(2);
  });

  it('truncates the fire time to the second, so timers a few ms apart agree', async () => {
    const registry = new JobRegistry().register('weekly-digest', weeklyDigest([]));
    const a = await coordinator('a', registry).runFire('weekly-digest', new Date('2026-11-23T16:00:00.004Z'), 'cron');
    const b = await coordinator('b', registry).runFire('weekly-digest', new Date('2026-11-23T16:00:00.950Z'), 'cron');
    expect([a.outcome, b.outcome]).toEqual(['succeeded', 'not-claimed']);
  });

  it('records a failing job with its error, and a job without composer as a no-op', async () => {
    const registry = new JobRegistry().register('redi-digest', async () => {
      throw new Error('REDI channel is not set');
    });
    const failed = await coordinator('a', registry).runFire('redi-digest', clock.now(), 'cron');
    expect(failed).toMatchObject({ outcome: 'failed', error: 'Error: REDI channel is not set' });
    const noop = await coordinator('a', registry).runFire('briefing-reminder', clock.now(), 'cron');
    expect(noop).toMatchObject({ outcome: 'succeeded', detail: 'no composer registered for briefing-reminder' });
    const rows = await ctx.prisma.jobRun.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.job, r.status, r.error])).toEqual([
      ['redi-digest', 'FAILED', 'Error: REDI channel is not set'],
      ['briefing-reminder', 'SUCCEEDED', null],
    ]);
  });

  it('records manual runs as manual, at the current second', async () => {
    const registry = new JobRegistry().register('weekly-digest', weeklyDigest([]));
    clock.advance(2 * 86_400_000 + 1234); // Wednesday
    const outcome = await coordinator('cli', registry).runManually('weekly-digest');
    expect(outcome.outcome).toBe('succeeded');
    const run = await ctx.prisma.jobRun.findFirstOrThrow();
    expect(run).toMatchObject({ manual: true, fireTime: new Date('2026-11-25T16:00:01.000Z'), instanceId: 'cli' });
  });
});

describe('exactly once across re-runs and takeovers', () => {
  it('enqueues nothing twice when the same period runs again (manual run later that week)', async () => {
    const calls: string[] = [];
    const registry = new JobRegistry().register('weekly-digest', weeklyDigest(calls, ['U0ANA', 'U0BAO', 'U0CHI']));
    await coordinator('a', registry).runFire('weekly-digest', clock.now(), 'cron');
    clock.advance(86_400_000);
    const again = await coordinator('cli', registry).runManually('weekly-digest');
    expect(again).toMatchObject({ outcome: 'succeeded', detail: '0 digests queued' });
    expect(calls).toHaveLength(2);
    expect(await ctx.prisma.outboxMessage.count()).toBe(3);
  });

  it('takes over a claim whose instance died once its lease has run out, and audits it', async () => {
    const calls: string[] = [];
    const registry = new JobRegistry().register('weekly-digest', weeklyDigest(calls));
    const fire = clock.now();
    // The dead instance claimed the fire and enqueued half its fan-out before dying.
    await ctx.prisma.jobRun.create({ data: { job: 'weekly-digest', fireTime: fire, instanceId: 'dead', startedAt: clock.now() } });
    await ctx.prisma.outboxMessage.create({
      data: { idempotencyKey: outboxKey('weekly-digest', '2026-W48', 'U0ANA'), userId: 'U0ANA', payload: { text: 'digest 2026-W48' }, job: 'weekly-digest' },
    });
    const live = coordinator('live', registry, { 'weekly-digest': 60_000 });
    expect(await live.runFire('weekly-digest', fire, 'sweep')).toMatchObject({ outcome: 'not-claimed' });
    clock.advance(61_000);
    expect(await live.runFire('weekly-digest', fire, 'takeover')).toMatchObject({ outcome: 'succeeded', detail: '1 digests queued' });
    const run = await ctx.prisma.jobRun.findFirstOrThrow();
    expect([run.instanceId, run.status]).toEqual(['live', 'SUCCEEDED']);
    expect(await ctx.prisma.outboxMessage.count()).toBe(2);
    const audit = await ctx.prisma.auditLog.findFirstOrThrow({ where: { action: 'job.run.takeover' } });
    expect(audit.before).toMatchObject({ instanceId: 'dead' });
  });

  it('lets only the current holder record the outcome', async () => {
    let release!: () => void;
    const slow: JobHandler = () => new Promise((resolve) => (release = () => resolve({ detail: 'slow one' })));
    const registry = new JobRegistry().register('weekly-digest', slow);
    const fire = clock.now();
    const slowRun = coordinator('slow', registry, { 'weekly-digest': 1000 }).runFire('weekly-digest', fire, 'cron');
    await new Promise((r) => setTimeout(r, 200));
    clock.advance(5000);
    const rescuer = new JobRegistry().register('weekly-digest', async () => ({ detail: 'rescuer' }));
    expect(await coordinator('rescuer', rescuer, { 'weekly-digest': 1000 }).runFire('weekly-digest', fire, 'takeover')).toMatchObject({
      outcome: 'succeeded',
    });
    release();
    expect(await slowRun).toMatchObject({ outcome: 'lost-lease' });
    expect((await ctx.prisma.jobRun.findFirstOrThrow()).instanceId).toBe('rescuer');
  });
});

describe('catch-up at start', () => {
  async function startAt(nowIso: string, registry: JobRegistry) {
    // node-cron arms the real schedules on the wall clock (the outbox every 10 s, on the 10 s);
    // a real fire inside this short start would be counted as a catch-up, so start clear of one.
    const untilNextTen = 10_000 - (Date.now() % 10_000);
    if (untilNextTen < 2_000) await new Promise((r) => setTimeout(r, untilNextTen + 50));
    clock.set(new Date(nowIso));
    const scheduler = new Scheduler({ ctx, coordinator: coordinator('restarted', registry), sweepIntervalMs: 3_600_000 });
    await scheduler.start();
    await scheduler.catchUpDone;
    await scheduler.stop();
  }

  it('runs the most recent fire missed within the window, once', async () => {
    const calls: string[] = [];
    const reminders: string[] = [];
    const registry = new JobRegistry().register('weekly-digest', weeklyDigest(calls)).register('deadline-reminders', async (run) => {
      reminders.push(run.fireTime.toISOString());
      return {};
    });
    // Down since Saturday; back on Monday 2026-11-23 at 11:00 PST.
    await startAt('2026-11-23T19:00:00Z', registry);
    expect(calls.map((c) => c.split('@')[1])).toEqual(['2026-11-23T16:00:00.000Z']);
    // Daily 08:00 reminders missed on Saturday, Sunday and Monday: only Monday's runs.
    expect(reminders).toEqual(['2026-11-23T16:00:00.000Z']);
    // Starting again does not run them a second time.
    await startAt('2026-11-23T19:05:00Z', registry);
    expect(calls).toHaveLength(1);
    expect(reminders).toHaveLength(1);
  });

  it('leaves fires older than the window alone, and never catches up the outbox', async () => {
    const seen: string[] = [];
    const registry = new JobRegistry();
    for (const job of ['weekly-digest', 'deadline-reminders', 'outbox', 'briefings'] as const) {
      registry.register(job, async () => {
        seen.push(job);
        return {};
      });
    }
    // Tuesday 2026-11-24 07:00 PST: Monday's digest is 23 h old (inside 24 h); Monday's
    // reminders 23 h (outside 12 h); the outbox and briefings have no catch-up.
    await startAt('2026-11-24T15:00:00Z', registry);
    expect(seen).toEqual(['weekly-digest']);
  });
});

describe('housekeeping', () => {
  it('prunes old finished runs of the frequent jobs only', async () => {
    const old = new Date(clock.now().getTime() - 3 * 86_400_000);
    await ctx.prisma.jobRun.createMany({
      data: [
        { job: 'outbox', fireTime: old, instanceId: 'a', status: 'SUCCEEDED' },
        { job: 'briefings', fireTime: old, instanceId: 'a', status: 'FAILED' },
        { job: 'outbox', fireTime: clock.now(), instanceId: 'a', status: 'SUCCEEDED' },
        { job: 'outbox', fireTime: new Date(old.getTime() - 1000), instanceId: 'a', status: 'RUNNING' },
        { job: 'weekly-digest', fireTime: old, instanceId: 'a', status: 'SUCCEEDED' },
      ],
    });
    expect(await pruneFrequentRuns(ctx.prisma, clock.now())).toBe(2);
    expect((await ctx.prisma.jobRun.findMany({ orderBy: { id: 'asc' } })).map((r) => `${r.job}:${r.status}`)).toEqual([
      'outbox:SUCCEEDED',
      'outbox:RUNNING',
      'weekly-digest:SUCCEEDED',
    ]);
  });

  it('prunes outbox messages past their retention in the hourly sweep', async () => {
    const old = new Date(clock.now().getTime() - 200 * 86_400_000);
    await ctx.prisma.outboxMessage.create({ data: { idempotencyKey: 'ancient', userId: 'UX', payload: { text: 'x' }, status: 'SENT', createdAt: old } });
    // No look-back: this sweep launches no fire, it only does the hourly housekeeping.
    const scheduler = new Scheduler({
      ctx,
      coordinator: coordinator('pruner', new JobRegistry()),
      sweepIntervalMs: 3_600_000,
      sweepLookbackMs: 0,
      catchUp: false,
    });
    await scheduler.sweep(clock.now());
    await scheduler.stop();
    expect(await ctx.prisma.outboxMessage.count({ where: { idempotencyKey: 'ancient' } })).toBe(0);
  });
});
