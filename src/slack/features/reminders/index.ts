// Buttons on the daily deadline reminder: Snooze, Mark done, Undo.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { doneButton } from './listeners/done-button.js';
import { snoozeButton } from './listeners/snooze-button.js';
import { undoButton } from './listeners/undo-button.js';
import { REMINDER_ACTIONS } from './ui/reminder-message.js';

export function register(app: App, ctx: AppContext): void {
  app.action<BlockAction<ButtonAction>>(REMINDER_ACTIONS.snooze, snoozeButton(ctx));
  app.action<BlockAction<ButtonAction>>(REMINDER_ACTIONS.done, doneButton(ctx));
  app.action<BlockAction<ButtonAction>>(REMINDER_ACTIONS.undo, undoButton(ctx));
}
