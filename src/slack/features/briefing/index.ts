// ORSE's quarterly briefings: /reap briefing, the composer and its buttons.
import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerBriefingButtons } from './listeners/briefing-buttons.js';
import { registerBriefingSubmission } from './listeners/briefing-submission.js';
import { registerBriefingComposer } from './listeners/composer-buttons.js';

export function register(app: App, ctx: AppContext): void {
  registerBriefingButtons(app, ctx);
  registerBriefingSubmission(app, ctx);
  registerBriefingComposer(app, ctx);
}
