// What every step of sending the outbox shares: the options with their defaults, the
// counters a drain reports, and the parts that pace and bound the calls to Slack.
import type { WebClient } from '@slack/web-api';
import type { ChartFiles } from '../../charts/pending-charts.js';
import type { Prisma } from '../../db/client.js';
import type { Logger } from '../../logger.js';
import { type BackoffPolicy, DEFAULT_BACKOFF } from './backoff.js';
import type { ChannelPacer } from './channel-pacer.js';
import type { DmChannels } from './dm-channels.js';
import type { OutboxRows } from './row-transitions.js';
import type { Semaphore } from './semaphore.js';

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

export function emptyStats(): DispatchStats {
  return { sent: 0, retried: 0, failed: 0, unconfirmed: 0, confirmed: 0, resent: 0 };
}

/** The options with every default filled in. */
export type DispatchSettings = Required<Omit<DispatcherOptions, 'prisma' | 'client' | 'instanceId' | 'logger' | 'charts'>> &
  Pick<DispatcherOptions, 'prisma' | 'client' | 'instanceId' | 'logger'>;

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

export function withDefaults(options: DispatcherOptions): DispatchSettings {
  return {
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
}

/** Token or workspace trouble: every message would fail the same way, so this process stops sending for a while. */
export class AppPause {
  private until = 0;

  get active(): boolean {
    return Date.now() < this.until;
  }

  start(ms: number): void {
    this.until = Date.now() + ms;
  }
}

/** The parts of one dispatcher that sending, failing and checking a message all use. */
export interface DispatchContext {
  settings: DispatchSettings;
  rows: OutboxRows;
  dms: DmChannels;
  pacer: ChannelPacer;
  /** Bounds the Slack calls in flight (`concurrency`). */
  slackSlots: Semaphore;
  charts: ChartFiles;
  pause: AppPause;
}
