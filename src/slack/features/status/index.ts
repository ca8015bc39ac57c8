// /reap status, /reap status coverage, /reap deadlines and the "Get department status" workflow step.
import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerDepartmentStatusStep } from './listeners/department-status-step.js';

export function register(app: App, ctx: AppContext): void {
  registerDepartmentStatusStep(app, ctx);
}
