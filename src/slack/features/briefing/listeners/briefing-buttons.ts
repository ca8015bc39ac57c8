// Buttons in briefing messages: "Compose briefing" in the reminder DM and "New briefing" in
// the /reap briefing list open the composer; Edit opens it filled with a briefing; Cancel
// cancels a scheduled one and refreshes the list. The services decide who may (ORSE
// admins) and audit refusals, so a crafted value gets a clear answer and changes nothing.
import type { BlockButtonAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { loadActor } from '../../../../services/authz.js';
import { cancelBriefing, getBriefing, listBriefings, requireBriefingComposer } from '../../../../services/briefings.js';
import { briefingListMessage } from '../ui/briefing-message.js';
import { briefingComposerModal, briefingLoadingModal, briefingNoticeModal } from '../ui/briefing-modal.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { composerFor, newComposer } from '../briefing-support.js';
import { openThenFill, openView } from '../../../loading-modal.js';
import { speakerFor } from '../../../caller.js';
import { problemText } from '../../../service-errors.js';

const positiveInt = (v: string | undefined): number | null => (v && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : null);

/** "Compose briefing" (reminder DM) and "New briefing" (the list): the composer, empty. */
export function newBriefingButton(ctx: AppContext): ActionListener<BlockButtonAction> {
  return async ({ ack, body, action, client, respond }) => {
    await ack();
    const { t } = await speakerFor(ctx, body.user.id);
    try {
      await requireBriefingComposer(ctx, await loadActor(ctx, body.user.id));
    } catch (e) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: problemText(ctx, t, e, 'briefing compose button') }).catch(() => {});
      return;
    }
    // The reminder's button names its quarter; "New briefing" starts on the current one.
    const opened = await openView(ctx, client, { triggerId: body.trigger_id }, briefingComposerModal(t, newComposer(ctx, action.value)));
    if (!opened) await respond({ response_type: 'ephemeral', replace_original: false, text: t('common.errorGeneric') }).catch(() => {});
  };
}

/** "Edit" in the list: the composer filled with that briefing. */
export function editBriefingButton(ctx: AppContext): ActionListener<BlockButtonAction> {
  return async ({ ack, body, action, client }) => {
    await ack();
    const { t } = await speakerFor(ctx, body.user.id);
    await openThenFill(ctx, client, {
      opener: { triggerId: body.trigger_id },
      loading: briefingLoadingModal(t),
      load: async () => {
        const actor = await loadActor(ctx, body.user.id);
        const b = await getBriefing(ctx, actor, positiveInt(action.value) ?? 0);
        return briefingComposerModal(t, composerFor(ctx, b));
      },
      problem: (text) => briefingNoticeModal(t, 'titleProblem', text),
      t,
      what: 'could not open a briefing',
    });
  };
}

/** "Cancel" in the list: the scheduled briefing is cancelled and the list redrawn. */
export function cancelBriefingButton(ctx: AppContext): ActionListener<BlockButtonAction> {
  return async ({ ack, body, action, respond }) => {
    await ack();
    const { t } = await speakerFor(ctx, body.user.id);
    try {
      const actor = await loadActor(ctx, body.user.id);
      const cancelled = await cancelBriefing(ctx, actor, positiveInt(action.value) ?? 0);
      const list = await listBriefings(ctx, actor);
      const notice = `:no_entry_sign: ${t('briefings.list.cancelledNotice', { title: escapeMrkdwn(cancelled.title) })}`;
      await respond({ response_type: 'ephemeral', replace_original: true, ...briefingListMessage(t, list, notice) });
    } catch (e) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: problemText(ctx, t, e, 'could not cancel a briefing') }).catch(
        (err: unknown) => {
          ctx.logger.warn({ err, user: body.user.id }, 'could not answer a briefing cancel click');
        },
      );
    }
  };
}
