// The scheduler as it runs in production (node-cron timers plus the sweep) across the two
// DST transitions of 2026 in America/Los_Angeles, on fake timers: every fire the pure
// function lists runs exactly once, including those node-cron alone would miss.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JOB_NAMES, loadConfig, type JobName } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import type { AppContext } from '../../../src/services/app-context.js';
import type { FireSource, RunOutcome } from '../../../src/jobs/run-coordinator.js';
import { Scheduler, type FireRunner } from '../../../src/jobs/scheduler.js';
import { compileCron } from '../../../src/jobs/schedule/cron-expression.js';
import { firesBetween } from '../../../src/jobs/schedule/fire-times.js';

/** Claims like JobRun's unique key would, and remembers who ran what. */
class CountingRunner implements FireRunner {
  readonly instanceId = 'test';
  readonly runs: { job: JobName; fireTime: string; source: FireSource }[] = [];
  private readonly claimed = new Set<string>();
  async runFire(job: JobName, fireTime: Date, source: FireSource): Promise<RunOutcome> {
    const key = `${job}@${fireTime.toISOString()}`;
    if (this.claimed.has(key)) return { outcome: 'not-claimed', reason: 'taken' };
    this.claimed.add(key);
    this.runs.push({ job, fireTime: fireTime.toISOString(), source });
    return { outcome: 'succeeded', runId: this.runs.length };
  }
  isRunning(): boolean {
    return false;
  }
  leaseFor(): number {
    return 600_000;
  }
  async stop(): Promise<void> {}
  async abandon(): Promise<boolean> {
    return false;
  }
}

function fakeContext(job: JobName, cron: string): AppContext {
  const config = loadConfig({ REAP_TIMEZONE: 'America/Los_Angeles', [`REAP_CRON_${job.toUpperCase().replace(/-/g, '_')}`]: cron });
  // Only the two reads the scheduler makes; every other job is switched off.
  const prisma = {
    jobSchedule: {
      findMany: async () =>
        JOB_NAMES.filter((j) => j !== job).map((j) => ({ job: j, cron: '0 0 1 1 *', enabled: false, updatedBy: null, updatedAt: new Date(0) })),
    },
    jobRun: { findMany: async () => [] },
  };
  return {
    config,
    db: {} as AppContext['db'],
    prisma: prisma as unknown as AppContext['prisma'],
    logger: createLogger('silent'),
    now: () => new Date(),
  };
}

async function runScheduler(job: JobName, cron: string, fromIso: string, hours: number) {
  vi.useFakeTimers({ now: new Date(fromIso) });
  const runner = new CountingRunner();
  const scheduler = new Scheduler({ ctx: fakeContext(job, cron), coordinator: runner, catchUp: false });
  await scheduler.start();
  for (let s = 0; s < hours * 3600; s += 15) await vi.advanceTimersByTimeAsync(15_000);
  await scheduler.stop();
  vi.useRealTimers();
  return runner.runs;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('scheduler across DST (America/Los_Angeles)', () => {
  it('runs a 02:30 daily job once on the spring-forward day, at 03:00 PDT', async () => {
    const runs = await runScheduler('deadline-reminders', '30 2 * * *', '2026-03-08T09:00:00Z', 2);
    expect(runs.map((r) => r.fireTime)).toEqual(['2026-03-08T10:00:00.000Z']);
    // node-cron never fires a time that does not exist; the sweep does, within seconds.
    expect(runs[0]!.source).toBe('sweep');
  });

  it('runs a 02:30 daily job once on the fall-back day', async () => {
    const runs = await runScheduler('deadline-reminders', '30 2 * * *', '2026-11-01T08:00:00Z', 4);
    expect(runs.map((r) => r.fireTime)).toEqual(['2026-11-01T10:30:00.000Z']);
    expect(runs[0]!.source).toBe('cron');
  });

  it('runs a 01:30 daily job once although 01:30 happens twice', async () => {
    const runs = await runScheduler('update-prompts', '30 1 * * *', '2026-11-01T08:00:00Z', 3);
    expect(runs.map((r) => r.fireTime)).toEqual(['2026-11-01T08:30:00.000Z']);
  });

  it('keeps an every-10-minutes job going through the repeated hour, each fire once', async () => {
    const cron = '*/10 * * * *';
    const runs = await runScheduler('briefings', cron, '2026-11-01T08:00:00Z', 3);
    const expected = firesBetween(compileCron(cron), 'America/Los_Angeles', new Date('2026-11-01T07:59:59Z'), new Date('2026-11-01T11:00:00Z'));
    expect(runs.map((r) => r.fireTime).sort()).toEqual(expected.map((d) => d.toISOString()));
    expect(expected).toHaveLength(19); // 08:00 … 11:00 UTC, every 10 real minutes
    // The second pass through 01:xx came from the sweep: node-cron skips it.
    expect(runs.filter((r) => r.source === 'sweep').map((r) => r.fireTime)).toContain('2026-11-01T09:10:00.000Z');
  });
});
