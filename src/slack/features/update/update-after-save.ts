// What happens after a progress update is saved and the modal has closed: the post in the
// department's channel, the confirmation to the author (with the Edit button) and the
// refresh of App Home. None of it can undo the save: a failure is logged and, where the
// author should know (the channel post), said in the confirmation.
import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../../domain/permissions.js';
import type { AppContext } from '../../../services/app-context.js';
import type { ProgressUpdateView, SubmitResult } from '../../../services/progress-updates.js';
import { memberSlackId } from '../../../services/members.js';
import { postTargetOf, recordChannelPost, strategyForPost, type StrategyForPost } from '../../../services/update-channel-posts.js';
import { valuesOfUpdate, type ReportedMeasure } from '../../../services/measures.js';
import { channelIsPrivate } from '../../channel-privacy.js';
import { republishHomeFor } from '../home/publish-home.js';
import { markPromptsReported } from './update-prompts-reported.js';
import { translator, type Translate } from '../../i18n/index.js';
import { channelPostMessage, confirmationMessage, type ChannelOutcome, type SlackMessage } from './ui/update-confirmation.js';
import type { UpdateModalMeta } from './ui/update-ids.js';

/** The language of posts in a department channel, which many people read. */
export const CHANNEL_POST_LANGUAGE = 'en' as const;

/**
 * Hook for App Home, called after every saved or edited update (after the modal closed).
 * The people whose Home shows the change: the author, the strategy's owner, and the
 * department's equity leads and managers (ORSE admins' citywide Home refreshes when they
 * open it). App Home's own publisher does the work and never throws.
 */
export async function afterProgressChange(ctx: AppContext, client: WebClient, slackUserIds: readonly string[], departmentId?: number | null): Promise<void> {
  await republishHomeFor(ctx, client, slackUserIds, departmentId ? [departmentId] : []);
}

const SLACK_ERROR = (e: unknown): string => {
  const data = (e as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : ((e as Error).message ?? 'unknown');
};

function reasonText(t: Translate, code: string): string {
  const known = ['not_in_channel', 'channel_not_found', 'is_archived', 'message_not_found'];
  return known.includes(code) ? t(`update.confirmation.reasons.${code}`) : t('update.confirmation.reasons.other', { code });
}

/**
 * Internal updates are for the department, its managers and ORSE: only the department's own
 * private channel (the one set on the department) may show their text.
 */
async function noticeOnly(ctx: AppContext, client: WebClient, update: ProgressUpdateView, channel: string, departmentChannel: string | null): Promise<boolean> {
  if (update.visibility !== 'INTERNAL') return false;
  // An edit changes the post where it was made, which may no longer be the department's channel.
  if (channel !== departmentChannel) return true;
  return !(await channelIsPrivate(ctx, client, channel));
}

/** The department channel's post of `update`, as first posted or (with `editorSlackId`) after an edit. */
function departmentPost(
  s: StrategyForPost,
  update: ProgressUpdateView,
  authorSlackId: string,
  notice: boolean,
  measures: readonly ReportedMeasure[],
  editorSlackId?: string,
): SlackMessage {
  return channelPostMessage(translator(CHANNEL_POST_LANGUAGE), {
    noticeOnly: notice,
    measures,
    strategy: s,
    update,
    author: { slackUserId: authorSlackId },
    onBehalfOf: update.onBehalfOfId !== null && s.ownerSlackId ? { slackUserId: s.ownerSlackId } : null,
    editedBy: editorSlackId ? { slackUserId: editorSlackId } : null,
  });
}

/** DM to the author; if Slack refuses, an ephemeral where the command was typed. */
async function tellAuthor(ctx: AppContext, client: WebClient, userId: string, fallbackChannel: string | undefined, message: SlackMessage): Promise<void> {
  try {
    await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks, unfurl_links: false });
    return;
  } catch (e) {
    ctx.logger.warn({ err: SLACK_ERROR(e), user: userId }, 'could not DM the progress confirmation');
  }
  if (!fallbackChannel) return;
  try {
    await client.chat.postEphemeral({ channel: fallbackChannel, user: userId, text: message.text, blocks: message.blocks });
  } catch (e) {
    ctx.logger.warn({ err: SLACK_ERROR(e), user: userId, channel: fallbackChannel }, 'could not show the progress confirmation');
  }
}

/** After a new update: `saved` is what submitUpdate answered. */
export async function afterNewUpdate(
  ctx: AppContext,
  client: WebClient,
  t: Translate,
  actor: Actor,
  saved: SubmitResult,
  meta: UpdateModalMeta,
): Promise<void> {
  const { update, stored } = saved;
  // What the submission already read is not read again: this runs after every Submit.
  const s = stored ? postTargetOf(stored.strategy) : await strategyForPost(ctx, update.strategyId);
  if (!s) return;
  const measures = stored && !stored.measureValues ? [] : await valuesOfUpdate(ctx, update.id);
  let channel: ChannelOutcome = null;
  if (s.channelId) {
    const post = departmentPost(s, update, actor.slackUserId, await noticeOnly(ctx, client, update, s.channelId, s.channelId), measures);
    try {
      const posted = await client.chat.postMessage({ channel: s.channelId, text: post.text, blocks: post.blocks, unfurl_links: false });
      channel = { channel: s.channelId, ok: true };
      if (posted.ts) {
        // Not remembering it only costs a later edit its in-place change; the post stands.
        await recordChannelPost(ctx, update.id, { channel: posted.channel ?? s.channelId, ts: posted.ts }).catch((e: unknown) =>
          ctx.logger.warn({ err: (e as Error).message, update: update.id }, 'could not remember where the update was posted'),
        );
      }
    } catch (e) {
      const code = SLACK_ERROR(e);
      ctx.logger.warn({ err: code, channel: s.channelId, update: update.id }, 'could not post the progress update in the department channel');
      channel = { channel: s.channelId, ok: false, reason: reasonText(t, code) };
    }
  }
  await tellAuthor(ctx, client, actor.slackUserId, meta.channelId, confirmationMessage(t, { kind: 'saved', strategy: s, update, channel, measures }));
  await markPromptsReported(ctx, client, update.strategyId, update.periodStart);
  await afterProgressChange(ctx, client, [actor.slackUserId, s.ownerSlackId ?? ''], s.departmentId).catch((e: unknown) =>
    ctx.logger.warn({ err: (e as Error).message }, 'App Home refresh after a progress update failed'),
  );
}

export async function afterEditedUpdate(
  ctx: AppContext,
  client: WebClient,
  t: Translate,
  actor: Actor,
  update: ProgressUpdateView,
  meta: UpdateModalMeta,
): Promise<void> {
  const s = await strategyForPost(ctx, update.strategyId);
  if (!s) return;
  const measures = await valuesOfUpdate(ctx, update.id);
  const channel = update.channelPost ? await updateChannelPost(ctx, client, t, actor, update, update.channelPost, s, measures) : null;
  const message = confirmationMessage(t, { kind: 'edited', strategy: s, update, channel, measures });
  let replaced = false;
  // The confirmation whose Edit button was used shows the new version in place.
  if (meta.confirmationChannel && meta.confirmationTs) {
    try {
      await client.chat.update({ channel: meta.confirmationChannel, ts: meta.confirmationTs, text: message.text, blocks: message.blocks });
      replaced = true;
    } catch (e) {
      ctx.logger.info({ err: SLACK_ERROR(e), channel: meta.confirmationChannel }, 'could not refresh the confirmation in place; sending a new one');
    }
  }
  if (!replaced) await tellAuthor(ctx, client, actor.slackUserId, meta.channelId, message);
  await afterProgressChange(ctx, client, [actor.slackUserId, s.ownerSlackId ?? ''], s.departmentId).catch((e: unknown) =>
    ctx.logger.warn({ err: (e as Error).message }, 'App Home refresh after an edit failed'),
  );
}

/** Brings the department channel's post of an edited update up to date, in place. */
async function updateChannelPost(
  ctx: AppContext,
  client: WebClient,
  t: Translate,
  editor: Actor,
  update: ProgressUpdateView,
  where: { channel: string; ts: string },
  s: StrategyForPost,
  measures: readonly ReportedMeasure[],
): Promise<ChannelOutcome> {
  try {
    // The post names who reported, which may not be the editor (an equity lead, ORSE).
    const author = await memberSlackId(ctx, update.authorId);
    const notice = await noticeOnly(ctx, client, update, where.channel, s.channelId);
    const post = departmentPost(s, update, author ?? editor.slackUserId, notice, measures, editor.slackUserId);
    await client.chat.update({ channel: where.channel, ts: where.ts, text: post.text, blocks: post.blocks });
    return { channel: where.channel, ok: true };
  } catch (e) {
    const code = SLACK_ERROR(e);
    ctx.logger.warn({ err: code, channel: where.channel, update: update.id }, 'could not update the department channel post of an edited update');
    return { channel: where.channel, ok: false, reason: reasonText(t, code) };
  }
}
