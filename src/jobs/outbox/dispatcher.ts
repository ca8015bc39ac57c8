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
import type { WebClient } from '@slack/web-api';
import type { Prisma } from '../../db/client.js';
import type { OutboxMessage, OutboxStatus } from '../../generated/prisma/client.js';
import type { Logger } from '../../logger.js';
import { backoffDelay, DEFAULT_BACKOFF, retryAfterDelay, type BackoffPolicy } from './backoff.js';
import { ChannelPacer } from './channel-pacer.js';
import { claimDue, claimUnconfirmed, knownDmChannels } from './claims.js';
import type { OutboxPayload } from './enqueue.js';
import { noticeDeliveryFailure } from './failure-notice.js';
import { refusesSlackFile, withoutSlackFileImages } from './image-fallback.js';
import { ChartUploads } from '../../charts/chart-uploads.js';
import { type ChartFiles, resolvePendingCharts } from '../../charts/pending-charts.js';
import { classifySlackError, type ClassifiedFailure } from './slack-errors.js';

/** Slack message metadata event type that marks our posts; the payload holds the row's key. */
export const OUTBOX_METADATA_EVENT = 'reap_outbox';

export interface DispatcherOptions {
  prisma: Prisma;
  /** Build it with createDispatcherClient: no client-side retries, 429s thrown at once. */
  client: WebClient;
  instanceId: string;
  logger: Logger;
  now?: () => Date;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Spacing of posts to one channel (Slack: about 1 per second). */
  perChannelIntervalMs?: number;
  /** Slack calls in flight at once (every recipient of a batch is served in parallel; most wait for their channel's turn). */
  concurrency?: number;
  batchSize?: number;
  /** Batches a drain works on at once. */
  parallelBatches?: number;
  perRecipientPerBatch?: number;
  /** How long a claim holds rows that were not handed to Slack yet. */
  claimLeaseMs?: number;
  /**
   * After this long in SENDING without an answer, a row is checked against Slack's history.
   * Keep it well above the client's timeout (10 s by default): a post still on its way to
   * Slack when another instance checks would be sent twice.
   */
  sendLeaseMs?: number;
  /** Shortest wait before checking a message whose fate is unknown (history must catch up). */
  verifyDelayMs?: number;
  backoff?: BackoffPolicy;
  /** A message still failing after this long (since it was queued) is given up. */
  maxRetryAgeMs?: number;
  /** Wait after token or workspace errors (invalid_auth, missing_scope …). */
  appBlockedDelayMs?: number;
  /** History pages (200 messages each) searched when checking a message. */
  historyPages?: number;
  /**
   * Draws and uploads the charts messages were queued with (pending-charts.ts); default
   * uploads with `client`, one file per distinct chart for the life of the dispatcher.
   */
  charts?: ChartFiles;
}

export interface DispatchStats {
  sent: number;
  /** Put back for later: rate limits, Slack errors, pacing. */
  retried: number;
  failed: number;
  /** Fate unknown after a timeout or 5xx; checked later. */
  unconfirmed: number;
  /** Found in Slack's history after all. */
  confirmed: number;
  /** Not found in history, so sent again. */
  resent: number;
}

type Delivery = 'done' | 'lost' | { defer: Date };

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export function emptyStats(): DispatchStats {
  return { sent: 0, retried: 0, failed: 0, unconfirmed: 0, confirmed: 0, resent: 0 };
}

const OPEN_KEY = 'method:conversations.open';
/** lastError of a DM row whose stored channel Slack forgot; the next attempt opens a new one. */
const DM_FORGOTTEN = 'channel_not_found: direct message reopened';
const MAX_CACHED_DMS = 20_000;

export class OutboxDispatcher {
  private readonly o: Required<Omit<DispatcherOptions, 'prisma' | 'client' | 'instanceId' | 'logger' | 'charts'>> &
    Pick<DispatcherOptions, 'prisma' | 'client' | 'instanceId' | 'logger'>;
  private readonly charts: ChartFiles;
  private readonly pacer: ChannelPacer;
  private readonly dmChannels = new Map<string, string>();
  private readonly slackSlots: Semaphore;
  /**
   * Rows some loop of this process is working on. A claim can hand back a row whose lease ran
   * out while we were still on it (a slow post, a stalled event loop); it is skipped, never
   * handled twice. Our own slow post in particular is never "checked" against history.
   */
  private readonly handling = new Set<number>();
  private pausedUntil = 0;

  constructor(options: DispatcherOptions) {
    this.o = {
      now: () => new Date(),
      sleep: defaultSleep,
      random: Math.random,
      perChannelIntervalMs: 1000,
      concurrency: 8,
      batchSize: 100,
      parallelBatches: 3,
      perRecipientPerBatch: 3,
      claimLeaseMs: 60_000,
      sendLeaseMs: 120_000,
      verifyDelayMs: 30_000,
      backoff: DEFAULT_BACKOFF,
      maxRetryAgeMs: 24 * 3_600_000,
      appBlockedDelayMs: 15 * 60_000,
      historyPages: 5,
      ...options,
    };
    this.pacer = new ChannelPacer(this.o.perChannelIntervalMs);
    this.charts = options.charts ?? new ChartUploads({ client: options.client, logger: options.logger, filePrefix: 'chart', rethrowRateLimits: true });
    this.slackSlots = new Semaphore(this.o.concurrency);
  }

  private get log(): Logger {
    return this.o.logger;
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
      while (!options.signal?.aborted && Date.now() < deadline && !this.paused()) {
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
    await Promise.all(Array.from({ length: this.o.parallelBatches }, loop));
    this.pacer.prune();
    return stats;
  }

  /** Keeps dispatching until the signal aborts; for a dedicated dispatcher process or the bench. */
  async runContinuously(options: { signal: AbortSignal; idleMs?: number }): Promise<DispatchStats> {
    const stats = emptyStats();
    while (!options.signal.aborted) {
      const handled = this.paused()
        ? 0
        : await this.dispatchOnce(stats, options.signal).catch((e) => {
            this.log.error({ err: e }, 'outbox dispatch failed; retrying');
            return 0;
          });
      if (handled === 0) await this.o.sleep(options.idleMs ?? 1000, options.signal);
      this.pacer.prune();
    }
    return stats;
  }

  private paused(): boolean {
    return Date.now() < this.pausedUntil;
  }

  /** One pass: check unconfirmed messages, then claim and send one batch. Returns rows handled. */
  async dispatchOnce(stats: DispatchStats, signal?: AbortSignal): Promise<number> {
    const unconfirmed = await claimUnconfirmed(this.o.prisma, {
      instanceId: this.o.instanceId,
      now: this.o.now(),
      leaseMs: this.o.claimLeaseMs,
      limit: this.o.batchSize,
    });
    const toCheck = this.take(unconfirmed);
    for (const row of toCheck) {
      try {
        await this.verify(row, stats);
      } finally {
        this.handling.delete(row.id);
      }
    }
    const claimed = await claimDue(this.o.prisma, {
      instanceId: this.o.instanceId,
      now: this.o.now(),
      leaseMs: this.o.claimLeaseMs,
      limit: this.o.batchSize,
      perRecipient: this.o.perRecipientPerBatch,
    });
    const rows = this.take(claimed);
    if (rows.length === 0) return toCheck.length;
    try {
      await this.prefetchDmChannels(rows);
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

  /**
   * Matches the row only as this dispatcher left it: same lock holder, status and attempt
   * number. The attempt number is a fencing token: a stale "not found in history" cannot
   * send back to PENDING a row that a newer attempt has already put in SENDING.
   */
  private mine(row: OutboxMessage, status: OutboxStatus, attempts = row.attempts) {
    return { id: row.id, lockedBy: this.o.instanceId, status, attempts };
  }

  private async prefetchDmChannels(rows: OutboxMessage[]): Promise<void> {
    const missing = [...new Set(rows.filter((r) => r.userId && !r.slackChannel && !this.dmChannels.has(r.userId)).map((r) => r.userId!))];
    if (missing.length === 0) return;
    for (const [user, channel] of await knownDmChannels(this.o.prisma, missing)) this.rememberDm(user, channel);
  }

  private rememberDm(userId: string, channel: string): void {
    if (this.dmChannels.size >= MAX_CACHED_DMS) this.dmChannels.clear();
    this.dmChannels.set(userId, channel);
  }

  private async deliverGroup(group: OutboxMessage[], stats: DispatchStats, signal?: AbortSignal): Promise<void> {
    for (let i = 0; i < group.length; i++) {
      if (signal?.aborted || this.paused()) return this.release(group.slice(i));
      const outcome = await this.deliver(group[i]!, stats, signal).catch(async (e) => {
        // Database trouble mid-send: the claim lease expires and the row is picked up again.
        this.log.error({ err: e, outboxId: group[i]!.id }, 'could not process an outbox message');
        return 'lost' as const;
      });
      if (typeof outcome === 'object') {
        // The recipient must wait (rate limit, pacing, Slack trouble): so must its other rows.
        const rest = group.slice(i + 1);
        stats.retried += rest.length;
        return this.release(rest, outcome.defer);
      }
    }
  }

  /** Hands claimed, untouched rows back, optionally not before `notBefore`. */
  private async release(rows: OutboxMessage[], notBefore?: Date): Promise<void> {
    if (rows.length === 0) return;
    await this.o.prisma.outboxMessage.updateMany({
      where: { id: { in: rows.map((r) => r.id) }, lockedBy: this.o.instanceId, status: 'PENDING' },
      data: { lockedBy: null, lockedUntil: null, ...(notBefore ? { nextAttemptAt: notBefore } : {}) },
    });
  }

  private async deliver(row: OutboxMessage, stats: DispatchStats, signal?: AbortSignal): Promise<Delivery> {
    const now = this.o.now();
    if (row.attempts > 0 && now.getTime() - row.createdAt.getTime() > this.o.maxRetryAgeMs) {
      await this.fail(row, 'PENDING', `expired`, lastCode(row.lastError), stats);
      return 'done';
    }
    const channel = await this.channelFor(row, stats);
    if (typeof channel !== 'string') return channel;

    const wait = this.pacer.reserve(channel, 10_000);
    if (wait === null) return this.reschedule(row, new Date(now.getTime() + (this.pacer.availableAt(channel) - Date.now())), null, stats);
    if (wait > 0) await this.o.sleep(wait, signal);
    if (signal?.aborted) {
      await this.release([row]);
      return 'lost';
    }

    // Take a Slack slot first, so a row is SENDING only while its post is really under way:
    // after a crash, fewer rows need checking against history.
    return this.slackSlots.run(async () => {
      // Charts are drawn and uploaded now, before the row is SENDING: an upload that Slack
      // rate-limits puts the message back for later, with nothing posted.
      const ready = await resolvePendingCharts(payloadOf(row), this.charts);
      if ('retryAfterSeconds' in ready) {
        const at = new Date(this.o.now().getTime() + ready.retryAfterSeconds * 1000);
        return this.reschedule(row, at, 'ratelimited: chart upload', stats);
      }
      return this.post(row, channel, ready.payload, stats);
    });
  }

  /** SENDING, then chat.postMessage with the key in metadata, then SENT (or what the failure means). */
  private async post(row: OutboxMessage, channel: string, payload: OutboxPayload, stats: DispatchStats): Promise<Delivery> {
    const marked = await this.o.prisma.outboxMessage.updateMany({
      where: this.mine(row, 'PENDING'),
      data: {
        status: 'SENDING',
        attempts: { increment: 1 },
        slackChannel: channel,
        lockedUntil: new Date(this.o.now().getTime() + this.o.sendLeaseMs),
      },
    });
    if (marked.count !== 1) return 'lost'; // our claim expired and someone else has the row
    const attempts = row.attempts + 1;
    let posted: { ts?: string; channel?: string };
    const send = (payload: OutboxPayload) =>
      this.o.client.chat.postMessage({
        ...(payload as unknown as Record<string, unknown>),
        channel,
        metadata: { event_type: OUTBOX_METADATA_EVENT, event_payload: { outbox_key: row.idempotencyKey } },
      } as unknown as Parameters<WebClient['chat']['postMessage']>[0]);
    try {
      posted = await send(payload);
    } catch (e) {
      const bare = refusesSlackFile(e) ? withoutSlackFileImages(payload) : null;
      if (!bare) return this.onPostFailure(row, channel, attempts, classifySlackError(e), stats);
      this.log.warn({ key: row.idempotencyKey }, 'Slack refused an uploaded image: sending the message without it');
      try {
        posted = await send(bare);
      } catch (again) {
        return this.onPostFailure(row, channel, attempts, classifySlackError(again), stats);
      }
    }
    await this.markSent(row, attempts, posted.channel ?? channel, posted.ts ?? null, stats);
    return 'done';
  }

  /** The channel to post in; a DM is opened (once per user, remembered) for user recipients. */
  private async channelFor(row: OutboxMessage, stats: DispatchStats): Promise<string | Delivery> {
    if (row.channelId) return row.channelId;
    const userId = row.userId!;
    // Slack forgot the DM id we had: open it again rather than trust any remembered id.
    const known = row.lastError === DM_FORGOTTEN ? undefined : (row.slackChannel ?? this.dmChannels.get(userId));
    if (known) return known;
    if (this.pacer.availableAt(OPEN_KEY) > Date.now()) {
      return this.reschedule(row, new Date(this.o.now().getTime() + (this.pacer.availableAt(OPEN_KEY) - Date.now())), null, stats);
    }
    try {
      const opened = await this.slackSlots.run(() => this.o.client.conversations.open({ users: userId }));
      const id = opened.channel?.id;
      if (!id) throw new Error('conversations.open returned no channel id');
      this.rememberDm(userId, id);
      return id;
    } catch (e) {
      const failure = classifySlackError(e);
      if (failure.kind === 'permanent') {
        await this.fail(row, 'PENDING', failure.code, failure.code, stats);
        return 'done';
      }
      if (failure.kind === 'app-blocked') return this.pauseFor(row, failure, stats);
      if (failure.retryAfterSeconds !== undefined) this.pacer.defer(OPEN_KEY, Date.now() + failure.retryAfterSeconds * 1000);
      // Opening a DM posts nothing, so any other failure is safe to retry.
      const delay =
        failure.retryAfterSeconds !== undefined
          ? retryAfterDelay(failure.retryAfterSeconds, this.o.random)
          : backoffDelay(row.attempts + 1, this.o.backoff, this.o.random);
      return this.reschedule(row, new Date(this.o.now().getTime() + delay), `conversations.open: ${failure.code}`, stats);
    }
  }

  private async onPostFailure(row: OutboxMessage, channel: string, attempts: number, failure: ClassifiedFailure, stats: DispatchStats): Promise<Delivery> {
    const now = this.o.now();
    const log = { outboxId: row.id, channel, attempts, code: failure.code, kind: failure.kind };
    // A stored DM id Slack no longer knows: the person is still there, so open the
    // conversation again and resend (ok:false means nothing was posted). Once only, so a
    // second channel_not_found fails for good instead of looping.
    if (failure.code === 'channel_not_found' && row.userId && !row.channelId && row.lastError !== DM_FORGOTTEN) {
      this.dmChannels.delete(row.userId);
      this.log.info(log, 'Slack forgot a direct message channel; opening it again');
      await this.o.prisma.outboxMessage.updateMany({
        where: this.mine(row, 'SENDING', attempts),
        data: { status: 'PENDING', slackChannel: null, lockedBy: null, lockedUntil: null, nextAttemptAt: now, lastError: DM_FORGOTTEN },
      });
      stats.retried++;
      return { defer: now };
    }
    switch (failure.kind) {
      case 'permanent':
        this.log.warn(log, 'Slack refused a message for good');
        await this.fail(row, 'SENDING', failure.code, failure.code, stats, attempts);
        return 'done';
      case 'retry': {
        const delay =
          failure.retryAfterSeconds !== undefined
            ? retryAfterDelay(failure.retryAfterSeconds, this.o.random)
            : backoffDelay(attempts, this.o.backoff, this.o.random);
        if (failure.retryAfterSeconds !== undefined) this.pacer.defer(channel, Date.now() + failure.retryAfterSeconds * 1000);
        this.log.info({ ...log, delayMs: delay }, 'message put back for later');
        const until = new Date(now.getTime() + delay);
        await this.backToPending(row, attempts, until, failure.code);
        stats.retried++;
        return { defer: until };
      }
      case 'app-blocked':
        await this.backToPending(row, attempts, new Date(now.getTime() + this.o.appBlockedDelayMs), failure.code);
        return this.pauseFor(row, failure, stats, false);
      case 'unknown': {
        // Maybe posted: leave it SENDING; verify() checks Slack's history before any resend.
        const delay = Math.max(this.o.verifyDelayMs, backoffDelay(attempts, this.o.backoff, this.o.random));
        const until = new Date(now.getTime() + delay);
        await this.o.prisma.outboxMessage.updateMany({
          where: this.mine(row, 'SENDING', attempts),
          data: { lockedBy: null, lockedUntil: until, lastError: `unconfirmed: ${failure.code}` },
        });
        this.log.warn({ ...log, checkAfterMs: delay }, 'Slack did not confirm a message; will check before resending');
        stats.unconfirmed++;
        return { defer: until };
      }
    }
  }

  /** Token or workspace trouble: every message would fail the same way, so stop for a while. */
  private async pauseFor(row: OutboxMessage, failure: ClassifiedFailure, stats: DispatchStats, reschedule = true): Promise<Delivery> {
    const until = new Date(this.o.now().getTime() + this.o.appBlockedDelayMs);
    this.pausedUntil = Date.now() + this.o.appBlockedDelayMs;
    this.log.error(
      { code: failure.code, pauseMinutes: Math.round(this.o.appBlockedDelayMs / 60_000) },
      'Slack refused the app itself (token, scope or workspace); outbox paused — check SLACK_BOT_TOKEN and the app’s scopes',
    );
    if (reschedule) return this.reschedule(row, until, failure.code, stats);
    stats.retried++;
    return { defer: until };
  }

  private async reschedule(row: OutboxMessage, at: Date, lastError: string | null, stats: DispatchStats): Promise<Delivery> {
    await this.o.prisma.outboxMessage.updateMany({
      where: this.mine(row, 'PENDING'),
      data: { lockedBy: null, lockedUntil: null, nextAttemptAt: at, ...(lastError ? { lastError } : {}) },
    });
    stats.retried++;
    return { defer: at };
  }

  /** After an answer that proves nothing was posted (429, ok:false): try again later. */
  private async backToPending(row: OutboxMessage, attempts: number, at: Date, code: string): Promise<void> {
    await this.o.prisma.outboxMessage.updateMany({
      where: this.mine(row, 'SENDING', attempts),
      data: { status: 'PENDING', lockedBy: null, lockedUntil: null, nextAttemptAt: at, lastError: code },
    });
  }

  private async markSent(
    row: OutboxMessage,
    attempts: number,
    channel: string,
    ts: string | null,
    stats: DispatchStats,
    counter: 'sent' | 'confirmed' = 'sent',
  ): Promise<void> {
    const done = await this.o.prisma.outboxMessage.updateMany({
      where: this.mine(row, 'SENDING', attempts),
      data: { status: 'SENT', slackChannel: channel, slackTs: ts, sentAt: this.o.now(), lockedBy: null, lockedUntil: null },
    });
    if (done.count === 1) {
      stats[counter]++;
      if (row.userId) this.rememberDm(row.userId, channel);
    } else {
      // We were too slow and another dispatcher is checking it: it will find the post in history.
      this.log.warn({ outboxId: row.id }, 'posted, but the row was claimed by another dispatcher meanwhile');
    }
  }

  /** FAILED for good, and the admins told once per cause and recipient (same transaction). */
  private async fail(
    row: OutboxMessage,
    from: 'PENDING' | 'SENDING',
    cause: string,
    code: string,
    stats: DispatchStats,
    attempts = row.attempts,
  ): Promise<void> {
    const now = this.o.now();
    const target = row.userId ?? row.channelId ?? 'unknown';
    const failed = await this.o.prisma.$transaction(async (tx) => {
      const r = await tx.outboxMessage.updateMany({
        where: this.mine(row, from, attempts),
        data: { status: 'FAILED', lastError: cause === code ? code : `${cause}: ${code}`, lockedBy: null, lockedUntil: null },
      });
      if (r.count !== 1) return false;
      const told = await noticeDeliveryFailure(tx, { cause, code, target, job: row.job }, now);
      if (told > 0) this.log.warn({ cause, target, admins: told }, 'admins will be told about a delivery failure');
      return true;
    });
    if (failed) stats.failed++;
  }

  /** A SENDING row nobody works on: find out from Slack whether it went out. */
  private async verify(row: OutboxMessage, stats: DispatchStats): Promise<void> {
    const channel = row.slackChannel;
    let found: { ts: string } | null | 'incomplete';
    try {
      found = channel ? await this.findPosted(channel, row) : null;
    } catch (e) {
      const failure = classifySlackError(e);
      if (failure.kind === 'permanent' || failure.code === 'missing_scope') {
        // We cannot read that channel's history: accept at-most-once rather than risk a duplicate.
        await this.fail(row, 'SENDING', 'delivery_unconfirmed', failure.code, stats);
        return;
      }
      const delay = failure.kind === 'app-blocked' ? this.o.appBlockedDelayMs : backoffDelay(row.attempts, this.o.backoff, this.o.random);
      await this.o.prisma.outboxMessage.updateMany({
        where: this.mine(row, 'SENDING'),
        data: { lockedBy: null, lockedUntil: new Date(this.o.now().getTime() + delay), lastError: `unconfirmed; history: ${failure.code}` },
      });
      return;
    }
    if (found === 'incomplete') {
      await this.fail(row, 'SENDING', 'delivery_unconfirmed', 'history_too_long', stats);
      return;
    }
    if (found) {
      this.log.info({ outboxId: row.id, ts: found.ts }, 'message found in Slack after all; not resending');
      await this.markSent(row, row.attempts, channel!, found.ts, stats, 'confirmed');
      return;
    }
    const back = await this.o.prisma.outboxMessage.updateMany({
      where: this.mine(row, 'SENDING'),
      data: { status: 'PENDING', lockedBy: null, lockedUntil: null, nextAttemptAt: this.o.now() },
    });
    if (back.count === 1) {
      this.log.info({ outboxId: row.id }, 'message never reached Slack; sending it again');
      stats.resent++;
    }
  }

  private async findPosted(channel: string, row: OutboxMessage): Promise<{ ts: string } | null | 'incomplete'> {
    const oldest = ((row.createdAt.getTime() - 60_000) / 1000).toFixed(6);
    let cursor: string | undefined;
    for (let page = 0; page < this.o.historyPages; page++) {
      const res = await this.slackSlots.run(() => this.o.client.conversations.history({ channel, oldest, limit: 200, include_all_metadata: true, cursor }));
      for (const m of res.messages ?? []) {
        const meta = (m as { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }).metadata;
        if (meta?.event_type === OUTBOX_METADATA_EVENT && meta.event_payload?.outbox_key === row.idempotencyKey && m.ts) return { ts: m.ts };
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) return null;
    }
    return 'incomplete';
  }
}

function payloadOf(row: OutboxMessage): OutboxPayload {
  const p = row.payload as unknown as OutboxPayload;
  if (!p || typeof p !== 'object' || typeof p.text !== 'string') throw new Error(`outbox row ${row.id} has no payload.text`);
  const { text, blocks, attachments, thread_ts, unfurl_links, unfurl_media } = p;
  const picked: OutboxPayload = { text, blocks, attachments, thread_ts, unfurl_links, unfurl_media };
  // Absent fields stay absent on the wire.
  return Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined && v !== null)) as unknown as OutboxPayload;
}

function lastCode(lastError: string | null): string {
  return lastError?.split(/[ :;]/)[0] || 'unknown';
}

/** At most `limit` tasks at a time; the rest queue in order. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // handed a slot on wake-up
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
