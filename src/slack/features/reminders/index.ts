// Buttons on the daily deadline reminder: Snooze, Mark done, Undo.
import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerReminderDone } from './listeners/done-button.js';
import { registerReminderSnooze } from './listeners/snooze-button.js';
import { registerReminderUndo } from './listeners/undo-button.js';

export function register(app: App, ctx: AppContext): void {
  registerReminderDone(app, ctx);
  registerReminderSnooze(app, ctx);
  registerReminderUndo(app, ctx);
}
