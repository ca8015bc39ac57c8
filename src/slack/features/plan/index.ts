// A department's plan: /reap plan pages, the weekly digest's plan buttons, /reap canvas.
// Which id goes to which listener; the subcommands are in ../../commands/router.ts.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { DIGEST_HOME_ACTION_ID, PLAN_OPEN_ACTION_ID } from '../digests/ui/weekly-digest.js';
import { digestHomeButton, fullPlanButton } from './listeners/digest-plan-buttons.js';
import { planPageButtons } from './listeners/plan-page-buttons.js';
import { PLAN_PAGE_ACTIONS } from './ui/plan-message.js';

export function register(app: App, ctx: AppContext): void {
  app.action<BlockButtonAction>(PLAN_PAGE_ACTIONS, planPageButtons(ctx));
  app.action<BlockButtonAction>(PLAN_OPEN_ACTION_ID, fullPlanButton(ctx));
  app.action<BlockButtonAction>(DIGEST_HOME_ACTION_ID, digestHomeButton(ctx));
}
