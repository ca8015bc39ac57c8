// The Reassign button of the "strategies need a new owner" DM (features/manage/ui/manage-deactivation.ts):
// the same reassign modal as the Manage menu, for the strategy named in the button value.
import type { BlockButtonAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { parseManageValue } from '../ui/manage-overflow.js';
import { openManageModal } from '../strategy-views.js';

export function reassignButton(ctx: AppContext): ActionListener<BlockButtonAction> {
  return async ({ ack, body, action, client }) => {
    await ack();
    const parsed = parseManageValue(`reassign:${String(action.value ?? '')}`);
    await openManageModal(ctx, client, {
      slackUserId: body.user.id,
      triggerId: body.trigger_id,
      fromModal: body.container?.type === 'view' && body.view?.type === 'modal',
      op: parsed ? 'reassign' : null,
      strategyId: parsed?.strategyId ?? null,
    });
  };
}
