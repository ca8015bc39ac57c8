import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerPlanPage } from './plan-page.js';

export function register(app: App, ctx: AppContext): void {
  registerPlanPage(app, ctx);
}
