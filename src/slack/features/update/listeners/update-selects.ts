// Picking a strategy (or, for ORSE admins, a department) in the /reap update modal: the
// parts of the form that depend on the pick (status preselected, measures, last update,
// the strategy list) are rebuilt with views.update. Block and action ids stay the same, so
// Slack keeps what was typed; the view's hash makes a stale refresh fail instead of
// overwriting a newer one.
import type { BlockAction, StaticSelectAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { ServiceError } from '../../../../services/errors.js';
import { loadActorWithLanguage } from '../../../caller.js';
import type { Translate } from '../../../i18n/index.js';
import { describeServiceError } from '../../../service-errors.js';
import { carriedMeta, decodeMeta } from '../ui/update-ids.js';
import { buildUpdateModal } from '../ui/update-modal.js';
import { readFormValues } from '../ui/update-form-state.js';
import { newUpdateModel } from '../update-form.js';
import { viewPayload } from '../../../view-payload.js';

const positiveInt = (v: string | undefined): number | null => (v && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : null);

/** A pick of strategy or (ORSE admins) department: the parts of the form that follow it. */
export function updateSelect(ctx: AppContext, which: 'strategy' | 'department'): ActionListener<BlockAction<StaticSelectAction>> {
  return async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const meta = decodeMeta(view.private_metadata);
    if (meta.mode !== 'new') return;
    const picked = positiveInt(body.actions[0]?.selected_option?.value);
    const values = readFormValues(view.state.values);
    let next;
    let t: Translate;
    try {
      // One read for the person and their language; someone unknown has no form to refresh.
      const who = await loadActorWithLanguage(ctx, body.user.id);
      if ('message' in who) throw new Error('the person is not known to REAP Tracker');
      t = who.t;
      const actor = who.actor;
      const base = { meta: carriedMeta(meta) };
      try {
        next =
          which === 'strategy'
            ? await newUpdateModel(ctx, actor, { ...base, departmentId: meta.departmentId ?? null, strategyId: picked })
            : await newUpdateModel(ctx, actor, { ...base, departmentId: picked, strategyId: null });
      } catch (e) {
        // The strategy was archived or is not theirs to report on: say so, keep the list.
        if (!(e instanceof ServiceError)) throw e;
        next = await newUpdateModel(ctx, actor, {
          ...base,
          departmentId: meta.departmentId ?? null,
          strategyId: null,
          banner: `:warning: ${describeServiceError(t, e)}`,
        });
      }
    } catch (e) {
      ctx.logger.warn({ err: e, user: body.user.id }, 'could not refresh the update form');
      return;
    }
    // Text typed so far also travels as initial values, in case Slack did not keep it.
    next.values = { ...values, status: null };
    try {
      await client.views.update({ view_id: view.id, hash: view.hash, view: viewPayload(buildUpdateModal(t, next)) });
    } catch (e) {
      // hash_conflict: a newer refresh (a later pick) already replaced the view.
      ctx.logger.info({ err: (e as { data?: { error?: string } }).data?.error ?? (e as Error).message, view: view.id }, 'update form refresh skipped');
    }
  };
}
