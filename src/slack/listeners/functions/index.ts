import type { App } from '@slack/bolt';
import type { AppContext } from '../../../services/app-context.js';
import { registerDepartmentStatusStep } from './department-status.js';
import { registerSubmitUpdateStep } from './submit-update.js';

/** Custom Workflow Builder steps, one listener per step declared in the manifest's `functions`. */
export function register(app: App, ctx: AppContext): void {
  registerDepartmentStatusStep(app, ctx);
  registerSubmitUpdateStep(app, ctx);
}
