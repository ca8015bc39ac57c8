// Sending one claimed row: give it up if it has been failing for too long, find its channel
// (opening a DM when needed), wait for the channel's turn, draw its charts, then post it
// with its key in the message metadata. What a failed post means is post-failures.ts.
import type { WebClient } from '@slack/web-api';
import { resolvePendingCharts } from '../../charts/pending-charts.js';
import type { OutboxMessage } from '../../generated/prisma/client.js';
import { backoffDelay, retryAfterDelay } from './backoff.js';
import type { DispatchContext, DispatchStats } from './dispatch-context.js';
import type { OutboxPayload } from './enqueue.js';
import { refusesSlackFile, withoutSlackFileImages } from './image-fallback.js';
import { outboxMetadata } from './outbox-metadata.js';
import { onPostFailure, pauseFor } from './post-failures.js';
import type { Delivery } from './row-transitions.js';
import { classifySlackError } from './slack-errors.js';

/** The pacer's key for conversations.open, which Slack rate-limits for the whole app. */
const OPEN_KEY = 'method:conversations.open';

export async function deliver(ctx: DispatchContext, row: OutboxMessage, stats: DispatchStats, signal?: AbortSignal): Promise<Delivery> {
  const { settings: o, rows, pacer } = ctx;
  const now = o.now();
  if (row.attempts > 0 && now.getTime() - row.createdAt.getTime() > o.maxRetryAgeMs) {
    await rows.fail(row, 'PENDING', `expired`, lastCode(row.lastError), stats);
    return 'done';
  }
  const channel = await channelFor(ctx, row, stats);
  if (typeof channel !== 'string') return channel;

  const wait = pacer.reserve(channel, 10_000);
  if (wait === null) return rows.reschedule(row, new Date(now.getTime() + (pacer.availableAt(channel) - Date.now())), null, stats);
  if (wait > 0) await o.sleep(wait, signal);
  if (signal?.aborted) {
    await rows.release([row]);
    return 'lost';
  }

  // Take a Slack slot first, so a row is SENDING only while its post is really under way:
  // after a crash, fewer rows need checking against history.
  return ctx.slackSlots.run(async () => {
    // Charts are drawn and uploaded now, before the row is SENDING: an upload that Slack
    // rate-limits puts the message back for later, with nothing posted.
    const ready = await resolvePendingCharts(payloadOf(row), ctx.charts);
    if ('retryAfterSeconds' in ready) {
      const at = new Date(o.now().getTime() + ready.retryAfterSeconds * 1000);
      return rows.reschedule(row, at, 'ratelimited: chart upload', stats);
    }
    return post(ctx, row, channel, ready.payload, stats);
  });
}

/** The channel to post in; a DM is opened (once per user, remembered) for user recipients. */
async function channelFor(ctx: DispatchContext, row: OutboxMessage, stats: DispatchStats): Promise<string | Delivery> {
  if (row.channelId) return row.channelId;
  const { settings: o, rows, pacer, dms } = ctx;
  const userId = row.userId!;
  const known = dms.known(row);
  if (known) return known;
  if (pacer.availableAt(OPEN_KEY) > Date.now()) {
    return rows.reschedule(row, new Date(o.now().getTime() + (pacer.availableAt(OPEN_KEY) - Date.now())), null, stats);
  }
  try {
    return await dms.open(userId);
  } catch (e) {
    const failure = classifySlackError(e);
    if (failure.kind === 'permanent') {
      await rows.fail(row, 'PENDING', failure.code, failure.code, stats);
      return 'done';
    }
    if (failure.kind === 'app-blocked') return pauseFor(ctx, row, failure, stats);
    if (failure.retryAfterSeconds !== undefined) pacer.defer(OPEN_KEY, Date.now() + failure.retryAfterSeconds * 1000);
    // Opening a DM posts nothing, so any other failure is safe to retry.
    const delay =
      failure.retryAfterSeconds !== undefined ? retryAfterDelay(failure.retryAfterSeconds, o.random) : backoffDelay(row.attempts + 1, o.backoff, o.random);
    return rows.reschedule(row, new Date(o.now().getTime() + delay), `conversations.open: ${failure.code}`, stats);
  }
}

/** SENDING, then chat.postMessage with the key in metadata, then SENT (or what the failure means). */
async function post(ctx: DispatchContext, row: OutboxMessage, channel: string, payload: OutboxPayload, stats: DispatchStats): Promise<Delivery> {
  const { settings: o, rows } = ctx;
  if (!(await rows.markSending(row, channel))) return 'lost'; // our claim expired and someone else has the row
  const attempts = row.attempts + 1;
  let posted: { ts?: string; channel?: string };
  const send = (payload: OutboxPayload) =>
    o.client.chat.postMessage({
      ...(payload as unknown as Record<string, unknown>),
      channel,
      metadata: outboxMetadata(row.idempotencyKey),
    } as unknown as Parameters<WebClient['chat']['postMessage']>[0]);
  try {
    posted = await send(payload);
  } catch (e) {
    const bare = refusesSlackFile(e) ? withoutSlackFileImages(payload) : null;
    if (!bare) return onPostFailure(ctx, row, channel, attempts, classifySlackError(e), stats);
    o.logger.warn({ key: row.idempotencyKey }, 'Slack refused an uploaded image: sending the message without it');
    try {
      posted = await send(bare);
    } catch (again) {
      return onPostFailure(ctx, row, channel, attempts, classifySlackError(again), stats);
    }
  }
  await rows.markSent(row, attempts, posted.channel ?? channel, posted.ts ?? null, stats);
  return 'done';
}

function payloadOf(row: OutboxMessage): OutboxPayload {
  const p = row.payload as unknown as OutboxPayload;
  if (!p || typeof p !== 'object' || typeof p.text !== 'string') throw new Error(`outbox row ${row.id} has no payload.text`);
  const { text, blocks, attachments, thread_ts, unfurl_links, unfurl_media } = p;
  const picked: OutboxPayload = { text, blocks, attachments, thread_ts, unfurl_links, unfurl_media };
  // Absent fields stay absent on the wire.
  return Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined && v !== null)) as unknown as OutboxPayload;
}

/** The Slack error code at the start of a row's lastError ("ratelimited: chart upload" → "ratelimited"). */
function lastCode(lastError: string | null): string {
  return lastError?.split(/[ :;]/)[0] || 'unknown';
}
