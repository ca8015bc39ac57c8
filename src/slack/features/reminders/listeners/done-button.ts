// Mark done, on a deadline reminder: completes the milestone (its owners and the
// department's leads may) or closes the strategy as completed (leads and ORSE admins only;
// the button is shown only to them, and the service refuses a crafted click). The button
// asks for confirmation first; the DM then shows the result in place of the item's
// buttons, with Undo for a few minutes (reminder-undo.ts).
import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { markReminderDone } from '../../../../services/reminder-actions.js';
import { handleReminderClick } from '../reminder-support.js';

export function doneButton(ctx: AppContext): ActionListener<BlockAction<ButtonAction>> {
  return async ({ ack, body, action, respond }) => {
    await handleReminderClick(ctx, { ack, body, action, respond }, 'marking a reminder done failed', async ({ actor, ref, t }) => {
      const result = await markReminderDone(ctx, actor, ref);
      if (!result.changed) return t('reminders.outcome.doneAlready');
      const user = `<@${actor.slackUserId}>`;
      const note = ref.kind === 'milestone' ? t('reminders.outcome.milestoneDone', { user }) : t('reminders.outcome.strategyDone', { user });
      return { note, undo: true };
    });
  };
}
