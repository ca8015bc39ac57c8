// The strategy form: `/reap add` (department, objective, owner and the fields) and Edit
// (the fields, prefilled). Block ids are the service's field names, so a refusal from
// addStrategy/editStrategy lands under the input it is about. A citywide plan's strategy
// also has a lead department and partner departments; department plans' forms do not.
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import type { Translate } from '../../../i18n/index.js';
import {
  MANAGE_CALLBACKS,
  ownerElement,
  ownerHint,
  strategyWhere,
  type OwnerChoices,
  type StrategyHeader,
  strategyMetadata,
  type StrategyMeta,
} from './manage-modals.js';
import { context, mrkdwnSection, option, plain } from '../../../ui/blocks.js';
import { metadataCodec, metadataId } from '../../../ui/private-metadata.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { limitHint } from '../../../ui/limit-hint.js';
import { CITYWIDE_FIELDS, MAX_PARTNER_DEPARTMENTS } from '../../../../domain/citywide-departments.js';

export const STRATEGY_BLOCKS = {
  department: 'department',
  objective: 'objectiveId',
  text: 'text',
  owner: 'ownerSlackId',
  dueDate: 'dueDate',
  performanceMeasures: 'performanceMeasures',
  outputs: 'outputs',
  flags: 'flags',
  lead: CITYWIDE_FIELDS.lead,
  partners: CITYWIDE_FIELDS.partners,
} as const;

/** The department picker in /reap add dispatches a block action so the objectives can follow. */
export const ADD_DEPARTMENT_ACTION_ID = 'manage:add:department';

/** The lead picker of a citywide add form dispatches too: the owners are the lead's people. */
export const ADD_LEAD_ACTION_ID = 'manage:add:lead';

/** The department picker's value for a citywide plan; a department's value is its id. */
export const citywidePlanValue = (planId: number): string => `plan:${planId}`;

/** What the department picker chose: a department or a citywide plan; null for anything else. */
export function parseAddTarget(value: string | undefined): { departmentId: number } | { planId: number } | null {
  const m = /^(plan:)?(\d{1,10})$/.exec(value ?? '');
  const id = m ? Number(m[2]) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  return m![1] ? { planId: id } : { departmentId: id };
}

export const FLAGS = ['languageAccess', 'disabilityAccess', 'genderEquity', 'priorityCommunities'] as const;
export type Flag = (typeof FLAGS)[number];

const FLAG_LABEL: Record<Flag, string> = {
  languageAccess: 'manage.fields.flagLanguageAccess',
  disabilityAccess: 'manage.fields.flagDisabilityAccess',
  genderEquity: 'manage.fields.flagGenderEquity',
  priorityCommunities: 'manage.fields.flagPriorityCommunities',
};

export interface FieldLimits {
  text: number;
  performanceMeasures: number;
  outputs: number;
}

export interface StrategyFieldValues {
  text: string;
  dueDate: string | null;
  performanceMeasures: string;
  outputs: string;
  flags: Record<Flag, boolean>;
}

function textInput(
  t: Translate,
  blockId: string,
  label: string,
  opts: { placeholder: string; limit: number; initial?: string; optional?: boolean },
): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label, 2000),
    hint: plain(limitHint(t, Math.min(3000, opts.limit)), 2000),
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      multiline: true,
      // Slack's client stops people at the limit; the service still checks crafted payloads.
      max_length: Math.min(3000, opts.limit),
      placeholder: plain(opts.placeholder, 150),
      ...(opts.initial ? { initial_value: opts.initial } : {}),
    },
  };
}

function fieldBlocks(t: Translate, limits: FieldLimits, initial: StrategyFieldValues | null, owner: KnownBlock | null): KnownBlock[] {
  const flagOptions = FLAGS.map((f) => option(t(FLAG_LABEL[f]), f));
  const checked = initial ? flagOptions.filter((o) => initial.flags[o.value as Flag]) : [];
  return [
    textInput(t, STRATEGY_BLOCKS.text, t('manage.fields.text'), {
      placeholder: t('manage.fields.textPlaceholder'),
      limit: limits.text,
      initial: initial?.text,
    }),
    ...(owner ? [owner] : []),
    {
      type: 'input',
      block_id: STRATEGY_BLOCKS.dueDate,
      optional: true,
      label: plain(t('manage.fields.dueDate'), 2000),
      element: {
        type: 'datepicker',
        action_id: 'value',
        placeholder: plain(t('manage.fields.dueDatePlaceholder'), 150),
        ...(initial?.dueDate ? { initial_date: initial.dueDate } : {}),
      },
    },
    textInput(t, STRATEGY_BLOCKS.performanceMeasures, t('manage.fields.performanceMeasures'), {
      placeholder: t('manage.fields.performanceMeasuresPlaceholder'),
      limit: limits.performanceMeasures,
      initial: initial?.performanceMeasures,
      optional: true,
    }),
    textInput(t, STRATEGY_BLOCKS.outputs, t('manage.fields.outputs'), {
      placeholder: t('manage.fields.outputsPlaceholder'),
      limit: limits.outputs,
      initial: initial?.outputs,
      optional: true,
    }),
    {
      type: 'input',
      block_id: STRATEGY_BLOCKS.flags,
      optional: true,
      label: plain(t('manage.fields.flags'), 2000),
      element: { type: 'checkboxes', action_id: 'value', options: flagOptions, ...(checked.length ? { initial_options: checked } : {}) },
    },
  ];
}

// ---------- add ----------

export interface DepartmentChoice {
  id: number;
  code: string;
  name: string;
}

export interface ObjectiveGroup {
  planTitle: string;
  objectives: { id: number; number: number; title: string }[];
}

export interface AddStrategyData {
  department: DepartmentChoice;
  /** Set for ORSE admins, who may add to any department with a plan; null for leads. */
  departments: DepartmentChoice[] | null;
  /** ORSE admins may also add to a citywide plan, offered after the departments. */
  citywidePlans?: CitywidePlanChoice[];
  objectiveGroups: ObjectiveGroup[];
  owners: OwnerChoices;
  limits: FieldLimits;
}

/**
 * Objectives offered at most. Slack allows 100 groups of 100 options, but a view must stay
 * under 250 kB; plans come newest first, so what falls off is the oldest plans' tail.
 */
export const MAX_OBJECTIVE_OPTIONS = 300;

function objectiveOptions(
  groups: readonly ObjectiveGroup[],
): { options: PlainTextOption[] } | { option_groups: { label: ReturnType<typeof plain>; options: PlainTextOption[] }[] } {
  const toOption = (o: ObjectiveGroup['objectives'][number]) => option(`${o.number}. ${o.title}`, String(o.id));
  let budget = MAX_OBJECTIVE_OPTIONS;
  const kept: ObjectiveGroup[] = [];
  for (const g of groups) {
    if (g.objectives.length === 0 || budget === 0 || kept.length === 100) continue;
    const take = Math.min(g.objectives.length, 100, budget);
    kept.push({ planTitle: g.planTitle, objectives: g.objectives.slice(0, take) });
    budget -= take;
  }
  if (kept.length === 1) return { options: kept[0]!.objectives.map(toOption) };
  return { option_groups: kept.map((g) => ({ label: plain(g.planTitle, 75), options: g.objectives.map(toOption) })) };
}

/** The Add strategy modal's private_metadata: the department or citywide plan it was built for. */
export const addStrategyMetadata = metadataCodec(z.union([z.object({ departmentId: metadataId }), z.object({ planId: metadataId })]));

export interface CitywidePlanChoice {
  id: number;
  key: string;
  title: string;
}

type SelectOptions = { options: PlainTextOption[] } | { option_groups: { label: ReturnType<typeof plain>; options: PlainTextOption[] }[] };

const departmentOption = (d: DepartmentChoice): PlainTextOption => option(`${d.name} (${d.code})`, String(d.id));

/**
 * Departments as select options. A select holds 100 options, so more departments are cut
 * into groups of 100 by name, each labelled with its first and last name.
 */
export function departmentSelectOptions(t: Translate, departments: readonly DepartmentChoice[]): SelectOptions {
  if (departments.length <= 100) return { options: departments.map(departmentOption) };
  const groups = [];
  for (let i = 0; i < departments.length && groups.length < 100; i += 100) {
    const chunk = departments.slice(i, i + 100);
    const label = t('manage.fields.departmentRange', { first: chunk[0]!.name, last: chunk.at(-1)!.name });
    groups.push({ label: plain(label, 75), options: chunk.map(departmentOption) });
  }
  return { option_groups: groups };
}

/** An ORSE admin's department picker: the departments, then the citywide plans, if any. */
function addTargetSelect(t: Translate, departments: readonly DepartmentChoice[], plans: readonly CitywidePlanChoice[], chosen: string): KnownBlock {
  const planOptions = plans.map((p) => option(`${p.title} (${p.key})`, citywidePlanValue(p.id)));
  let choices: SelectOptions;
  if (planOptions.length === 0) choices = { options: departments.slice(0, 100).map(departmentOption) };
  else {
    const byName = departmentSelectOptions(t, departments);
    const departmentGroups = 'options' in byName ? [{ label: plain(t('manage.fields.departmentsGroup'), 75), options: byName.options }] : byName.option_groups;
    choices = {
      option_groups: [
        ...departmentGroups.filter((g) => g.options.length > 0).slice(0, 99),
        { label: plain(t('manage.fields.citywidePlansGroup'), 75), options: planOptions.slice(0, 100) },
      ],
    };
  }
  const all = 'options' in choices ? choices.options : choices.option_groups.flatMap((g) => g.options);
  const initial = all.find((o) => o.value === chosen);
  return {
    type: 'input',
    block_id: STRATEGY_BLOCKS.department,
    dispatch_action: true,
    label: plain(t('manage.fields.department'), 2000),
    element: {
      type: 'static_select',
      action_id: ADD_DEPARTMENT_ACTION_ID,
      placeholder: plain(t('manage.fields.departmentPlaceholder'), 150),
      ...choices,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

export function addStrategyModal(t: Translate, d: AddStrategyData): ModalView {
  const hasObjectives = d.objectiveGroups.some((g) => g.objectives.length > 0);
  const departmentBlock: KnownBlock = d.departments
    ? addTargetSelect(t, d.departments, d.citywidePlans ?? [], String(d.department.id))
    : mrkdwnSection(t('manage.context.department', { department: escapeMrkdwn(d.department.name) }));

  const blocks: KnownBlock[] = [departmentBlock];
  if (!hasObjectives) {
    blocks.push(mrkdwnSection(t('manage.empty.noObjectives', { department: escapeMrkdwn(d.department.name) })));
  } else {
    // The objective's action_id names the department: when an admin switches department,
    // Slack must forget the objective picked for the previous one.
    blocks.push({
      type: 'input',
      block_id: STRATEGY_BLOCKS.objective,
      label: plain(t('manage.fields.objective'), 2000),
      hint: plain(t('manage.fields.objectiveHint'), 2000),
      element: {
        type: 'static_select',
        action_id: `objective:${d.department.id}`,
        placeholder: plain(t('manage.fields.objectivePlaceholder'), 150),
        ...objectiveOptions(d.objectiveGroups),
      },
    });
    const owner: KnownBlock = {
      type: 'input',
      block_id: STRATEGY_BLOCKS.owner,
      optional: true,
      label: plain(t('manage.fields.owner'), 2000),
      element: ownerElement(t, d.owners, null, `owner:${d.department.id}`),
      ...ownerHint(t, d.owners),
    };
    blocks.push(...fieldBlocks(t, d.limits, null, owner));
  }
  return {
    type: 'modal',
    callback_id: MANAGE_CALLBACKS.add,
    private_metadata: addStrategyMetadata.encode({ departmentId: d.department.id }),
    title: plain(t('manage.titles.add')),
    close: plain(t('manage.buttons.cancel')),
    // Without objectives there is nothing to submit; Slack then shows only Cancel.
    ...(hasObjectives ? { submit: plain(t('manage.buttons.add')) } : {}),
    blocks,
  };
}

// ---------- add to a citywide plan ----------

export interface CitywideAddData {
  plan: CitywidePlanChoice;
  /** The ORSE admin's department picker: departments with a plan, and the citywide plans. */
  departments: DepartmentChoice[];
  citywidePlans: CitywidePlanChoice[];
  /** Every department: who may lead or partner. */
  allDepartments: DepartmentChoice[];
  pillars: ObjectiveGroup['objectives'];
  /** The lead chosen so far; the owners are its people. */
  lead: DepartmentChoice | null;
  partnerIds: readonly number[];
  /** Null until a lead is chosen. */
  owners: OwnerChoices | null;
  /** An owner picked before the lead changed, kept when they are one of the new lead's people. */
  ownerSlackId: string | null;
  limits: FieldLimits;
}

/** The lead and partner inputs of a citywide strategy's form. */
function citywideBlocks(
  t: Translate,
  d: { departments: readonly DepartmentChoice[]; leadId: number | null; partnerIds: readonly number[] },
  actionIds: { lead: string; partners: string; dispatch: boolean; leadFixed: boolean },
): { lead: KnownBlock; partners: KnownBlock | null } {
  const leadOptions = departmentSelectOptions(t, d.departments);
  const leadInitial = d.departments.find((x) => x.id === d.leadId);
  // The lead cannot be a partner too: it is left out of the choices where it is fixed (the
  // add form is redrawn when it changes). An admin's Edit, which can move the lead, offers
  // every department, so the old lead can become a partner; the service refuses the new one.
  const partnerChoices = actionIds.leadFixed ? d.departments.filter((x) => x.id !== d.leadId) : d.departments;
  const partnerInitial = partnerChoices.filter((x) => d.partnerIds.includes(x.id)).slice(0, MAX_PARTNER_DEPARTMENTS);
  const lead: KnownBlock = {
    type: 'input',
    block_id: STRATEGY_BLOCKS.lead,
    ...(actionIds.dispatch ? { dispatch_action: true } : {}),
    label: plain(t('manage.fields.lead'), 2000),
    hint: plain(t('manage.fields.leadHint'), 2000),
    element: {
      type: 'static_select',
      action_id: actionIds.lead,
      placeholder: plain(t('manage.fields.leadPlaceholder'), 150),
      ...leadOptions,
      ...(leadInitial ? { initial_option: departmentOption(leadInitial) } : {}),
    },
  };
  // Slack refuses a select without options: a City of one department has no one to partner.
  if (partnerChoices.length === 0) return { lead, partners: null };
  const partners: KnownBlock = {
    type: 'input',
    block_id: STRATEGY_BLOCKS.partners,
    optional: true,
    label: plain(t('manage.fields.partners'), 2000),
    hint: plain(t('manage.fields.partnersHint', { limit: MAX_PARTNER_DEPARTMENTS }), 2000),
    element: {
      type: 'multi_static_select',
      action_id: actionIds.partners,
      placeholder: plain(t('manage.fields.partnersPlaceholder'), 150),
      max_selected_items: MAX_PARTNER_DEPARTMENTS,
      ...departmentSelectOptions(t, partnerChoices),
      ...(partnerInitial.length ? { initial_options: partnerInitial.map(departmentOption) } : {}),
    },
  };
  return { lead, partners };
}

export function addCitywideStrategyModal(t: Translate, d: CitywideAddData): ModalView {
  const blocks: KnownBlock[] = [addTargetSelect(t, d.departments, d.citywidePlans, citywidePlanValue(d.plan.id))];
  const hasPillars = d.pillars.length > 0;
  if (!hasPillars) {
    blocks.push(mrkdwnSection(t('manage.empty.noObjectives', { department: escapeMrkdwn(d.plan.title) })));
  } else {
    const leadKey = d.lead ? String(d.lead.id) : 'none';
    blocks.push({
      type: 'input',
      block_id: STRATEGY_BLOCKS.objective,
      label: plain(t('manage.fields.pillar'), 2000),
      hint: plain(t('manage.fields.objectiveHint'), 2000),
      element: {
        type: 'static_select',
        action_id: `objective:plan:${d.plan.id}`,
        placeholder: plain(t('manage.fields.pillarPlaceholder'), 150),
        ...objectiveOptions([{ planTitle: d.plan.title, objectives: d.pillars }]),
      },
    });
    // The partners' and owner's action_ids name the lead: when it changes, Slack takes the
    // new initial choices (partners without the new lead, owners among its people).
    const { lead, partners } = citywideBlocks(
      t,
      { departments: d.allDepartments, leadId: d.lead?.id ?? null, partnerIds: d.partnerIds },
      { lead: ADD_LEAD_ACTION_ID, partners: `partners:${leadKey}`, dispatch: true, leadFixed: true },
    );
    blocks.push(lead, ...(partners ? [partners] : []));
    const owner: KnownBlock =
      d.owners === null
        ? context(t('manage.context.ownerAfterLead'))
        : {
            type: 'input',
            block_id: STRATEGY_BLOCKS.owner,
            optional: true,
            label: plain(t('manage.fields.owner'), 2000),
            element: ownerElement(t, d.owners, d.ownerSlackId, `owner:lead:${leadKey}`),
            ...ownerHint(t, d.owners),
          };
    blocks.push(...fieldBlocks(t, d.limits, null, owner));
  }
  return {
    type: 'modal',
    callback_id: MANAGE_CALLBACKS.add,
    private_metadata: addStrategyMetadata.encode({ planId: d.plan.id }),
    title: plain(t('manage.titles.add')),
    close: plain(t('manage.buttons.cancel')),
    ...(hasPillars ? { submit: plain(t('manage.buttons.add')) } : {}),
    blocks,
  };
}

// ---------- edit ----------

export interface EditStrategyData extends StrategyHeader {
  meta: StrategyMeta;
  values: StrategyFieldValues;
  limits: FieldLimits;
  /** A citywide strategy's lead and partners; absent for department plans. */
  citywide?: {
    departments: DepartmentChoice[];
    lead: DepartmentChoice | null;
    partnerIds: readonly number[];
    /** ORSE admins may move it to another lead; its lead's equity lead sees the lead, not a picker. */
    canMoveLead: boolean;
  };
}

function editCitywideBlocks(t: Translate, c: NonNullable<EditStrategyData['citywide']>): KnownBlock[] {
  const { lead, partners } = citywideBlocks(
    t,
    { departments: c.departments, leadId: c.lead?.id ?? null, partnerIds: c.partnerIds },
    { lead: 'value', partners: 'value', dispatch: false, leadFixed: !c.canMoveLead },
  );
  const shownLead = c.canMoveLead || !c.lead ? lead : mrkdwnSection(t('manage.context.lead', { department: escapeMrkdwn(c.lead.name) }));
  return [shownLead, ...(partners ? [partners] : [])];
}

export function editStrategyModal(t: Translate, d: EditStrategyData): ModalView {
  return {
    type: 'modal',
    callback_id: MANAGE_CALLBACKS.edit,
    private_metadata: strategyMetadata.encode(d.meta),
    title: plain(t('manage.titles.edit')),
    submit: plain(t('manage.buttons.save')),
    close: plain(t('manage.buttons.cancel')),
    blocks: [
      // The text itself is the first input, so the header names only the strategy and its place.
      context(`*${escapeMrkdwn(d.label)}* · ${strategyWhere(t, d)}`),
      ...fieldBlocks(t, d.limits, d.values, null),
      ...(d.citywide ? editCitywideBlocks(t, d.citywide) : []),
      // Typed measures have their own modal (pushed over this one), reached from here.
      {
        type: 'actions',
        block_id: 'typed_measures',
        elements: [{ type: 'button', action_id: MEASURES_OPEN_ACTION_ID, text: plain(t('measures.manage.open'), 75), value: String(d.meta.strategyId) }],
      },
      context(t('measures.manage.openHint')),
    ],
  };
}

/** The "Typed measures…" button of the Edit strategy modal; its value is the strategy id. */
export const MEASURES_OPEN_ACTION_ID = 'measures:open';
