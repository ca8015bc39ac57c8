// Buttons that open the update form: "Update" beside a strategy anywhere in the app
// (/reap plan, /reap status, deadlines, App Home; value = strategy id) and "Edit" on the
// confirmation of a saved update (value = {"u": update id}). Both open a loading view at
// once and fill it in; anything to say instead is said in that modal.
import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../../../../services/app-context.js';
import type { Actor } from '../../../../domain/permissions.js';
import { loadActorWithLanguage } from '../../../caller.js';
import { translator, type Translate } from '../../../i18n/index.js';
import { messageView } from '../ui/update-message-views.js';
import { recentLanguage } from '../../../recent-languages.js';
import { openView } from '../../../loading-modal.js';
import { editUpdateModel, loadUpdateForEdit, newUpdateModel, openPreparedForm, prepare, type PreparedForm } from '../update-form.js';

const positiveInt = (v: unknown): number | null =>
  (typeof v === 'number' || typeof v === 'string') && /^\d{1,9}$/.test(String(v)) && Number(v) > 0 ? Number(v) : null;

function updateIdOf(value: string | undefined): number | null {
  try {
    const parsed: unknown = JSON.parse(value ?? '');
    return parsed && typeof parsed === 'object' ? positiveInt((parsed as { u?: unknown }).u) : null;
  } catch {
    return null;
  }
}

/** Words instead of a form: in a small modal, since a button press has a trigger but no place to reply. */
function sayInModal(ctx: AppContext, client: WebClient, triggerId: string, t: Translate) {
  return async (text: string) => {
    await openView(ctx, client, { triggerId }, messageView(t, text));
  };
}

/** "Update" beside a strategy: the form on that strategy. */
export function updateButton(ctx: AppContext): ActionListener<BlockAction<ButtonAction>> {
  return async ({ ack, body, client }) => {
    await ack();
    const strategyId = positiveInt(body.actions[0]?.value);
    const channel = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
    await openWithLoadingView(ctx, client, body, (actor, t) =>
      prepare(t, () => newUpdateModel(ctx, actor, { departmentId: null, strategyId, meta: { channelId: channel } })),
    );
  };
}

/** "Edit" on a confirmation: the form on the saved update. */
export function editUpdateButton(ctx: AppContext): ActionListener<BlockAction<ButtonAction>> {
  return async ({ ack, body, client }) => {
    await ack();
    const updateId = updateIdOf(body.actions[0]?.value);
    const container = body.container as { channel_id?: string; message_ts?: string } | undefined;
    const confirmationChannel = container?.channel_id ?? body.channel?.id;
    const confirmationTs = container?.message_ts ?? body.message?.ts;
    await openWithLoadingView(ctx, client, body, (actor, t) =>
      prepare(t, async () => {
        if (updateId === null) return { kind: 'message' as const, text: t('update.edit.gone') };
        const stored = await loadUpdateForEdit(ctx, actor, updateId);
        return editUpdateModel(ctx, stored, { channelId: confirmationChannel, confirmationChannel, confirmationTs });
      }),
    );
  };
}

/**
 * Opens a loading view with the trigger before anything is read (the button press may sit
 * behind other requests' queries), then the form built for the person in their language.
 */
async function openWithLoadingView(
  ctx: AppContext,
  client: WebClient,
  body: BlockAction<ButtonAction>,
  build: (actor: Actor, t: Translate) => Promise<PreparedForm>,
): Promise<void> {
  const quickT = translator(recentLanguage(ctx, body.user.id));
  const work = loadActorWithLanguage(ctx, body.user.id).then((who) =>
    'message' in who ? { kind: 'message' as const, text: who.message } : build(who.actor, who.t),
  );
  await openPreparedForm(work, { client, triggerId: body.trigger_id, t: quickT, ctx, say: sayInModal(ctx, client, body.trigger_id, quickT) });
}
