// Snooze a week, on a deadline reminder: no reminders about that milestone or strategy for
// seven City days, then one when the snooze ends. The DM shows until when, in place.
import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { ActionListener } from '../../../listener-types.js';
import { todayIn } from '../../../../domain/calendar-dates.js';
import type { AppContext } from '../../../../services/app-context.js';
import { snoozeReminder } from '../../../../services/reminder-actions.js';
import { slackDate } from '../../../ui/status-parts.js';
import { handleReminderClick } from '../reminder-support.js';

export function snoozeButton(ctx: AppContext): ActionListener<BlockAction<ButtonAction>> {
  return async ({ ack, body, action, respond }) => {
    await handleReminderClick(ctx, { ack, body, action, respond }, 'snoozing a reminder failed', async ({ actor, ref, t }) => {
      const result = await snoozeReminder(ctx, actor, ref);
      if (result.alreadyDone) return t('reminders.outcome.alreadyDone');
      const date = slackDate(todayIn(result.until, ctx.config.timeZone));
      return result.changed ? t('reminders.outcome.snoozed', { user: `<@${actor.slackUserId}>`, date }) : t('reminders.outcome.snoozedAlready', { date });
    });
  };
}
