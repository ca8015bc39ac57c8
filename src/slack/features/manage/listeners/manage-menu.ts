// The Manage menu next to a strategy (features/manage/ui/manage-overflow.ts has the contract): opens the
// chosen modal with the trigger_id first, then loads the strategy's current version and
// asks the services whether the clicker may manage it. A crafted value naming another
// department's strategy is refused there (and audited), shown in the modal.
import type { BlockAction, OverflowAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { parseManageValue } from '../ui/manage-overflow.js';
import { planPageOfBlock } from '../../plan/ui/plan-message.js';
import { openManageModal } from '../strategy-views.js';

export function manageMenu(ctx: AppContext): ActionListener<BlockAction<OverflowAction>> {
  return async ({ ack, body, action, client }) => {
    await ack();
    const parsed = parseManageValue(action.selected_option?.value);
    // Used on a /reap plan page: the change redraws that page (see strategySubmission).
    const page = planPageOfBlock(action.block_id);
    const responseUrl = (body as { response_url?: string }).response_url;
    await openManageModal(ctx, client, {
      slackUserId: body.user.id,
      triggerId: body.trigger_id,
      // Inside a modal a new view goes on the stack; anywhere else (messages, App Home) it opens one.
      fromModal: body.container?.type === 'view' && body.view?.type === 'modal',
      op: parsed?.op ?? null,
      strategyId: parsed?.strategyId ?? null,
      origin: page && responseUrl ? { responseUrl, page } : undefined,
    });
  };
}
