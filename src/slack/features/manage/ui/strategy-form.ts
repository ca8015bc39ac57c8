// The strategy form: `/reap add` (department, objective, owner and the fields) and Edit
// (the fields, prefilled). Block ids are the service's field names, so a refusal from
// addStrategy/editStrategy lands under the input it is about.
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

export const STRATEGY_BLOCKS = {
  department: 'department',
  objective: 'objectiveId',
  text: 'text',
  owner: 'ownerSlackId',
  dueDate: 'dueDate',
  performanceMeasures: 'performanceMeasures',
  outputs: 'outputs',
  flags: 'flags',
} as const;

/** The department picker in /reap add dispatches a block action so the objectives can follow. */
export const ADD_DEPARTMENT_ACTION_ID = 'manage:add:department';

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

/** The Add strategy modal's private_metadata: the department it was built for. */
export const addStrategyMetadata = metadataCodec(z.object({ departmentId: metadataId }));

export function addStrategyModal(t: Translate, d: AddStrategyData): ModalView {
  const hasObjectives = d.objectiveGroups.some((g) => g.objectives.length > 0);
  const departmentBlock: KnownBlock = d.departments
    ? {
        type: 'input',
        block_id: STRATEGY_BLOCKS.department,
        dispatch_action: true,
        label: plain(t('manage.fields.department'), 2000),
        element: {
          type: 'static_select',
          action_id: ADD_DEPARTMENT_ACTION_ID,
          placeholder: plain(t('manage.fields.departmentPlaceholder'), 150),
          options: d.departments.slice(0, 100).map((x) => option(`${x.name} (${x.code})`, String(x.id))),
          ...(d.departments.some((x) => x.id === d.department.id)
            ? { initial_option: option(`${d.department.name} (${d.department.code})`, String(d.department.id)) }
            : {}),
        },
      }
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

// ---------- edit ----------

export interface EditStrategyData extends StrategyHeader {
  meta: StrategyMeta;
  values: StrategyFieldValues;
  limits: FieldLimits;
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
