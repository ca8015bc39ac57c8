// Buttons that open the update form: "Update" beside a strategy anywhere in the app
// (/reap plan, /reap status, deadlines, App Home; value = strategy id) and "Edit" on the
// confirmation of a saved update (value = {"u": update id}).
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../../../services/app-context.js';
import { loadActor } from '../../../services/authz.js';
import { identifyCaller } from '../../caller.js';
import { translator, type Translate } from '../../i18n/index.js';
import { UPDATE_ACTIONS, UPDATE_OPEN_ACTION, messageView } from '../../ui/update-modal.js';
import { editUpdateModel, loadUpdateForEdit, newUpdateModel, openPreparedForm, prepare } from '../views/update-form.js';

const positiveInt = (v: unknown): number | null => (typeof v === 'number' || typeof v === 'string') && /^\d{1,9}$/.test(String(v)) && Number(v) > 0 ? Number(v) : null;

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
    try {
      await client.views.open({ trigger_id: triggerId, view: messageView(t, text) });
    } catch (e) {
      ctx.logger.warn({ err: (e as Error).message }, 'could not show the update form message');
    }
  };
}

export function registerUpdateOpenButtons(app: App, ctx: AppContext): void {
  app.action<BlockAction<ButtonAction>>(UPDATE_OPEN_ACTION, async ({ ack, body, client }) => {
    await ack();
    const caller = await identifyCaller(ctx, body.user.id);
    const t = translator(caller.lang);
    const strategyId = positiveInt(body.actions[0]?.value);
    const channel = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
    const work = prepare(t, async () => {
      const actor = await loadActor(ctx, body.user.id);
      return newUpdateModel(ctx, actor, { departmentId: null, strategyId, meta: { c: channel } });
    });
    await openPreparedForm(work, { client, triggerId: body.trigger_id, t, ctx, say: sayInModal(ctx, client, body.trigger_id, t) });
  });

  app.action<BlockAction<ButtonAction>>(UPDATE_ACTIONS.edit, async ({ ack, body, client }) => {
    await ack();
    const caller = await identifyCaller(ctx, body.user.id);
    const t = translator(caller.lang);
    const updateId = updateIdOf(body.actions[0]?.value);
    const container = body.container as { channel_id?: string; message_ts?: string } | undefined;
    const mc = container?.channel_id ?? body.channel?.id;
    const mt = container?.message_ts ?? body.message?.ts;
    const work = prepare(t, async () => {
      if (updateId === null) return { kind: 'message' as const, text: t('update.edit.gone') };
      const actor = await loadActor(ctx, body.user.id);
      const stored = await loadUpdateForEdit(ctx, actor, updateId);
      return editUpdateModel(ctx, stored, { c: mc, mc, mt });
    });
    await openPreparedForm(work, { client, triggerId: body.trigger_id, t, ctx, say: sayInModal(ctx, client, body.trigger_id, t) });
  });
}
