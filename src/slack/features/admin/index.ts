// People and roles: /reap admin, and keeping members in step with Slack.
import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerAdminPerson } from './listeners/person-select.js';
import { registerAdminRoles } from './listeners/roles-submission.js';
import { registerUserChange } from './listeners/user-change.js';

export function register(app: App, ctx: AppContext): void {
  registerAdminPerson(app, ctx);
  registerAdminRoles(app, ctx);
  registerUserChange(app, ctx);
}
