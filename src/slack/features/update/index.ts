// Progress updates: the form /reap update opens (subcommand: ../../commands/router.ts),
// its buttons and selects, its Submit, the message shortcut and the workflow step.
// Which id goes to which listener.
import type { App, BlockAction, ButtonAction, MessageShortcut, StaticSelectAction, ViewSubmitAction } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { fullUpdateButton } from './listeners/full-update-button.js';
import { REPORT_MESSAGE_SHORTCUT, reportMessageShortcut } from './listeners/report-message-shortcut.js';
import { SUBMIT_UPDATE_STEP, submitUpdateStep } from './listeners/submit-update-step.js';
import { editUpdateButton, updateButton } from './listeners/update-buttons.js';
import { updateSelect } from './listeners/update-selects.js';
import { updateSubmission } from './listeners/update-submission.js';
import { UPDATE_FULL_ACTION_ID } from './ui/update-confirmation.js';
import { UPDATE_ACTIONS, UPDATE_CALLBACK_ID, UPDATE_OPEN_ACTION } from './ui/update-ids.js';

export function register(app: App, ctx: AppContext): void {
  app.action<BlockAction<ButtonAction>>(UPDATE_OPEN_ACTION, updateButton(ctx));
  app.action<BlockAction<ButtonAction>>(UPDATE_ACTIONS.edit, editUpdateButton(ctx));
  app.action<BlockAction<ButtonAction>>(UPDATE_FULL_ACTION_ID, fullUpdateButton(ctx));
  app.action<BlockAction<StaticSelectAction>>(UPDATE_ACTIONS.strategy, updateSelect(ctx, 'strategy'));
  app.action<BlockAction<StaticSelectAction>>(UPDATE_ACTIONS.department, updateSelect(ctx, 'department'));
  app.view<ViewSubmitAction>(UPDATE_CALLBACK_ID, updateSubmission(ctx));
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: REPORT_MESSAGE_SHORTCUT }, reportMessageShortcut(ctx));
  app.function(SUBMIT_UPDATE_STEP, submitUpdateStep(ctx));
}
