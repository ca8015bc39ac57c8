// A department's plan: /reap plan pages, the digest's plan buttons, /reap canvas.
import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerPlanOpen } from './listeners/digest-plan-buttons.js';
import { registerPlanPage } from './listeners/plan-page-buttons.js';

export function register(app: App, ctx: AppContext): void {
  registerPlanOpen(app, ctx);
  registerPlanPage(app, ctx);
}
