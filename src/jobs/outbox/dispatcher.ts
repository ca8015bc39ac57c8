// Sends outbox rows to Slack: nothing lost, nothing sent twice, Slack's limits respected.
//
// The crash window. Between "Slack posted the message" and "we wrote SENT", a crash, a
// timeout or a 5xx leaves us not knowing whether the message went out. Resending blindly
// would post twice; giving up would lose it. So every message carries its idempotency key
// in Slack message metadata, the row stays SENDING, and before anything is sent again the
// dispatcher looks for that key in the channel's history (conversations.history with
// include_all_metadata): found → SENT with that ts; not found → sent again. Exactly once,
// as long as history can be read (needs channels:history / groups:history / im:history).
// When it cannot be read, we choose at-most-once: the row is FAILED as
// "delivery_unconfirmed" and the admins are told, rather than risk a duplicate.
//
// This file runs the loops and hands each recipient's rows over in order. The steps:
// claims.ts picks rows, send-message.ts sends one, post-failures.ts decides what a failed
// post means, history-check.ts settles the unconfirmed ones, row-transitions.ts writes
// every change of status.
import { ChartUploads } from '../../charts/chart-uploads.js';
import type { OutboxMessage } from '../../generated/prisma/client.js';
import { ChannelPacer } from './channel-pacer.js';
import { claimDue, claimUnconfirmed } from './claims.js';
import { AppPause, type DispatchContext, type DispatcherOptions, type DispatchStats, emptyStats, withDefaults } from './dispatch-context.js';
import { DmChannels } from './dm-channels.js';
import { checkAgainstHistory } from './history-check.js';
import { OutboxRows } from './row-transitions.js';
import { Semaphore } from './semaphore.js';
import { deliver } from './send-message.js';

export type { DispatcherOptions, DispatchStats } from './dispatch-context.js';
export { OUTBOX_METADATA_EVENT } from './outbox-metadata.js';

export class OutboxDispatcher {
  private readonly ctx: DispatchContext;
  /**
   * Rows some loop of this process is working on. A claim can hand back a row whose lease ran
   * out while we were still on it (a slow post, a stalled event loop); it is skipped, never
   * handled twice. Our own slow post in particular is never "checked" against history.
   */
  private readonly handling = new Set<number>();

  constructor(options: DispatcherOptions) {
    const settings = withDefaults(options);
    const slackSlots = new Semaphore(settings.concurrency);
    const dms = new DmChannels(settings.prisma, settings.client, slackSlots);
    this.ctx = {
      settings,
      pacer: new ChannelPacer(settings.perChannelIntervalMs),
      charts: options.charts ?? new ChartUploads({ client: options.client, logger: options.logger, filePrefix: 'chart', rethrowRateLimits: true }),
      slackSlots,
      dms,
      rows: new OutboxRows(settings, dms),
      pause: new AppPause(),
    };
  }

  /** Sends what is due until nothing is left (or the budget runs out); the `outbox` job's body. */
  async drain(options: { signal?: AbortSignal; budgetMs?: number } = {}): Promise<DispatchStats> {
    const stats = emptyStats();
    const deadline = Date.now() + (options.budgetMs ?? 5 * 60_000);
    // A few batches in flight, so recipients done early do not wait for the slowest channel
    // of their batch. Claims skip rows locked by the other loops, and a recipient's later
    // rows stay unclaimable while its earlier ones are in flight, so order still holds.
    let busy = 0;
    let batchDone: Promise<void> = Promise.resolve();
    let signalBatchDone = () => {};
    const nextBatchDone = () => (batchDone = new Promise((resolve) => (signalBatchDone = resolve)));
    nextBatchDone();
    const loop = async () => {
      while (!options.signal?.aborted && Date.now() < deadline && !this.ctx.pause.active) {
        busy++;
        let handled = 0;
        try {
          handled = await this.dispatchOnce(stats, options.signal);
        } finally {
          busy--;
          // Wake the waiting loops when rows may have freed up, or when nobody is left working
          // (so they can stop). An empty claim wakes nobody: otherwise idle loops ping-pong.
          if (handled > 0 || busy === 0) {
            const done = signalBatchDone;
            nextBatchDone();
            done();
          }
        }
        if (handled > 0) continue;
        // Nothing claimable now; rows held back behind another loop's batch may free up.
        if (busy === 0) break;
        await batchDone;
      }
    };
    await Promise.all(Array.from({ length: this.ctx.settings.parallelBatches }, loop));
    this.ctx.pacer.prune();
    return stats;
  }

  /** Keeps dispatching until the signal aborts; for a dedicated dispatcher process or the bench. */
  async runContinuously(options: { signal: AbortSignal; idleMs?: number }): Promise<DispatchStats> {
    const stats = emptyStats();
    while (!options.signal.aborted) {
      const handled = this.ctx.pause.active
        ? 0
        : await this.dispatchOnce(stats, options.signal).catch((e) => {
            this.ctx.settings.logger.error({ err: e }, 'outbox dispatch failed; retrying');
            return 0;
          });
      if (handled === 0) await this.ctx.settings.sleep(options.idleMs ?? 1000, options.signal);
      this.ctx.pacer.prune();
    }
    return stats;
  }

  /** One pass: check unconfirmed messages, then claim and send one batch. Returns rows handled. */
  async dispatchOnce(stats: DispatchStats, signal?: AbortSignal): Promise<number> {
    const { settings: o } = this.ctx;
    const unconfirmed = await claimUnconfirmed(o.prisma, {
      instanceId: o.instanceId,
      now: o.now(),
      leaseMs: o.claimLeaseMs,
      limit: o.batchSize,
    });
    const toCheck = this.take(unconfirmed);
    for (const row of toCheck) {
      try {
        await checkAgainstHistory(this.ctx, row, stats);
      } finally {
        this.handling.delete(row.id);
      }
    }
    const claimed = await claimDue(o.prisma, {
      instanceId: o.instanceId,
      now: o.now(),
      leaseMs: o.claimLeaseMs,
      limit: o.batchSize,
      perRecipient: o.perRecipientPerBatch,
    });
    const rows = this.take(claimed);
    if (rows.length === 0) return toCheck.length;
    try {
      await this.ctx.dms.prefetch(rows);
      const groups = new Map<string, OutboxMessage[]>();
      for (const row of rows) {
        const key = row.channelId ?? `user:${row.userId}`;
        groups.set(key, [...(groups.get(key) ?? []), row]);
      }
      // Every recipient at once: a group mostly waits for its channel's next slot, and the
      // semaphore bounds what actually goes to Slack.
      await Promise.all([...groups.values()].map((group) => this.deliverGroup(group, stats, signal)));
    } finally {
      for (const row of rows) this.handling.delete(row.id);
    }
    return toCheck.length + rows.length;
  }

  /** The claimed rows no other loop of this process is working on, now marked as ours. */
  private take(rows: OutboxMessage[]): OutboxMessage[] {
    const free = rows.filter((r) => !this.handling.has(r.id));
    for (const row of free) this.handling.add(row.id);
    return free;
  }

  /** One recipient's rows, in the order they were queued. */
  private async deliverGroup(group: OutboxMessage[], stats: DispatchStats, signal?: AbortSignal): Promise<void> {
    const { rows } = this.ctx;
    for (let i = 0; i < group.length; i++) {
      if (signal?.aborted || this.ctx.pause.active) return rows.release(group.slice(i));
      const outcome = await deliver(this.ctx, group[i]!, stats, signal).catch(async (e) => {
        // Database trouble mid-send: the claim lease expires and the row is picked up again.
        this.ctx.settings.logger.error({ err: e, outboxId: group[i]!.id }, 'could not process an outbox message');
        return 'lost' as const;
      });
      if (typeof outcome === 'object') {
        // The recipient must wait (rate limit, pacing, Slack trouble): so must its other rows.
        const rest = group.slice(i + 1);
        stats.retried += rest.length;
        return rows.release(rest, outcome.defer);
      }
    }
  }
}
