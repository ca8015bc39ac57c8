// Every change a dispatcher makes to a row it claimed. Each UPDATE matches the row only as
// this dispatcher left it (`mine`), so a dispatcher whose claim ran out, or whose answer
// came too late, changes nothing. The statuses are explained in claims.ts.
import type { OutboxMessage, OutboxStatus } from '../../generated/prisma/client.js';
import type { DispatchSettings, DispatchStats } from './dispatch-context.js';
import { DM_FORGOTTEN, type DmChannels } from './dm-channels.js';
import { noticeDeliveryFailure } from './failure-notice.js';

/**
 * What became of a row handed over for delivery: finished, dropped (another dispatcher has
 * it now), or put back until a time, which its recipient's later rows must wait for too.
 */
export type Delivery = 'done' | 'lost' | { defer: Date };

export class OutboxRows {
  constructor(
    private readonly settings: DispatchSettings,
    private readonly dms: DmChannels,
  ) {}

  /**
   * Matches the row only as this dispatcher left it: same lock holder, status and attempt
   * number. The attempt number is a fencing token: a stale "not found in history" cannot
   * send back to PENDING a row that a newer attempt has already put in SENDING.
   */
  private mine(row: OutboxMessage, status: OutboxStatus, attempts = row.attempts) {
    return { id: row.id, lockedBy: this.settings.instanceId, status, attempts };
  }

  /** Hands claimed, untouched rows back, optionally not before `notBefore`. */
  async release(rows: OutboxMessage[], notBefore?: Date): Promise<void> {
    if (rows.length === 0) return;
    await this.settings.prisma.outboxMessage.updateMany({
      where: { id: { in: rows.map((r) => r.id) }, lockedBy: this.settings.instanceId, status: 'PENDING' },
      data: { lockedBy: null, lockedUntil: null, ...(notBefore ? { nextAttemptAt: notBefore } : {}) },
    });
  }

  /** A claimed row that was not handed to Slack: back to the queue, due at `at`. */
  async reschedule(row: OutboxMessage, at: Date, lastError: string | null, stats: DispatchStats): Promise<Delivery> {
    await this.settings.prisma.outboxMessage.updateMany({
      where: this.mine(row, 'PENDING'),
      data: { lockedBy: null, lockedUntil: null, nextAttemptAt: at, ...(lastError ? { lastError } : {}) },
    });
    stats.retried++;
    return { defer: at };
  }

  /** SENDING, just before the post: false when our claim expired and someone else has the row. */
  async markSending(row: OutboxMessage, channel: string): Promise<boolean> {
    const marked = await this.settings.prisma.outboxMessage.updateMany({
      where: this.mine(row, 'PENDING'),
      data: {
        status: 'SENDING',
        attempts: { increment: 1 },
        slackChannel: channel,
        lockedUntil: new Date(this.settings.now().getTime() + this.settings.sendLeaseMs),
      },
    });
    return marked.count === 1;
  }

  /** After an answer that proves nothing was posted (429, ok:false): try again later. */
  async backToPending(row: OutboxMessage, attempts: number, at: Date, code: string): Promise<void> {
    await this.settings.prisma.outboxMessage.updateMany({
      where: this.mine(row, 'SENDING', attempts),
      data: { status: 'PENDING', lockedBy: null, lockedUntil: null, nextAttemptAt: at, lastError: code },
    });
  }

  /** Slack forgot the stored DM channel: due again at once, to be sent in a newly opened DM. */
  async reopenDm(row: OutboxMessage, attempts: number, now: Date): Promise<void> {
    await this.settings.prisma.outboxMessage.updateMany({
      where: this.mine(row, 'SENDING', attempts),
      data: { status: 'PENDING', slackChannel: null, lockedBy: null, lockedUntil: null, nextAttemptAt: now, lastError: DM_FORGOTTEN },
    });
  }

  /** Maybe posted: stays SENDING, unlocked at `until`, when it is checked against Slack's history. */
  async awaitConfirmation(row: OutboxMessage, attempts: number, until: Date, code: string): Promise<void> {
    await this.settings.prisma.outboxMessage.updateMany({
      where: this.mine(row, 'SENDING', attempts),
      data: { lockedBy: null, lockedUntil: until, lastError: `unconfirmed: ${code}` },
    });
  }

  /** Slack's history could not be read this time: check again at `until`. */
  async checkHistoryLater(row: OutboxMessage, until: Date, code: string): Promise<void> {
    await this.settings.prisma.outboxMessage.updateMany({
      where: this.mine(row, 'SENDING'),
      data: { lockedBy: null, lockedUntil: until, lastError: `unconfirmed; history: ${code}` },
    });
  }

  /** Not in Slack's history, so never posted: due again now. False when the row was no longer ours. */
  async sendAgain(row: OutboxMessage): Promise<boolean> {
    const back = await this.settings.prisma.outboxMessage.updateMany({
      where: this.mine(row, 'SENDING'),
      data: { status: 'PENDING', lockedBy: null, lockedUntil: null, nextAttemptAt: this.settings.now() },
    });
    return back.count === 1;
  }

  async markSent(
    row: OutboxMessage,
    attempts: number,
    channel: string,
    ts: string | null,
    stats: DispatchStats,
    counter: 'sent' | 'confirmed' = 'sent',
  ): Promise<void> {
    const done = await this.settings.prisma.outboxMessage.updateMany({
      where: this.mine(row, 'SENDING', attempts),
      data: { status: 'SENT', slackChannel: channel, slackTs: ts, sentAt: this.settings.now(), lockedBy: null, lockedUntil: null },
    });
    if (done.count === 1) {
      stats[counter]++;
      if (row.userId) this.dms.remember(row.userId, channel);
    } else {
      // We were too slow and another dispatcher is checking it: it will find the post in history.
      this.settings.logger.warn({ outboxId: row.id }, 'posted, but the row was claimed by another dispatcher meanwhile');
    }
  }

  /** FAILED for good, and the admins told once per cause and recipient (same transaction). */
  async fail(row: OutboxMessage, from: 'PENDING' | 'SENDING', cause: string, code: string, stats: DispatchStats, attempts = row.attempts): Promise<void> {
    const now = this.settings.now();
    const target = row.userId ?? row.channelId ?? 'unknown';
    const failed = await this.settings.prisma.$transaction(async (tx) => {
      const r = await tx.outboxMessage.updateMany({
        where: this.mine(row, from, attempts),
        data: { status: 'FAILED', lastError: cause === code ? code : `${cause}: ${code}`, lockedBy: null, lockedUntil: null },
      });
      if (r.count !== 1) return false;
      const told = await noticeDeliveryFailure(tx, { cause, code, target, job: row.job }, now);
      if (told > 0) this.settings.logger.warn({ cause, target, admins: told }, 'admins will be told about a delivery failure');
      return true;
    });
    if (failed) stats.failed++;
  }
}
