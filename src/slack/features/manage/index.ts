// Managing strategies: /reap add, the Manage menu and its modals (edit, reassign, defer, close, milestones, typed measures).
import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerManageAddDepartment } from './listeners/add-department-select.js';
import { registerManageAdd } from './listeners/add-submission.js';
import { registerManageClose } from './listeners/close-submission.js';
import { registerManageDefer } from './listeners/defer-submission.js';
import { registerManageEdit } from './listeners/edit-submission.js';
import { registerManageOverflow } from './listeners/manage-menu.js';
import { registerManageMeasureMenu } from './listeners/measure-menu.js';
import { registerManageMeasures } from './listeners/measure-submissions.js';
import { registerManageMeasuresOpen } from './listeners/measures-button.js';
import { registerManageMilestoneAdd } from './listeners/milestone-add-submission.js';
import { registerManageMilestoneComplete } from './listeners/milestone-complete-button.js';
import { registerMilestoneEditButton } from './listeners/milestone-edit-button.js';
import { registerMilestoneEditSubmission } from './listeners/milestone-edit-submission.js';
import { registerReassignButton } from './listeners/reassign-button.js';
import { registerManageReassign } from './listeners/reassign-submission.js';

export function register(app: App, ctx: AppContext): void {
  registerManageAddDepartment(app, ctx);
  registerManageAdd(app, ctx);
  registerManageClose(app, ctx);
  registerManageDefer(app, ctx);
  registerManageEdit(app, ctx);
  registerManageOverflow(app, ctx);
  registerManageMeasureMenu(app, ctx);
  registerManageMeasures(app, ctx);
  registerManageMeasuresOpen(app, ctx);
  registerManageMilestoneAdd(app, ctx);
  registerManageMilestoneComplete(app, ctx);
  registerMilestoneEditButton(app, ctx);
  registerMilestoneEditSubmission(app, ctx);
  registerReassignButton(app, ctx);
  registerManageReassign(app, ctx);
}
