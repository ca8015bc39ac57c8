// Undo, beside "Marked done" on a deadline reminder: for a few minutes the person who
// marked it done may take it back (services/reminder-actions.ts undoReminderDone decides,
// from the audit trail, what the item was before). The answer replaces the Undo button.
import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { undoReminderDone } from '../../../../services/reminder-actions.js';
import { handleReminderClick } from '../reminder-support.js';

export function undoButton(ctx: AppContext): ActionListener<BlockAction<ButtonAction>> {
  return async ({ ack, body, action, respond }) => {
    await handleReminderClick(ctx, { ack, body, action, respond }, 'undoing a reminder done failed', async ({ actor, ref, t }) => {
      const result = await undoReminderDone(ctx, actor, ref);
      return result.changed ? t('reminders.outcome.undone', { user: `<@${actor.slackUserId}>` }) : t('reminders.outcome.undoneAlready');
    });
  };
}
