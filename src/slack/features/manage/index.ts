// Managing strategies: /reap add, the Manage menu and its modals (edit, reassign, defer,
// close, milestones, typed measures). Which id goes to which listener; the subcommand is
// in ../../commands/router.ts.
import type { App, BlockAction, BlockButtonAction, OverflowAction, StaticSelectAction } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { addDepartmentSelect } from './listeners/add-department-select.js';
import { registerManageAdd } from './listeners/add-submission.js';
import { registerManageClose } from './listeners/close-submission.js';
import { registerManageDefer } from './listeners/defer-submission.js';
import { registerManageEdit } from './listeners/edit-submission.js';
import { manageMenu } from './listeners/manage-menu.js';
import { measureMenu } from './listeners/measure-menu.js';
import { registerManageMeasures } from './listeners/measure-submissions.js';
import { measuresButton } from './listeners/measures-button.js';
import { registerManageMilestoneAdd } from './listeners/milestone-add-submission.js';
import { milestoneCompleteButton } from './listeners/milestone-complete-button.js';
import { milestoneEditButton } from './listeners/milestone-edit-button.js';
import { registerMilestoneEditSubmission } from './listeners/milestone-edit-submission.js';
import { reassignButton } from './listeners/reassign-button.js';
import { registerManageReassign } from './listeners/reassign-submission.js';
import { REASSIGN_ACTION_ID } from './ui/manage-modals.js';
import { MANAGE_ACTION_ID } from './ui/manage-overflow.js';
import { MEASURE_MENU_ACTION_ID } from './ui/measure-form.js';
import { MILESTONE_COMPLETE_ACTION_ID, MILESTONE_EDIT_ACTION_ID } from './ui/milestone-form.js';
import { ADD_DEPARTMENT_ACTION_ID, MEASURES_OPEN_ACTION_ID } from './ui/strategy-form.js';

export function register(app: App, ctx: AppContext): void {
  app.action<BlockAction<OverflowAction>>(MANAGE_ACTION_ID, manageMenu(ctx));
  app.action<BlockButtonAction>(REASSIGN_ACTION_ID, reassignButton(ctx));
  app.action<BlockAction<StaticSelectAction>>(ADD_DEPARTMENT_ACTION_ID, addDepartmentSelect(ctx));
  app.action<BlockButtonAction>(MEASURES_OPEN_ACTION_ID, measuresButton(ctx));
  app.action<BlockAction<OverflowAction>>(MEASURE_MENU_ACTION_ID, measureMenu(ctx));
  app.action<BlockButtonAction>(MILESTONE_EDIT_ACTION_ID, milestoneEditButton(ctx));
  app.action<BlockButtonAction>(MILESTONE_COMPLETE_ACTION_ID, milestoneCompleteButton(ctx));
  registerManageAdd(app, ctx);
  registerManageEdit(app, ctx);
  registerManageReassign(app, ctx);
  registerManageDefer(app, ctx);
  registerManageClose(app, ctx);
  registerManageMilestoneAdd(app, ctx);
  registerMilestoneEditSubmission(app, ctx);
  registerManageMeasures(app, ctx);
}
