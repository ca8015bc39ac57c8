// ORSE's quarterly briefings: /reap briefing, the composer and its buttons.
// Which id goes to which listener; the subcommand is in ../../commands/router.ts.
import type { App, BlockButtonAction, ViewClosedAction, ViewSubmitAction } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { cancelBriefingButton, editBriefingButton, newBriefingButton } from './listeners/briefing-buttons.js';
import { briefingClosed, briefingSubmission } from './listeners/briefing-submission.js';
import { addPartButton, previewButton, startFromDraftButton } from './listeners/composer-buttons.js';
import { BRIEFING_ACTIONS } from './ui/briefing-message.js';
import { BRIEFING_CALLBACK_ID, COMPOSER_ACTIONS } from './ui/briefing-modal.js';

export function register(app: App, ctx: AppContext): void {
  app.action<BlockButtonAction>(BRIEFING_ACTIONS.compose, newBriefingButton(ctx));
  app.action<BlockButtonAction>(BRIEFING_ACTIONS.create, newBriefingButton(ctx));
  app.action<BlockButtonAction>(BRIEFING_ACTIONS.edit, editBriefingButton(ctx));
  app.action<BlockButtonAction>(BRIEFING_ACTIONS.cancel, cancelBriefingButton(ctx));
  app.action<BlockButtonAction>(COMPOSER_ACTIONS.draft, startFromDraftButton(ctx));
  app.action<BlockButtonAction>(COMPOSER_ACTIONS.addPart, addPartButton(ctx));
  app.action<BlockButtonAction>(COMPOSER_ACTIONS.preview, previewButton(ctx));
  app.view<ViewSubmitAction>(BRIEFING_CALLBACK_ID, briefingSubmission(ctx));
  app.view<ViewClosedAction>({ callback_id: BRIEFING_CALLBACK_ID, type: 'view_closed' }, briefingClosed(ctx));
}
