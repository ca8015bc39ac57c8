// /reap settings and /reap language.
import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerSettingsSubmission } from './listeners/settings-submission.js';

export function register(app: App, ctx: AppContext): void {
  registerSettingsSubmission(app, ctx);
}
