// /reap status, /reap status coverage, /reap deadlines (subcommands: ../../commands/router.ts)
// and the "Get department status" workflow step.
import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { DEPARTMENT_STATUS_STEP, departmentStatusStep } from './listeners/department-status-step.js';

export function register(app: App, ctx: AppContext): void {
  app.function(DEPARTMENT_STATUS_STEP, departmentStatusStep(ctx));
}
