import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerAdminPerson } from './admin-person.js';
import { registerBriefingButtons } from './briefing-buttons.js';
import { registerBriefingComposer } from './briefing-composer.js';
import { registerManageAddDepartment } from './manage-add-department.js';
import { registerManageMilestoneComplete } from './manage-milestone-complete.js';
import { registerManageMilestoneEdit } from './manage-milestone-edit.js';
import { registerManageOverflow } from './manage-overflow.js';
import { registerReassignButton } from './reassign-button.js';
import { registerPlanOpen } from './plan-open.js';
import { registerPlanPage } from './plan-page.js';
import { registerReminderDone } from './reminder-done.js';
import { registerReminderSnooze } from './reminder-snooze.js';
import { registerReminderUndo } from './reminder-undo.js';
import { registerUpdateOpenButtons } from './update-open.js';
import { registerUpdateSelects } from './update-selects.js';
import { registerUpdateFull } from './update-full.js';

export function register(app: App, ctx: AppContext): void {
  registerManageOverflow(app, ctx);
  registerManageAddDepartment(app, ctx);
  registerManageMilestoneEdit(app, ctx);
  registerManageMilestoneComplete(app, ctx);
  registerReassignButton(app, ctx);
  registerAdminPerson(app, ctx);
  registerPlanPage(app, ctx);
  registerPlanOpen(app, ctx);
  registerUpdateOpenButtons(app, ctx);
  registerUpdateSelects(app, ctx);
  registerUpdateFull(app, ctx);
  registerReminderSnooze(app, ctx);
  registerReminderDone(app, ctx);
  registerReminderUndo(app, ctx);
  registerBriefingButtons(app, ctx);
  registerBriefingComposer(app, ctx);
}
