// Workflow Builder step "Get department status": the counts `/reap status <department>`
// shows, as step outputs other steps can use (a weekly message to a channel, a spreadsheet
// row). Same service, so the same numbers and the same rule on who may read them.
import type { StepListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { departmentStatus, type DepartmentStatus } from '../../../../services/status.js';
import { plainText, stepFailureText, stepRunner, textInput } from '../../../workflow-steps.js';

export const DEPARTMENT_STATUS_STEP = 'get_department_status';

/** The step's outputs, named as the manifest declares them. */
export function departmentStatusOutputs(s: DepartmentStatus): Record<string, string | number> {
  return {
    department_code: s.department.code,
    department_name: s.department.name,
    total: s.total,
    completed: s.byStatus.COMPLETED,
    in_progress: s.byStatus.IN_PROGRESS,
    ongoing: s.byStatus.ONGOING,
    not_started: s.byStatus.NOT_STARTED,
    deferred: s.byStatus.DEFERRED,
    reported_this_period: s.summary.reported,
    not_reported: s.summary.notReported,
    overdue: s.summary.overdue,
  };
}

export function departmentStatusStep(ctx: AppContext): StepListener {
  return async ({ inputs, complete, fail, body }) => {
    const execution = body.event.function_execution_id;
    const runner = await stepRunner(ctx, textInput(inputs, 'user_id'));
    if ('refusal' in runner) {
      await fail({ error: plainText(runner.refusal) });
      return;
    }
    const { actor, t } = runner;
    const department = textInput(inputs, 'department');
    if (department === null) {
      await fail({ error: t('workflow.errors.missingInput', { input: 'department' }) });
      return;
    }
    let outputs: Record<string, string | number>;
    try {
      outputs = departmentStatusOutputs(await departmentStatus(ctx, actor, department));
    } catch (e) {
      await fail({ error: stepFailureText(ctx, t, e, { step: DEPARTMENT_STATUS_STEP, execution }) });
      return;
    }
    await complete({ outputs });
  };
}
