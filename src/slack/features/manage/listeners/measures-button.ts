// "Typed measures…" in the Edit strategy modal: pushes the Measures modal (trigger first).
// Its value is the strategy id; the services decide whether the clicker may manage it.
import type { BlockButtonAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { openManageModal } from '../strategy-views.js';

export function measuresButton(ctx: AppContext): ActionListener<BlockButtonAction> {
  return async ({ ack, body, action, client }) => {
    await ack();
    const id = /^[1-9][0-9]{0,9}$/.test(action.value ?? '') ? Number(action.value) : null;
    await openManageModal(ctx, client, {
      slackUserId: body.user.id,
      triggerId: body.trigger_id,
      fromModal: body.view?.type === 'modal',
      op: id !== null && id <= 2_147_483_647 ? 'measures' : null,
      strategyId: id,
    });
  };
}
