// Managing strategies: /reap add, the Manage menu and its modals (edit, reassign, defer,
// close, milestones, typed measures). Which id goes to which listener; the subcommand is
// in ../../commands/router.ts.
import type { App, BlockAction, BlockButtonAction, OverflowAction, StaticSelectAction, ViewSubmitAction } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { addDepartmentSelect } from './listeners/add-department-select.js';
import { addLeadSelect } from './listeners/add-lead-select.js';
import { addSubmission } from './listeners/add-submission.js';
import { closeSubmission } from './listeners/close-submission.js';
import { deferSubmission } from './listeners/defer-submission.js';
import { editSubmission } from './listeners/edit-submission.js';
import { manageMenu } from './listeners/manage-menu.js';
import { measureMenu } from './listeners/measure-menu.js';
import { measureAddSubmission, measureArchiveSubmission, measureEditSubmission } from './listeners/measure-submissions.js';
import { measuresButton } from './listeners/measures-button.js';
import { milestoneAddSubmission } from './listeners/milestone-add-submission.js';
import { milestoneCompleteButton } from './listeners/milestone-complete-button.js';
import { milestoneEditButton } from './listeners/milestone-edit-button.js';
import { milestoneEditSubmission } from './listeners/milestone-edit-submission.js';
import { reassignButton } from './listeners/reassign-button.js';
import { reassignSubmission } from './listeners/reassign-submission.js';
import { MANAGE_CALLBACKS, REASSIGN_ACTION_ID } from './ui/manage-modals.js';
import { MANAGE_ACTION_ID } from './ui/manage-overflow.js';
import { MEASURE_CALLBACKS, MEASURE_MENU_ACTION_ID } from './ui/measure-form.js';
import { MILESTONE_COMPLETE_ACTION_ID, MILESTONE_EDIT_ACTION_ID } from './ui/milestone-form.js';
import { ADD_DEPARTMENT_ACTION_ID, ADD_LEAD_ACTION_ID, MEASURES_OPEN_ACTION_ID } from './ui/strategy-form.js';

export function register(app: App, ctx: AppContext): void {
  app.action<BlockAction<OverflowAction>>(MANAGE_ACTION_ID, manageMenu(ctx));
  app.action<BlockButtonAction>(REASSIGN_ACTION_ID, reassignButton(ctx));
  app.action<BlockAction<StaticSelectAction>>(ADD_DEPARTMENT_ACTION_ID, addDepartmentSelect(ctx));
  app.action<BlockAction<StaticSelectAction>>(ADD_LEAD_ACTION_ID, addLeadSelect(ctx));
  app.action<BlockButtonAction>(MEASURES_OPEN_ACTION_ID, measuresButton(ctx));
  app.action<BlockAction<OverflowAction>>(MEASURE_MENU_ACTION_ID, measureMenu(ctx));
  app.action<BlockButtonAction>(MILESTONE_EDIT_ACTION_ID, milestoneEditButton(ctx));
  app.action<BlockButtonAction>(MILESTONE_COMPLETE_ACTION_ID, milestoneCompleteButton(ctx));
  app.view<ViewSubmitAction>(MANAGE_CALLBACKS.add, addSubmission(ctx));
  app.view<ViewSubmitAction>(MANAGE_CALLBACKS.edit, editSubmission(ctx));
  app.view<ViewSubmitAction>(MANAGE_CALLBACKS.reassign, reassignSubmission(ctx));
  app.view<ViewSubmitAction>(MANAGE_CALLBACKS.defer, deferSubmission(ctx));
  app.view<ViewSubmitAction>(MANAGE_CALLBACKS.close, closeSubmission(ctx));
  app.view<ViewSubmitAction>(MANAGE_CALLBACKS.milestones, milestoneAddSubmission(ctx));
  app.view<ViewSubmitAction>(MANAGE_CALLBACKS.milestoneEdit, milestoneEditSubmission(ctx));
  app.view<ViewSubmitAction>(MEASURE_CALLBACKS.list, measureAddSubmission(ctx));
  app.view<ViewSubmitAction>(MEASURE_CALLBACKS.edit, measureEditSubmission(ctx));
  app.view<ViewSubmitAction>(MEASURE_CALLBACKS.archive, measureArchiveSubmission(ctx));
}
