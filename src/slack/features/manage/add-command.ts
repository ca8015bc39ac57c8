// /reap add [department | plan]: the Add strategy modal. Equity leads add to their own
// department, ORSE admins to any department with a plan or to a citywide plan ("WSJ"); they
// can switch in the form.
// Who may is decided by the services before any modal opens: people REAP Tracker does not
// know are told how to be added, staff and managers get the plain refusal (audited).
import { callerActor } from '../../caller.js';
import type { View } from '@slack/types';
import type { Actor } from '../../../domain/permissions.js';
import { canManageDepartment, requireManage } from '../../../services/authz.js';
import { departmentsWithPlans, findDepartment, resolveDepartment } from '../../../services/departments.js';
import { citywidePlanNamed } from '../../../services/plans.js';
import { addCitywideStrategyView, addStrategyView } from './strategy-views.js';
import { openThenFill } from '../../loading-modal.js';
import { problemText } from '../../service-errors.js';
import { loadingModal, problemModal } from './ui/manage-modals.js';
import type { DepartmentChoice } from './ui/strategy-form.js';
import type { SubcommandHandler } from '../../commands/types.js';

/** The department named after `add`, else the actor's own, else (ORSE admins) the first with a plan. */
async function departmentFor(ctx: Parameters<SubcommandHandler>[0]['ctx'], actor: Actor, args: string): Promise<DepartmentChoice | null> {
  if (args !== '') {
    const d = await resolveDepartment(ctx, args);
    return { id: d.id, code: d.code, name: d.name };
  }
  if (actor.departmentId !== null && canManageDepartment(actor, actor.departmentId)) {
    const own = await findDepartment(ctx, actor.departmentId);
    if (own) return own;
  }
  if (canManageDepartment(actor, null)) return (await departmentsWithPlans(ctx))[0] ?? null;
  return null;
}

export const addCommand: SubcommandHandler = async ({ ctx, args, caller, t, ack, respond, client, command }) => {
  let department: DepartmentChoice | null = null;
  let planId: number | null = null;
  let actor: Actor;
  try {
    actor = await callerActor(ctx, caller);
    // A citywide plan has no department: only ORSE admins manage it.
    const plan = await citywidePlanNamed(ctx, args);
    if (plan) {
      await requireManage(ctx, actor, null, { action: 'strategy.add', entityType: 'plan', entityId: plan.id });
      planId = plan.id;
    } else {
      department = await departmentFor(ctx, actor, args);
      // Staff, managers, REDI members: refused (and audited) before a form they cannot use opens.
      if (department) await requireManage(ctx, actor, department.id, { action: 'strategy.add', entityType: 'department', entityId: department.id });
      else await requireManage(ctx, actor, actor.departmentId, { action: 'strategy.add', entityType: 'department', entityId: actor.departmentId ?? 'none' });
    }
  } catch (e) {
    await ack({ response_type: 'ephemeral', text: problemText(ctx, t, e, 'could not start /reap add') });
    return;
  }
  let load: () => Promise<View>;
  if (planId !== null) {
    const id = planId;
    load = async () => (await addCitywideStrategyView(ctx, t, actor, id)) ?? problemModal(t, t('manage.empty.planGone'));
  } else if (department) {
    const chosen = department;
    load = () => addStrategyView(ctx, t, actor, chosen);
  } else {
    await ack({ response_type: 'ephemeral', text: t('manage.empty.noDepartments') });
    return;
  }
  await ack();
  await openThenFill(ctx, client, {
    opener: { triggerId: command.trigger_id },
    loading: loadingModal(t),
    load,
    problem: (text) => problemModal(t, text),
    t,
    what: 'could not load the add strategy form',
    notOpened: () => respond({ response_type: 'ephemeral', text: t('common.errorGeneric') }).catch(() => {}),
  });
};
