// Edit or Archive beside a typed measure in the Measures modal: pushes the edit form or the
// archive confirmation (trigger first). The services decide whether the clicker may manage
// the measure's strategy; a crafted value is refused there.
import type { BlockAction, OverflowAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { View } from '@slack/types';
import type { AppContext } from '../../../../services/app-context.js';
import { notFound } from '../../../../services/errors.js';
import { measureToEdit } from '../../../../services/measures.js';
import { measureArchiveModal, measureEditModal, parseMeasureMenuValue } from '../ui/measure-form.js';
import { loadActor } from '../../../../services/authz.js';
import { openManageForm } from '../strategy-views.js';

export function measureMenu(ctx: AppContext): ActionListener<BlockAction<OverflowAction>> {
  return async ({ ack, body, action, client }) => {
    await ack();
    const from = { slackUserId: body.user.id, triggerId: body.trigger_id, fromModal: body.view?.type === 'modal' };
    await openManageForm(ctx, client, from, 'could not open the measure form', async (t): Promise<View> => {
      const parsed = parseMeasureMenuValue(action.selected_option?.value);
      if (!parsed) throw notFound('errors.notFound.measure', { measureId: null });
      const actor = await loadActor(ctx, body.user.id);
      const { measure, strategy } = await measureToEdit(ctx, actor, parsed.measureId);
      return parsed.op === 'edit'
        ? measureEditModal(t, { strategyLabel: strategy.label, measure })
        : measureArchiveModal(t, { strategyLabel: strategy.label, measure });
    });
  };
}
