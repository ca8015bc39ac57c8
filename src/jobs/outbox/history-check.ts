// A row left SENDING with nobody working on it (its sender crashed, or Slack's answer was
// lost) may or may not have been posted. Before anything is sent again, the channel's
// history is searched for the row's key in message metadata (outbox-metadata.ts).
// When the history cannot be read, we choose at-most-once: the row fails as
// "delivery_unconfirmed" and the admins are told, rather than risk a duplicate.
import type { OutboxMessage } from '../../generated/prisma/client.js';
import { backoffDelay } from './backoff.js';
import type { DispatchContext, DispatchStats } from './dispatch-context.js';
import { carriesOutboxKey } from './outbox-metadata.js';
import { classifySlackError } from './slack-errors.js';

/** A SENDING row nobody works on: find out from Slack whether it went out. */
export async function checkAgainstHistory(ctx: DispatchContext, row: OutboxMessage, stats: DispatchStats): Promise<void> {
  const { settings: o, rows } = ctx;
  const channel = row.slackChannel;
  let found: { ts: string } | null | 'incomplete';
  try {
    found = channel ? await findPosted(ctx, channel, row) : null;
  } catch (e) {
    const failure = classifySlackError(e);
    if (failure.kind === 'permanent' || failure.code === 'missing_scope') {
      // We cannot read that channel's history: accept at-most-once rather than risk a duplicate.
      await rows.fail(row, 'SENDING', 'delivery_unconfirmed', failure.code, stats);
      return;
    }
    const delay = failure.kind === 'app-blocked' ? o.appBlockedDelayMs : backoffDelay(row.attempts, o.backoff, o.random);
    await rows.checkHistoryLater(row, new Date(o.now().getTime() + delay), failure.code);
    return;
  }
  if (found === 'incomplete') {
    await rows.fail(row, 'SENDING', 'delivery_unconfirmed', 'history_too_long', stats);
    return;
  }
  if (found) {
    o.logger.info({ outboxId: row.id, ts: found.ts }, 'message found in Slack after all; not resending');
    await rows.markSent(row, row.attempts, channel!, found.ts, stats, 'confirmed');
    return;
  }
  if (await rows.sendAgain(row)) {
    o.logger.info({ outboxId: row.id }, 'message never reached Slack; sending it again');
    stats.resent++;
  }
}

/** Our post of the row in the channel's recent history; 'incomplete' when `historyPages` did not reach back far enough. */
async function findPosted(ctx: DispatchContext, channel: string, row: OutboxMessage): Promise<{ ts: string } | null | 'incomplete'> {
  const { settings: o } = ctx;
  const oldest = ((row.createdAt.getTime() - 60_000) / 1000).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < o.historyPages; page++) {
    const res = await ctx.slackSlots.run(() => o.client.conversations.history({ channel, oldest, limit: 200, include_all_metadata: true, cursor }));
    for (const m of res.messages ?? []) {
      if (carriesOutboxKey(m, row.idempotencyKey) && m.ts) return { ts: m.ts };
    }
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) return null;
  }
  return 'incomplete';
}
