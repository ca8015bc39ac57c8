// What a failed Slack call means for the row being sent; slack-errors.ts says which kind
// of failure it is. Nothing posted: put back for later. The recipient or the message is
// the problem: failed for good. Maybe posted: left SENDING, to be checked against Slack's
// history before any resend. The app itself refused: every send paused for a while.
import type { OutboxMessage } from '../../generated/prisma/client.js';
import { backoffDelay, retryAfterDelay } from './backoff.js';
import type { DispatchContext, DispatchStats } from './dispatch-context.js';
import { DM_FORGOTTEN } from './dm-channels.js';
import type { Delivery } from './row-transitions.js';
import type { ClassifiedFailure } from './slack-errors.js';

/** After a failed chat.postMessage of a row already SENDING (attempt number `attempts`). */
export async function onPostFailure(
  ctx: DispatchContext,
  row: OutboxMessage,
  channel: string,
  attempts: number,
  failure: ClassifiedFailure,
  stats: DispatchStats,
): Promise<Delivery> {
  const { settings: o, rows } = ctx;
  const now = o.now();
  const log = { outboxId: row.id, channel, attempts, code: failure.code, kind: failure.kind };
  // A stored DM id Slack no longer knows: the person is still there, so open the
  // conversation again and resend (ok:false means nothing was posted). Once only, so a
  // second channel_not_found fails for good instead of looping.
  if (failure.code === 'channel_not_found' && row.userId && !row.channelId && row.lastError !== DM_FORGOTTEN) {
    ctx.dms.forget(row.userId);
    o.logger.info(log, 'Slack forgot a direct message channel; opening it again');
    await rows.reopenDm(row, attempts, now);
    stats.retried++;
    return { defer: now };
  }
  switch (failure.kind) {
    case 'permanent':
      o.logger.warn(log, 'Slack refused a message for good');
      await rows.fail(row, 'SENDING', failure.code, failure.code, stats, attempts);
      return 'done';
    case 'retry': {
      const delay =
        failure.retryAfterSeconds !== undefined ? retryAfterDelay(failure.retryAfterSeconds, o.random) : backoffDelay(attempts, o.backoff, o.random);
      if (failure.retryAfterSeconds !== undefined) ctx.pacer.defer(channel, Date.now() + failure.retryAfterSeconds * 1000);
      o.logger.info({ ...log, delayMs: delay }, 'message put back for later');
      const until = new Date(now.getTime() + delay);
      await rows.backToPending(row, attempts, until, failure.code);
      stats.retried++;
      return { defer: until };
    }
    case 'app-blocked':
      await rows.backToPending(row, attempts, new Date(now.getTime() + o.appBlockedDelayMs), failure.code);
      return pauseFor(ctx, row, failure, stats, false);
    case 'unknown': {
      // Maybe posted: leave it SENDING; history-check.ts looks in Slack's history before any resend.
      const delay = Math.max(o.verifyDelayMs, backoffDelay(attempts, o.backoff, o.random));
      const until = new Date(now.getTime() + delay);
      await rows.awaitConfirmation(row, attempts, until, failure.code);
      o.logger.warn({ ...log, checkAfterMs: delay }, 'Slack did not confirm a message; will check before resending');
      stats.unconfirmed++;
      return { defer: until };
    }
  }
}

/** Token or workspace trouble: every message would fail the same way, so stop for a while. */
export async function pauseFor(
  ctx: DispatchContext,
  row: OutboxMessage,
  failure: ClassifiedFailure,
  stats: DispatchStats,
  reschedule = true,
): Promise<Delivery> {
  const { settings: o } = ctx;
  const until = new Date(o.now().getTime() + o.appBlockedDelayMs);
  ctx.pause.start(o.appBlockedDelayMs);
  o.logger.error(
    { code: failure.code, pauseMinutes: Math.round(o.appBlockedDelayMs / 60_000) },
    'Slack refused the app itself (token, scope or workspace); outbox paused — check SLACK_BOT_TOKEN and the app’s scopes',
  );
  if (reschedule) return ctx.rows.reschedule(row, until, failure.code, stats);
  stats.retried++;
  return { defer: until };
}
