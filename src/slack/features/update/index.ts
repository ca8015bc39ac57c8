// Progress updates: /reap update, the update form, its buttons, the message shortcut and the workflow step.
import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerUpdateFull } from './listeners/full-update-button.js';
import { registerReportMessageShortcut } from './listeners/report-message-shortcut.js';
import { registerSubmitUpdateStep } from './listeners/submit-update-step.js';
import { registerUpdateOpenButtons } from './listeners/update-buttons.js';
import { registerUpdateSelects } from './listeners/update-selects.js';
import { registerUpdateSubmission } from './listeners/update-submission.js';

export function register(app: App, ctx: AppContext): void {
  registerUpdateFull(app, ctx);
  registerReportMessageShortcut(app, ctx);
  registerSubmitUpdateStep(app, ctx);
  registerUpdateOpenButtons(app, ctx);
  registerUpdateSelects(app, ctx);
  registerUpdateSubmission(app, ctx);
}
