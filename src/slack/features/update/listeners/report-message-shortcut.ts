// "Report as REAP update", the message shortcut: the /reap update form, prefilled with the
// message's text as the narrative and its permalink as the evidence link. The person picks
// the strategy as in /reap update; Submit goes through the same listener and services.
//
// The loading view goes out with the trigger before anything is read (the trigger lives
// 3 s); who is asking, the message's link and the strategy list are read after it.
import type { MessageShortcut } from '@slack/bolt';
import type { ShortcutListener } from '../../../listener-types.js';
import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../../../domain/permissions.js';
import { isOrseAdmin } from '../../../../domain/permissions.js';
import type { AppContext } from '../../../../services/app-context.js';
import { departmentOfChannel } from '../../../../services/departments.js';
import { memberNames } from '../../../../services/members.js';
import { listReportableStrategies } from '../../../../services/progress-updates.js';
import { loadActorWithLanguage } from '../../../caller.js';
import { resolveStrategyQuery } from '../update-command.js';
import { translator, type Translate } from '../../../i18n/index.js';
import { recentLanguage } from '../../../recent-languages.js';
import { mentionedUserIds, prefillFromMessage } from '../ui/message-prefill.js';
import { loadingView } from '../ui/update-message-views.js';
import { openView } from '../../../loading-modal.js';
import { newUpdateModel, openPreparedForm, prepare, type NewFormRequest, type PreparedForm } from '../update-form.js';

/** Must equal the callback_id of the message shortcut in manifests/. */
export const REPORT_MESSAGE_SHORTCUT = 'reap_report_message';

/** chat.getPermalink's answers that mean the app cannot read the conversation or the message. */
const HIDDEN_ERRORS = new Set(['channel_not_found', 'not_in_channel', 'message_not_found', 'access_denied']);
const HIDDEN = Symbol('hidden');

/** Names looked up for mentions; a message rarely has more, and each one costs nothing extra. */
const MAX_MENTION_LOOKUPS = 50;

export function reportMessageShortcut(ctx: AppContext): ShortcutListener<MessageShortcut> {
  return async ({ ack, shortcut, client, respond }) => {
    const quickT = translator(recentLanguage(ctx, shortcut.user.id));
    await ack();
    const opened = openView(ctx, client, { triggerId: shortcut.trigger_id }, loadingView(quickT));
    // Reads wait for the loading view, so none of them can hold the trigger up.
    const work = opened.then(() => prepareFromMessage(ctx, client, shortcut));
    await openPreparedForm(work, {
      client,
      triggerId: shortcut.trigger_id,
      t: quickT,
      ctx,
      opened,
      // The trigger is gone: the answer goes to the conversation, for the person only.
      say: async (text) => {
        await respond({ response_type: 'ephemeral', text }).catch((e: unknown) =>
          ctx.logger.warn({ err: (e as Error).message }, 'could not answer the message shortcut'),
        );
      },
    });
  };
}

async function prepareFromMessage(ctx: AppContext, client: WebClient, shortcut: MessageShortcut): Promise<PreparedForm> {
  const who = await loadActorWithLanguage(ctx, shortcut.user.id);
  if ('message' in who) return { kind: 'message', text: who.message };
  const { actor, t } = who;
  const channelId = shortcut.channel.id;
  const text = typeof shortcut.message.text === 'string' ? shortcut.message.text : '';
  const permalink = await permalinkOf(ctx, client, channelId, shortcut.message.ts || shortcut.message_ts);
  if (permalink === HIDDEN) return { kind: 'message', text: t('shortcut.cannotSee') };
  return prepare(t, async () => {
    const [names, place] = await Promise.all([mentionNames(ctx, text), placeFor(ctx, actor, channelId, t)]);
    if ('message' in place) return { kind: 'message' as const, text: place.message };
    const prefill = prefillFromMessage(text, { names, permalink });
    const shortened =
      prefill.shortenedFrom === null ? {} : { prefilledLength: prefill.shortenedFrom, ...(prefill.evidenceUrl ? { linkedAsEvidence: true as const } : {}) };
    return newUpdateModel(ctx, actor, {
      ...place,
      meta: { channelId, ...shortened },
      values: { narrative: prefill.narrative || null, evidenceUrl: prefill.evidenceUrl },
      banner: prefill.narrative === '' ? t('shortcut.noText') : undefined,
    });
  });
}

/**
 * The message's permalink; HIDDEN when Slack says the app cannot read the conversation;
 * null (logged) for any other failure, which only costs the evidence link.
 */
async function permalinkOf(ctx: AppContext, client: WebClient, channel: string, ts: string): Promise<string | null | typeof HIDDEN> {
  try {
    const reply = await client.chat.getPermalink({ channel, message_ts: ts });
    return typeof reply.permalink === 'string' ? reply.permalink : null;
  } catch (e) {
    const code = (e as { data?: { error?: string } }).data?.error;
    if (code !== undefined && HIDDEN_ERRORS.has(code)) return HIDDEN;
    ctx.logger.warn({ err: code ?? (e as Error).message, channel }, 'chat.getPermalink failed; the update form opens without the evidence link');
    return null;
  }
}

/** Names of the REAP Tracker members a message mentions by id; others stay as their id. */
async function mentionNames(ctx: AppContext, text: string): Promise<Map<string, string>> {
  const ids = mentionedUserIds(text).slice(0, MAX_MENTION_LOOKUPS);
  if (ids.length === 0) return new Map();
  return memberNames(ctx, ids);
}

/**
 * Which department's strategies to list. In a department's own channel an ORSE admin (the
 * only one with a department choice) starts on that department; everyone else gets what
 * /reap update shows them.
 */
async function placeFor(
  ctx: AppContext,
  actor: Actor,
  channelId: string,
  t: Translate,
): Promise<Pick<NewFormRequest, 'departmentId' | 'strategyId' | 'strategies'> | { message: string }> {
  if (isOrseAdmin(actor)) {
    const department = await departmentOfChannel(ctx, channelId);
    if (department) {
      const strategies = await listReportableStrategies(ctx, actor, { departmentId: department.id });
      return { departmentId: department.id, strategyId: strategies.length === 1 ? strategies[0]!.id : null, strategies };
    }
  }
  return resolveStrategyQuery(ctx, actor, { kind: 'none' }, t, '');
}
