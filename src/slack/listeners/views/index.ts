import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerAdminRoles } from './admin-roles.js';
import { registerBriefingSubmission } from './briefing-submission.js';
import { registerManageAdd } from './manage-add.js';
import { registerManageClose } from './manage-close.js';
import { registerManageDefer } from './manage-defer.js';
import { registerManageEdit } from './manage-edit.js';
import { registerManageMilestoneAdd } from './manage-milestone-add.js';
import { registerManageMilestoneEdit } from './manage-milestone-edit.js';
import { registerManageMeasures } from './manage-measures.js';
import { registerManageReassign } from './manage-reassign.js';
import { registerSettingsSubmission } from './settings-submission.js';
import { registerUpdateSubmission } from './update-submission.js';

export function register(app: App, ctx: AppContext): void {
  registerManageAdd(app, ctx);
  registerManageEdit(app, ctx);
  registerManageReassign(app, ctx);
  registerManageDefer(app, ctx);
  registerManageClose(app, ctx);
  registerManageMilestoneAdd(app, ctx);
  registerManageMilestoneEdit(app, ctx);
  registerManageMeasures(app, ctx);
  registerAdminRoles(app, ctx);
  registerUpdateSubmission(app, ctx);
  registerBriefingSubmission(app, ctx);
  registerSettingsSubmission(app, ctx);
}
