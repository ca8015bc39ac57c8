// Snooze a week, on a deadline reminder: no reminders about that milestone or strategy for
// seven City days, then one when the snooze ends. The DM shows until when, in place.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { todayIn } from '../../../../domain/calendar-dates.js';
import type { AppContext } from '../../../../services/app-context.js';
import { snoozeReminder } from '../../../../services/reminder-actions.js';
import { REMINDER_ACTIONS } from '../ui/reminder-message.js';
import { slackDate } from '../../../ui/status-parts.js';
import { handleReminderClick } from '../reminder-support.js';

export function registerReminderSnooze(app: App, ctx: AppContext): void {
  app.action<BlockAction<ButtonAction>>(REMINDER_ACTIONS.snooze, async ({ ack, body, action, respond }) => {
    await handleReminderClick(ctx, { ack, body, action, respond }, 'snoozing a reminder failed', async ({ actor, ref, t }) => {
      const result = await snoozeReminder(ctx, actor, ref);
      if (result.alreadyDone) return t('reminders.outcome.alreadyDone');
      const date = slackDate(todayIn(result.until, ctx.config.timeZone));
      return result.changed ? t('reminders.outcome.snoozed', { user: `<@${actor.slackUserId}>`, date }) : t('reminders.outcome.snoozedAlready', { date });
    });
  });
}
