// `redi-digest` (the 1st of each month, 09:00, by default): practices and roadblocks from
// updates marked REDI or PUBLIC in the past calendar month, grouped by theme, posted to the
// REDI channel (AppSetting redi.channelId; none: DMs only) and sent by DM to every member
// who joined with /reap redi join. The channel reads English (many readers); a DM reads in
// its member's language.
//
// Idempotency: redi-digest:<covered month>:<recipient> for the first message and
// …:<recipient>:<n> for further parts of a long month; a recipient who already has any part
// of that month is skipped as a whole. A month with nothing shared sends nothing.
import { isEmptyRediDigest, rediDigestWindow } from '../../domain/redi-digest.js';
import { loadRediDigest } from '../../services/digests.js';
import { TX_OPTIONS } from '../../services/service-context.js';
import { resolveLanguage, translator, type Lang } from '../../slack/i18n/index.js';
import { rediDigestMessages } from '../../slack/features/digests/ui/redi-digest.js';
import type { SlackMessage } from '../../slack/features/status/ui/status-message.js';
import { outboxKey, type OutboxMessageInput } from '../outbox/enqueue.js';
import type { JobHandler, JobRegistry } from '../registry.js';

/** The channel has readers in every language; English is the City's common one. */
const CHANNEL_LANGUAGE: Lang = 'en';

export function registerRediDigest(registry: JobRegistry): void {
  registry.register('redi-digest', rediDigestJob());
}

/** "redi-digest:2026-11:U123", then "redi-digest:2026-11:U123:2" for a second message. */
export function rediDigestKey(month: string, recipient: string, part: number): string {
  return part === 1 ? outboxKey('redi-digest', month, recipient) : outboxKey('redi-digest', month, recipient, String(part));
}

export function rediDigestJob(): JobHandler {
  return async (run) => {
    const { ctx } = run;
    const zone = ctx.config.timeZone;
    const window = rediDigestWindow(run.fireTime, zone);
    const data = await loadRediDigest(ctx, window);
    if (isEmptyRediDigest(data.digest)) return { detail: `${window.month}: nothing shared as REDI or PUBLIC; nothing sent`, enqueued: 0 };

    const rendered = new Map<Lang, { channel: SlackMessage[]; member: SlackMessage[] }>();
    const render = (lang: Lang, audience: 'channel' | 'member') => {
      const entry = rendered.get(lang) ?? { channel: [], member: [] };
      if (entry[audience].length === 0) entry[audience] = rediDigestMessages(translator(lang), data.digest, { lang, zone, audience });
      rendered.set(lang, entry);
      return entry[audience];
    };
    const byRecipient = new Map<string, OutboxMessageInput[]>();
    const queue = (recipient: string, target: { channelId: string } | { userId: string }, messages: SlackMessage[]) =>
      byRecipient.set(
        recipient,
        messages.map((payload, i) => ({ idempotencyKey: rediDigestKey(window.month, recipient, i + 1), ...target, payload })),
      );
    if (data.channelId) queue(data.channelId, { channelId: data.channelId }, render(CHANNEL_LANGUAGE, 'channel'));
    for (const m of data.members) queue(m.slackUserId, { userId: m.slackUserId }, render(resolveLanguage(m.language, m.slackLocale), 'member'));
    if (byRecipient.size === 0) return { detail: `${window.month}: no REDI channel set and nobody subscribed`, enqueued: 0 };

    const prefix = `${run.job}:${window.month}:`;
    const { result, served } = await ctx.prisma.$transaction(async (tx) => {
      const existing = await tx.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: prefix } }, select: { idempotencyKey: true } });
      const served = new Set(existing.map((r) => r.idempotencyKey.slice(prefix.length).split(':')[0]));
      const fresh = [...byRecipient].filter(([id]) => !served.has(id)).flatMap(([, messages]) => messages);
      return { result: await run.enqueue(tx, fresh), served: [...byRecipient.keys()].filter((id) => served.has(id)).length };
    }, TX_OPTIONS);
    const d = data.digest;
    return {
      detail:
        `${window.month}: ${d.practiceCount} practices and ${d.roadblockCount} roadblocks from ${d.departmentCount} departments; ` +
        `${result.created} messages to ${byRecipient.size - served} recipients` +
        (data.channelId ? ` (channel ${data.channelId})` : ' (no REDI channel set)') +
        (served ? `, ${served} already had theirs` : ''),
      enqueued: result.created,
    };
  };
}
