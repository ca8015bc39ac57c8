// People and roles: /reap admin, and keeping members in step with Slack.
// Which id goes to which listener; the subcommand is in ../../commands/router.ts.
import type { App, BlockAction, UsersSelectAction, ViewSubmitAction } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { personSelect } from './listeners/person-select.js';
import { rolesSubmission } from './listeners/roles-submission.js';
import { userChange } from './listeners/user-change.js';
import { ADMIN_CALLBACK_ID, ADMIN_PERSON_ACTION_ID } from './ui/admin-modal.js';

export function register(app: App, ctx: AppContext): void {
  app.action<BlockAction<UsersSelectAction>>(ADMIN_PERSON_ACTION_ID, personSelect(ctx));
  app.view<ViewSubmitAction>(ADMIN_CALLBACK_ID, rolesSubmission(ctx));
  app.event('user_change', userChange(ctx));
}
