// /reap settings and /reap language (subcommands: ../../commands/router.ts).
import type { App, ViewSubmitAction } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { settingsSubmission } from './listeners/settings-submission.js';
import { SETTINGS_CALLBACK_ID } from './ui/settings-modal.js';

export function register(app: App, ctx: AppContext): void {
  app.view<ViewSubmitAction>(SETTINGS_CALLBACK_ID, settingsSubmission(ctx));
}
