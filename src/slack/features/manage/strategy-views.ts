// What the strategy-management forms show, loaded for a strategy the clicker may manage
// (the services decide and audit refusals), and the "someone picked Manage → X" flow.
//
// The form data comes from small reads in the services; every one of them runs after the
// services' requireManage has accepted the actor for the department concerned.
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../../domain/permissions.js';
import { STRATEGY_FIELD_LIMITS } from '../../../domain/strategy-input.js';
import type { AppContext } from '../../../services/app-context.js';
import { isOrseAdmin, loadActor, requireManage } from '../../../services/authz.js';
import { departmentsWithPlans, listDepartments } from '../../../services/departments.js';
import { activeDepartmentMembers } from '../../../services/members.js';
import { openMilestones } from '../../../services/milestones.js';
import { citywidePillars, citywidePlans, departmentObjectives } from '../../../services/plans.js';
import { loadManagedStrategy } from '../../../services/strategies.js';
import { strategyDepartment, strategyPartnerIds, strategyLabel, type StrategyRecord } from '../../../services/strategy-records.js';
import { speakerFor } from '../../caller.js';
import { openThenFill } from '../../loading-modal.js';
import type { Translate } from '../../i18n/index.js';
import {
  closeModal,
  deferModal,
  loadingModal,
  problemModal,
  reassignModal,
  type OwnerChoices,
  type PlanOrigin,
  type StrategyHeader,
  type StrategyMeta,
} from './ui/manage-modals.js';
import { milestonesModal } from './ui/milestone-form.js';
import { measuresModal } from './ui/measure-form.js';
import { activeMeasures } from '../../../services/measures.js';
import type { ManageOp } from './ui/manage-overflow.js';
import { addCitywideStrategyModal, addStrategyModal, editStrategyModal, type DepartmentChoice, type EditStrategyData } from './ui/strategy-form.js';

export function headerOf(s: StrategyRecord): StrategyHeader {
  return {
    label: strategyLabel(s),
    text: s.text,
    departmentName: strategyDepartment(s)?.name ?? null,
    planTitle: s.objective.plan.title,
    objectiveNumber: s.objective.number,
  };
}

export const AUDIT_ACTION: Record<ManageOp, string> = {
  edit: 'strategy.edit',
  reassign: 'strategy.reassign',
  defer: 'strategy.defer',
  close: 'strategy.close',
  'milestone:add': 'milestone.add',
  measures: 'measure.list',
};

/** Active members of the department, by name; more than a select holds means "pick anyone". */
export async function ownerChoices(ctx: AppContext, departmentId: number | null, departmentName: string | null): Promise<OwnerChoices> {
  if (departmentId === null) return { kind: 'anyone' };
  const members = await activeDepartmentMembers(ctx, departmentId, 101);
  if (members.length === 0 || members.length > 100) return { kind: 'anyone' };
  return { kind: 'members', members, departmentName: departmentName ?? '' };
}

/**
 * Who may own a strategy's work: its department's members. A citywide plan has no
 * department; its strategy's lead department manages it, so its members are the choices.
 */
export function strategyOwnerChoices(ctx: AppContext, s: StrategyRecord): Promise<OwnerChoices> {
  const department = strategyDepartment(s);
  return ownerChoices(ctx, department?.id ?? null, department?.name ?? null);
}

/** A citywide strategy's lead and partners for its Edit form; only ORSE admins may move the lead. */
async function citywideEditChoices(ctx: AppContext, s: StrategyRecord, actor: Actor | undefined): Promise<NonNullable<EditStrategyData['citywide']>> {
  const [departments, partnerIds] = await Promise.all([listDepartments(ctx), strategyPartnerIds(ctx, s.id)]);
  const lead = s.leadDepartment ? { id: s.leadDepartment.id, code: s.leadDepartment.code, name: s.leadDepartment.name } : null;
  return { departments, lead, partnerIds, canMoveLead: actor !== undefined && isOrseAdmin(actor) };
}

/** The milestones modal for a strategy, freshly loaded. */
export async function milestonesView(ctx: AppContext, t: Translate, s: StrategyRecord, notice?: string, formKey = ''): Promise<View> {
  const [open, owners] = await Promise.all([openMilestones(ctx, s.id), strategyOwnerChoices(ctx, s)]);
  return milestonesModal(t, { ...headerOf(s), strategyId: s.id, open, owners, titleLimit: STRATEGY_FIELD_LIMITS.milestoneTitle, notice }, formKey);
}

/** The modal for one Manage menu choice, for a strategy the actor may manage. */
export async function manageView(ctx: AppContext, t: Translate, op: ManageOp, s: StrategyRecord, origin?: PlanOrigin, actor?: Actor): Promise<View> {
  const header = headerOf(s);
  const meta: StrategyMeta = origin ? { strategyId: s.id, version: s.version, origin } : { strategyId: s.id, version: s.version };
  switch (op) {
    case 'edit':
      return editStrategyModal(t, {
        ...header,
        meta,
        limits: STRATEGY_FIELD_LIMITS,
        values: {
          text: s.text,
          dueDate: s.dueDate ? s.dueDate.toISOString().slice(0, 10) : null,
          performanceMeasures: s.performanceMeasures,
          outputs: s.outputs,
          flags: {
            languageAccess: s.languageAccess,
            disabilityAccess: s.disabilityAccess,
            genderEquity: s.genderEquity,
            priorityCommunities: s.priorityCommunities,
          },
        },
        ...(s.objective.plan.kind === 'CITYWIDE_PLAN' ? { citywide: await citywideEditChoices(ctx, s, actor) } : {}),
      });
    case 'reassign':
      return reassignModal(t, {
        ...header,
        meta,
        owner: s.owner ? { slackUserId: s.owner.slackUserId, name: s.owner.name } : null,
        needsReassignment: s.needsReassignment,
        choices: await strategyOwnerChoices(ctx, s),
      });
    case 'defer':
      return deferModal(t, {
        ...header,
        meta,
        status: s.status,
        dueDate: s.dueDate ? s.dueDate.toISOString().slice(0, 10) : null,
        reasonLimit: STRATEGY_FIELD_LIMITS.deferredReason,
      });
    case 'close':
      return closeModal(t, { ...header, meta });
    case 'milestone:add':
      return milestonesView(ctx, t, s);
    case 'measures':
      return measuresView(ctx, t, s);
  }
}

/** The Measures modal for a strategy the actor may manage, freshly loaded. */
export async function measuresView(ctx: AppContext, t: Translate, s: StrategyRecord, notice?: string, formKey = ''): Promise<View> {
  return measuresModal(t, { ...headerOf(s), strategyId: s.id, measures: await activeMeasures(ctx, s.id), notice }, formKey);
}

/**
 * The whole "someone picked Manage → X" flow: open Loading with the trigger, check and
 * load, then show the form (or why not). Used by the Manage menu and the Reassign button.
 */
export async function openManageModal(
  ctx: AppContext,
  client: WebClient,
  input: { slackUserId: string; triggerId: string; fromModal: boolean; op: ManageOp | null; strategyId: number | null; origin?: PlanOrigin },
): Promise<void> {
  await openManageForm(ctx, client, input, 'could not open a management modal', async (t) => {
    if (input.op === null || input.strategyId === null) {
      // Not a value our menus produce: someone crafted it.
      ctx.logger.warn({ user: input.slackUserId }, 'unrecognised manage action value');
      return problemModal(t, t('errors.notFound.strategy'));
    }
    const actor = await loadActor(ctx, input.slackUserId);
    const s = await loadManagedStrategy(ctx, actor, input.strategyId, AUDIT_ACTION[input.op]);
    return manageView(ctx, t, input.op, s, input.origin, actor);
  });
}

/**
 * Every management form opens the same way: "Loading…" with the trigger (pushed over the
 * modal it was asked from, if any), then the form `load` builds in the person's language,
 * or what went wrong in its place.
 */
export async function openManageForm(
  ctx: AppContext,
  client: WebClient,
  from: { slackUserId: string; triggerId: string; fromModal: boolean },
  what: string,
  load: (t: Translate) => Promise<View>,
): Promise<void> {
  const { t } = await speakerFor(ctx, from.slackUserId);
  await openThenFill(ctx, client, {
    opener: { triggerId: from.triggerId, push: from.fromModal },
    loading: loadingModal(t),
    load: () => load(t),
    problem: (text) => problemModal(t, text),
    t,
    what,
  });
}

/** The add form for `department`, after the services accepted the actor for it. */
export async function addStrategyView(ctx: AppContext, t: Translate, actor: Actor, department: DepartmentChoice): Promise<View> {
  await requireManage(ctx, actor, department.id, { action: 'strategy.add', entityType: 'department', entityId: department.id });
  const admin = isOrseAdmin(actor);
  const [departments, plans, groups, owners] = await Promise.all([
    admin ? departmentsWithPlans(ctx) : Promise.resolve(null),
    admin ? citywidePlans(ctx) : Promise.resolve([]),
    departmentObjectives(ctx, department.id),
    ownerChoices(ctx, department.id, department.name),
  ]);
  return addStrategyModal(t, {
    department,
    departments,
    citywidePlans: plans,
    objectiveGroups: groups,
    owners,
    limits: STRATEGY_FIELD_LIMITS,
  });
}

/** What the citywide add form had chosen when it is redrawn (a new lead, say). */
export interface CitywideAddChoices {
  leadId: number | null;
  partnerIds: readonly number[];
  ownerSlackId: string | null;
}

/**
 * The add form for a citywide plan, which only ORSE admins manage (it has no department).
 * Its owners are the chosen lead's people; an owner picked before stays if they are one.
 */
export async function addCitywideStrategyView(
  ctx: AppContext,
  t: Translate,
  actor: Actor,
  planId: number,
  chosen: CitywideAddChoices = { leadId: null, partnerIds: [], ownerSlackId: null },
): Promise<View | null> {
  await requireManage(ctx, actor, null, { action: 'strategy.add', entityType: 'plan', entityId: planId });
  const [plan, departments, plans, allDepartments] = await Promise.all([
    citywidePillars(ctx, planId),
    departmentsWithPlans(ctx),
    citywidePlans(ctx),
    listDepartments(ctx),
  ]);
  if (!plan) return null;
  const lead = allDepartments.find((d) => d.id === chosen.leadId) ?? null;
  const owners = lead ? await ownerChoices(ctx, lead.id, lead.name) : null;
  const keepOwner = owners?.kind === 'members' ? owners.members.some((m) => m.slackUserId === chosen.ownerSlackId) : false;
  return addCitywideStrategyModal(t, {
    plan: { id: plan.id, key: plan.key, title: plan.title },
    departments,
    citywidePlans: plans,
    allDepartments,
    pillars: plan.objectives,
    lead,
    partnerIds: chosen.partnerIds.filter((id) => id !== lead?.id),
    owners,
    ownerSlackId: keepOwner ? chosen.ownerSlackId : null,
    limits: STRATEGY_FIELD_LIMITS,
  });
}
