// The jobs the multi-instance and kill tests run, shared by child processes and in-process runs.
import { outboxKey } from '../../../../src/jobs/outbox/enqueue.js';
import { JobRegistry } from '../../../../src/jobs/registry.js';
import { writeAudit } from '../../../../src/services/audit.js';

export const TICK_CHANNEL = 'C0TICK';

/** `briefings` records each run of each fire (an audit row, not idempotent) and queues one message per fire. */
export function tickerRegistry(instanceId: string): JobRegistry {
  return new JobRegistry().register('briefings', async (run) => {
    await run.ctx.prisma.$transaction(async (tx) => {
      await writeAudit(tx, { actor: `test:${instanceId}`, action: 'test.fire', entityType: 'fire', entityId: run.fireTime.toISOString() });
      await run.enqueue(tx, [
        {
          idempotencyKey: outboxKey(run.job, run.fireTime.toISOString(), TICK_CHANNEL),
          channelId: TICK_CHANNEL,
          payload: { text: run.fireTime.toISOString() },
        },
      ]);
    });
    return {};
  });
}

export function fanoutUsers(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `U0F${String(i).padStart(4, '0')}`);
}

/** `weekly-digest` queues one DM to each of n users. */
export function fanoutRegistry(n: number): JobRegistry {
  return new JobRegistry().register('weekly-digest', async (run) => {
    const week = run.period.isoWeek();
    const r = await run.ctx.prisma.$transaction((tx) =>
      run.enqueue(
        tx,
        fanoutUsers(n).map((u) => ({ idempotencyKey: outboxKey(run.job, week, u), userId: u, payload: { text: `digest ${week} for ${u}` } })),
      ),
    );
    return { enqueued: r.created };
  });
}

/**
 * Scheduler settings for tests: quick sweeps, short leases so a restart recovers in seconds.
 * The send lease stays above the Slack client's timeout (FAST_CLIENT_TIMEOUT_MS), as in
 * production (120 s vs 10 s), or a slow post could be checked, found missing, and resent.
 */
export const FAST_CLIENT_TIMEOUT_MS = 2000;
export const FAST_RECOVERY = {
  scheduler: { catchUp: false, sweepIntervalMs: 1000, sweepGraceMs: 1500 },
  dispatcher: { claimLeaseMs: 2000, sendLeaseMs: 4000, verifyDelayMs: 500, perChannelIntervalMs: 0, concurrency: 8 },
};
